import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed YAML document in three flat arrays: nodes, the bytes of scalar texts and child lists.
///
/// Yams' `Node` tree is an enum of structs holding arrays of nodes, tags and anchors: building
/// it retained and released every node many times and resolved each scalar's tag with regular
/// expressions. Content needs kinds, texts, styles and positions; this holds just those.
///
/// A scalar's text is a range of `bytes` (for a tree read straight from a file, the file's own
/// bytes), made a `String` only when asked: at 10,000 intents most scalars are keys compared
/// once and examples packed as bytes, and a string for each was a tenth of loading.
final class YAMLTree {
    enum Kind: UInt8 {
        case scalar
        case sequence
        case mapping
    }

    struct Entry {
        var kind: Kind
        /// libyaml's scalar style (`Node.Scalar.Style`'s raw value); 0 for collections.
        var style: UInt8
        var line: Int32
        var column: Int32
        /// Where a scalar's text starts in `bytes`; a collection's first child in `children`.
        var first: Int32
        /// A scalar's number of bytes; a collection's number of children (keys and values
        /// alternate in a mapping).
        var count: Int32
    }

    // Constants once built: reading a class's `var` arrays paid a dynamic exclusivity check on
    // every node the loader looked at. Nodes and child lists are in memory the tree owns, so
    // that the block parser's lists become the tree's without a copy (copying them was a
    // twentieth of parsing 10,000 intents).
    let entries: UnsafeBufferPointer<Entry>
    /// UTF-8, valid where scalars are: each scalar's text is `count` bytes from `first`.
    let bytes: [UInt8]
    let children: UnsafeBufferPointer<Int32>
    /// Tag names by node, for trees that came from Yams; nil when tags follow from the style.
    let tags: [Int32: String]?

    /// A tree whose tags follow from the scalars' styles, or are `tags` when given.
    convenience init(entries: [Entry], bytes: [UInt8], children: [Int32], tags: [Int32: String]? = nil) {
        self.init(owning: Self.copy(entries), bytes: bytes, children: Self.copy(children), tags: tags)
    }

    /// A tree that frees `entries` and `children` when it goes: each must start an allocation
    /// of its own, which nothing else frees.
    init(
        owning entries: UnsafeBufferPointer<Entry>, bytes: [UInt8], children: UnsafeBufferPointer<Int32>,
        tags: [Int32: String]? = nil
    ) {
        self.entries = entries
        self.bytes = bytes
        self.children = children
        self.tags = tags
    }

    deinit {
        entries.deallocate()
        children.deallocate()
    }

    /// `elements` in an allocation of their own (of at least one element, so that it has an
    /// address to free).
    private static func copy<Element>(_ elements: [Element]) -> UnsafeBufferPointer<Element> {
        let copy = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = copy.initialize(from: elements)
        return UnsafeBufferPointer(rebasing: copy[..<elements.count])
    }

    var root: YAMLNode { YAMLNode(tree: self, index: 0) }

    /// Builds a tree node by node: children are added after their parent, listed when it ends.
    struct Builder {
        private(set) var entries: [Entry] = []
        private(set) var bytes: [UInt8] = []
        private(set) var children: [Int32] = []
        private var tags: [Int32: String]?

        init(tagged: Bool = false) {
            tags = tagged ? [:] : nil
        }

        mutating func addScalar(_ text: UnsafeBufferPointer<UInt8>, style: UInt8, line: Int, column: Int) -> Int32 {
            let first = bytes.count
            bytes.append(contentsOf: text)
            var entry = Entry(kind: .scalar, style: style, line: line, column: column, first: first)
            entry.count = Int32(text.count)
            return add(entry)
        }

        mutating func addScalar(_ text: String, style: UInt8, line: Int, column: Int) -> Int32 {
            YAMLTextChecks.withBytes(of: text) { addScalar($0, style: style, line: line, column: column) }
        }

