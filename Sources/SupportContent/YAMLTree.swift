import Yams

/// A parsed YAML document in three flat arrays: nodes, scalar texts and child lists.
///
/// Yams' `Node` tree is an enum of structs holding arrays of nodes, tags and anchors: building
/// it retained and released every node many times and resolved each scalar's tag with regular
/// expressions. Content needs kinds, texts, styles and positions; this holds just those.
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
        /// A scalar's index in `strings`; a collection's first child in `children`.
        var first: Int32
        /// A collection's number of children (keys and values alternate in a mapping).
        var count: Int32
    }

    // Constants once built: reading a class's `var` arrays paid a dynamic exclusivity check on
    // every node the loader looked at.
    let entries: [Entry]
    let strings: [String]
    let children: [Int32]
    /// Tag names by node, for trees that came from Yams; nil when tags follow from the style.
    let tags: [Int32: String]?

    /// A tree whose tags follow from the scalars' styles, or are `tags` when given.
    init(entries: [Entry], strings: [String], children: [Int32], tags: [Int32: String]? = nil) {
        self.entries = entries
        self.strings = strings
        self.children = children
        self.tags = tags
    }

    var root: YAMLNode { YAMLNode(tree: self, index: 0) }

    /// Builds a tree node by node: children are added after their parent, listed when it ends.
    struct Builder {
        private(set) var entries: [Entry] = []
        private(set) var strings: [String] = []
        private(set) var children: [Int32] = []
        private var tags: [Int32: String]?

        init(tagged: Bool = false) {
            tags = tagged ? [:] : nil
        }

        mutating func addScalar(_ text: String, style: UInt8, line: Int, column: Int) -> Int32 {
            strings.append(text)
            return add(Entry(kind: .scalar, style: style, line: line, column: column, first: strings.count - 1))
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

        func build() -> YAMLTree { YAMLTree(entries: entries, strings: strings, children: children, tags: tags) }
    }

    // MARK: - Reading

    func entry(_ index: Int32) -> Entry { entries[Int(index)] }

    func string(_ index: Int32) -> String { strings[Int(entries[Int(index)].first)] }

    func child(_ index: Int32, _ position: Int) -> Int32 { children[Int(entries[Int(index)].first) + position] }

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
    init(kind: YAMLTree.Kind, style: UInt8, line: Int, column: Int, first: Int) {
        self.init(
            kind: kind, style: style, line: Int32(clamping: line), column: Int32(clamping: column),
            first: Int32(first), count: 0)
    }
}
