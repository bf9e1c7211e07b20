import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One node of a ``YAMLTree``: what the content loader reads, with Yams' meanings for text,
/// booleans, numbers and key lookup.
struct YAMLNode {
    let tree: YAMLTree
    let index: Int32

    var kind: YAMLTree.Kind { tree.entry(index).kind }
    /// 1-based, as Yams' marks.
    var line: Int { Int(tree.entry(index).line) }
    var column: Int { Int(tree.entry(index).column) }

    /// A scalar's text; nil for a collection.
    var scalar: String? { kind == .scalar ? tree.string(index) : nil }

    /// Whether the scalar was written in quotes, so its text starts one column in.
    var isQuoted: Bool { tree.entry(index).isQuoted }

    var mapping: YAMLMapping? { kind == .mapping ? YAMLMapping(node: self) : nil }
    var sequence: YAMLSequence? { kind == .sequence ? YAMLSequence(node: self) : nil }

    /// Yams' `Node.string`: a scalar's text, or for a mapping the text under a `!!value` key.
    var string: String? {
        if let mapping {
            for (key, value) in mapping where tree.tagName(key.index) == Tag.Name.value.rawValue {
                return value.string
            }
        }
        return scalar
    }

    /// Yams' `Node.bool` (`true`, `yes`, `on` and their opposites, not when quoted).
    var bool: Bool? { yamsScalar.flatMap(Bool.construct) }

    /// Yams' `Node.int` (decimal, `0x`, `0o`, sexagesimal).
    var int: Int? { yamsScalar.flatMap(Int.construct) }

    /// The scalar as Yams holds it, built only for the few values read as booleans or numbers
    /// so they keep Yams' exact rules.
    private var yamsScalar: Node.Scalar? {
        guard kind == .scalar else { return nil }
        let style = Node.Scalar.Style(rawValue: UInt32(tree.entry(index).style)) ?? .any
        let tag = Tag(Tag.Name(rawValue: tree.tagName(index)), YAMLFile.resolver, .default)
        return Node.Scalar(tree.string(index), tag, style)
    }

    /// The value under key `name` when this is a mapping (see ``YAMLMapping/subscript(_:)``).
    subscript(name: String) -> YAMLNode? { mapping?[name] }
}

/// A mapping node's pairs, in file order.
struct YAMLMapping: Sequence {
    let node: YAMLNode

    var count: Int { Int(node.tree.entry(node.index).count) / 2 }

    func key(at position: Int) -> YAMLNode {
        YAMLNode(tree: node.tree, index: node.tree.child(node.index, 2 * position))
    }

    func value(at position: Int) -> YAMLNode {
        YAMLNode(tree: node.tree, index: node.tree.child(node.index, 2 * position + 1))
    }

    var keys: [YAMLNode] { (0..<count).map(key(at:)) }

    /// The value of the last key that Yams' `mapping[name]` finds: a scalar `name` whose tag is
    /// or resolves to `str`. Every name the loader asks for resolves to `str` when plain, so a
    /// plain key matches by its text and a key tagged otherwise never does.
    subscript(name: String) -> YAMLNode? {
        let tree = node.tree
        let found = YAMLTextChecks.withBytes(of: name) { name in
            stride(from: count - 1, through: 0, by: -1).first { position in
                let key = tree.child(node.index, 2 * position)
                guard tree.entry(key).kind == .scalar, tree.hasText(key, equalTo: name) else { return false }
                let tag = tree.tagName(key)
                return tag.isEmpty || tag == Tag.Name.str.rawValue || tag == Tag.Name.nonSpecific.rawValue
            }
        }
        return found.map(value(at:))
    }

    func makeIterator() -> Iterator { Iterator(mapping: self) }

    struct Iterator: IteratorProtocol {
        let mapping: YAMLMapping
        var position = 0

        mutating func next() -> (key: YAMLNode, value: YAMLNode)? {
            guard position < mapping.count else { return nil }
            defer { position += 1 }
            return (mapping.key(at: position), mapping.value(at: position))
        }
    }
}