        mutating func addCollection(_ kind: Kind, line: Int, column: Int) -> Int32 {
            add(Entry(kind: kind, style: 0, line: line, column: column, first: 0))
        }

        mutating func setChildren(of node: Int32, _ list: ArraySlice<Int32>) {
            entries[Int(node)].first = Int32(children.count)
            entries[Int(node)].count = Int32(list.count)
            children.append(contentsOf: list)
        }

        mutating func setTag(of node: Int32, _ name: String) {
            tags?[node] = name
        }

        private mutating func add(_ entry: Entry) -> Int32 {
            entries.append(entry)
            return Int32(entries.count - 1)
        }

        func build() -> YAMLTree { YAMLTree(entries: entries, bytes: bytes, children: children, tags: tags) }
    }

    // MARK: - Reading

    func entry(_ index: Int32) -> Entry { entries[Int(index)] }

    /// A scalar's text as a new string.
    func string(_ index: Int32) -> String {
        withText(of: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` on a scalar's UTF-8 bytes in place.
    func withText<Result>(of index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let entry = entries[Int(index)]
        return bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(entry.first)..<Int(entry.first + entry.count)]))
        }
    }

    /// Whether a scalar's text equals `name`, as strings compare them.
    func hasText(_ index: Int32, equalTo name: String) -> Bool {
        YAMLTextChecks.withBytes(of: name) { hasText(index, equalTo: $0) }
    }

    /// Whether a scalar's text equals the UTF-8 `text`, as strings compare them.
    func hasText(_ index: Int32, equalTo text: UnsafeBufferPointer<UInt8>) -> Bool {
        withText(of: index) { Self.sameText($0, text) }
    }

    /// Whether two UTF-8 texts are equal as strings compare them: by bytes when both are
    /// ASCII, else by canonical equivalence (the Kelvin sign equals `K`).
    static func sameText(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        if first.count == second.count
            && (first.isEmpty || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0)
        {
            return true
        }
        // Texts that start with different ASCII characters never are: an ASCII character
        // starts the canonical decomposition of a text that starts with it.
        if let one = first.first, let other = second.first, one != other, one < 0x80, other < 0x80 { return false }
        if first.allSatisfy({ $0 < 0x80 }) && second.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: first, as: UTF8.self) == String(decoding: second, as: UTF8.self)
    }

    func child(_ index: Int32, _ position: Int) -> Int32 { children[Int(entries[Int(index)].first) + position] }

    /// Calls `body` with the entry of each scalar item of a sequence, or of the node itself
    /// when it is a scalar; other items are skipped.
    func forEachText(in index: Int32, _ body: (Entry) -> Void) {
        let entry = entries[Int(index)]
        switch entry.kind {
        case .scalar:
            body(entry)
        case .sequence:
            for child in children[Int(entry.first)..<Int(entry.first + entry.count)] {
                let item = entries[Int(child)]
                if item.kind == .scalar { body(item) }
            }
        case .mapping:
            break
        }
    }

    /// The tag name as Yams would hold it after composing: explicit, `str` for quoted and block
    /// scalars, empty (still to resolve) for plain ones and collections.
    func tagName(_ index: Int32) -> String {
        if let tags { return tags[index] ?? "" }
        let entry = entries[Int(index)]
        let plain = Node.Scalar.Style.plain.rawValue
        return entry.kind == .scalar && UInt32(entry.style) != plain ? Tag.Name.str.rawValue : ""
    }
}

extension YAMLTree.Entry {
    /// Whether a scalar was written in quotes, so its text starts one column in.
    var isQuoted: Bool {
        kind == .scalar
            && (UInt32(style) == Node.Scalar.Style.singleQuoted.rawValue
                || UInt32(style) == Node.Scalar.Style.doubleQuoted.rawValue)
    }

    init(kind: YAMLTree.Kind, style: UInt8, line: Int, column: Int, first: Int) {
        self.init(
            kind: kind, style: style, line: Int32(clamping: line), column: Int32(clamping: column),
            first: Int32(first), count: 0)
    }
}