/// A sequence node's items, in file order.
struct YAMLSequence: RandomAccessCollection {
    let node: YAMLNode

    var startIndex: Int { 0 }
    var endIndex: Int { Int(node.tree.entry(node.index).count) }

    subscript(position: Int) -> YAMLNode { YAMLNode(tree: node.tree, index: node.tree.child(node.index, position)) }
}

/// A mapping's values under the keys a schema names, and the keys it does not name, found in
/// one pass over the mapping's keys.
///
/// Looking up each of an intent's nine keys and then checking every key against the schema
/// compared each key a dozen times; this compares it once with each name, and the values are
/// then read by the name's position in the schema rather than by comparing names again.
struct YAMLFields {
    /// The names a mapping may use, with their bytes laid out once for comparing keys.
    struct Schema {
        let names: [String]
        fileprivate let bytes: [UInt8]
        fileprivate let ranges: [Range<Int>]

        /// `names` must be ASCII, as schema keys are: then a key that is ASCII equals a name only
        /// byte for byte.
        init(_ names: [String]) {
            precondition(names.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "schema names are ASCII")
            precondition(names.count <= Values.scalarCount, "a schema names at most \(Values.scalarCount) keys")
            self.names = names
            var bytes: [UInt8] = []
            var ranges: [Range<Int>] = []
            for name in names {
                ranges.append(bytes.count..<(bytes.count + name.utf8.count))
                bytes.append(contentsOf: name.utf8)
            }
            self.bytes = bytes
            self.ranges = ranges
        }
    }

    private let tree: YAMLTree
    /// The value's node under each name, by the name's position; -1 for a name not used. In a
    /// SIMD vector rather than an array: allocating an array for each intent was a quarter of
    /// reading its keys.
    private var values = Values(repeating: -1)
    fileprivate typealias Values = SIMD16<Int32>
    /// The keys that are text but none of the names, with their text, in file order.
    private(set) var unknownKeys: [(key: YAMLNode, name: String)] = []

    /// What `mapping[name]` gives for each of the schema's names, and the keys that
    /// ``YAMLFile/rejectUnknownKeys(_:allowed:in:log:)`` reports.
    init(_ mapping: YAMLMapping, schema: Schema) {
        tree = mapping.node.tree
        guard tree.tags == nil else {
            // Tags from Yams decide which keys count: ask as those functions do.
            for (position, name) in schema.names.enumerated() {
                if let value = mapping[name] { values[position] = value.index }
            }
            for (key, _) in mapping {
                guard let name = key.string, !schema.names.contains(name) else { continue }
                unknownKeys.append((key, name))
            }
            return
        }
        // Without tags every scalar key is a text key, and a later key wins, as `mapping[name]`
        // finds the last.
        let tree = tree
        schema.bytes.withUnsafeBufferPointer { names in
            for position in 0..<mapping.count {
                let key = tree.child(mapping.node.index, 2 * position)
                guard tree.entry(key).kind == .scalar else { continue }
                let match = tree.withText(of: key) { text in
                    // By length and bytes for an ASCII key, the usual one: comparing as strings
                    // walked both texts whenever they started alike (`patterns`, `priority`).
                    guard text.allSatisfy({ $0 < 0x80 }) else {
                        return schema.ranges.firstIndex { range in
                            YAMLTree.sameText(text, UnsafeBufferPointer(rebasing: names[range]))
                        }
                    }
                    return schema.ranges.firstIndex { range in
                        range.count == text.count
                            && (text.isEmpty
                                || memcmp(text.baseAddress!, names.baseAddress! + range.lowerBound, text.count) == 0)
                    }
                }
                if let match {
                    values[match] = tree.child(mapping.node.index, 2 * position + 1)
                } else {
                    unknownKeys.append((YAMLNode(tree: tree, index: key), tree.string(key)))
                }
            }
        }
    }

    /// The value under the schema's name at `position`.
    subscript(position: Int) -> YAMLNode? {
        values[position] < 0 ? nil : YAMLNode(tree: tree, index: values[position])
    }
}
