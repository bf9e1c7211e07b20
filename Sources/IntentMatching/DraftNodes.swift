/// A pattern's nodes while it compiles, flat, laid out as ``PatternCode`` lays them out: `term t`,
/// `concept c` and `gap n` take two words, `sequence end`, `alternatives end` and `optional end`
/// are followed by their children, `end` being where the next node starts in `words`.
///
/// Patterns used to be compiled to a tree of ``PatternNode``s first: an array per list node,
/// allocated, walked by five passes and freed again for each of 80,000 patterns. One array here,
/// whose capacity serves every pattern, holds a pattern's nodes, and the code copies them as
/// they are. Concepts, compiled once each, are still kept as trees.
struct DraftNodes {
    /// Owns the words' memory, which a `DraftNodes` writes without asking whether it is shared:
    /// as an array, each of a compile's million appends checked that and the capacity, and
    /// emptying it for each pattern went through the generic `replaceSubrange`. The compiler
    /// swaps its nodes in and out of itself and never writes to a copy.
    private final class Storage {
        let words: UnsafeMutablePointer<Int32>
        let capacity: Int

        init(capacity: Int) {
            words = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { words.deallocate() }
    }

    private var storage: Storage?
    /// `storage`'s words, nil until the first node is appended.
    private var base: UnsafeMutablePointer<Int32>?
    private var capacity = 0
    private(set) var count = 0

    mutating func removeAll() { count = 0 }

    private var words: UnsafeMutablePointer<Int32> { base.unsafelyUnwrapped }

    // MARK: - Reading

    func opcode(at node: Int) -> Int32 { words[node] }

    /// A term's, concept's or gap's operand.
    func operand(at node: Int) -> Int32 { words[node + 1] }

    /// Whether nodes with `opcode` have children, and an `end` as their operand.
    static func isList(_ opcode: Int32) -> Bool { opcode >= PatternCode.Opcode.sequence }

    func isOptionalOrGap(_ node: Int) -> Bool {
        words[node] == PatternCode.Opcode.optional || words[node] == PatternCode.Opcode.gap
    }

    /// Where the node after `node` starts.
    func end(of node: Int) -> Int { Self.isList(words[node]) ? Int(words[node + 1]) : node + 2 }

    /// Where the children of list node `node` are (see ``nodes(in:)``).
    func children(of node: Int) -> Range<Int> { (node + 2)..<Int(words[node + 1]) }

    /// The nodes that follow one another in `range` (the items, the vetoes or a node's children).
    ///
    /// Its iterator reads the words in place: the nodes must not be written to while it is in use.
    func nodes(in range: Range<Int>) -> Nodes { Nodes(words: base, position: range.lowerBound, end: range.upperBound) }

    /// Positions in `words` of nodes that follow one another.
    struct Nodes: Sequence, IteratorProtocol {
        let words: UnsafeMutablePointer<Int32>?
        var position: Int
        let end: Int

        /// How many nodes there are, counted by walking them.
        var underestimatedCount: Int { reduce(0) { count, _ in count + 1 } }

        mutating func next() -> Int? {
            guard position < end else { return nil }
            let words = self.words.unsafelyUnwrapped
            defer { position = DraftNodes.isList(words[position]) ? Int(words[position + 1]) : position + 2 }
            return position
        }
    }

    /// The node at `node` as a tree: what a concept keeps.
    func tree(at node: Int) -> PatternNode {
        let operand = words[node + 1]
        switch words[node] {
        case PatternCode.Opcode.term: return .term(operand)
        case PatternCode.Opcode.concept: return .concept(Int(operand))
        case PatternCode.Opcode.gap: return .gap(maximum: Int(operand))
        case PatternCode.Opcode.optional: return .optional(tree(at: node + 2))
        case PatternCode.Opcode.sequence: return .sequence(trees(in: children(of: node)))
        default: return .alternatives(trees(in: children(of: node)))
        }
    }

    /// The nodes in `range` as trees, in an array sized at once (a lifted choice becomes one).
    private func trees(in range: Range<Int>) -> [PatternNode] {
        var trees: [PatternNode] = []
        trees.reserveCapacity(nodes(in: range).underestimatedCount)
        for node in nodes(in: range) { trees.append(tree(at: node)) }
        return trees
    }

    /// Appends the nodes in `range` to `code`, their `end`s moved to where they land.
    func appendNodes(in range: Range<Int>, to code: inout [Int32]) {
        let start = code.count
        let shift = Int32(start - range.lowerBound)
        // Copied at once, then the `end`s moved: appended word by word, each append checked the
        // array's capacity and uniqueness (a tenth of adding a pattern).
        code.append(contentsOf: UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count))
        code.withUnsafeMutableBufferPointer { code in
            // Every node starts with two words, its children (if any) right after them.
            for position in stride(from: start, to: code.count, by: 2) where Self.isList(code[position]) {
                code[position + 1] += shift
            }
        }
    }

    // MARK: - Writing

    /// Appends a term, concept or gap node. Inlined: called, it cost more than the writes.
    @inline(__always)
    mutating func append(_ opcode: Int32, _ operand: Int32) {
        if count + 2 > capacity { grow() }
        words[count] = opcode
        words[count + 1] = operand
        count += 2
    }

    /// Starts a list node and returns where it is: its children are appended next, then
    /// ``endList(_:)`` closes it.
    mutating func startList(_ opcode: Int32) -> Int {
        append(opcode, 0)
        return count - 2
    }

    mutating func endList(_ node: Int) { words[node + 1] = Int32(count) }

    @inline(never)
    private mutating func grow() {
        assert(storage == nil || isKnownUniquelyReferenced(&storage), "a copy of the draft nodes was written to")
        let grown = Storage(capacity: max(256, 2 * capacity))
        if let base { grown.words.initialize(from: base, count: count) }
        storage = grown
        base = grown.words
        capacity = grown.capacity
    }

    // MARK: - Keys

    /// Markers that start a non-term node in a key; terms are written as themselves (never
    /// negative), so a marker cannot be mistaken for a term.
    private enum KeyMarker {
        static let sequence: Int32 = -1
        static let alternatives: Int32 = -2
        static let optional: Int32 = -3
        static let gap: Int32 = -4
        static let concept: Int32 = -5
    }

    /// A marker no node key starts with: it closes a run of node keys, so runs can be joined.
    static let keySeparator: Int32 = -6

    /// Appends the key of `node`: its words reduced to their terms, so equal keys match the same
    /// words.
    ///
    /// Each node's key says how long it is (a list node gives its child count), so keys written
    /// one after the other can be told apart again: a run of them is a key of the run. Integers
    /// rather than the terms' text joined into strings, because building and hashing those
    /// strings was a tenth of compiling 80,000 patterns.
    func appendKey(of node: Int, to key: inout [Int32]) {
        let operand = words[node + 1]
        switch words[node] {
        case PatternCode.Opcode.term:
            key.append(operand)
        case PatternCode.Opcode.concept:
            key.append(KeyMarker.concept)
            key.append(operand)
        case PatternCode.Opcode.gap:
            key.append(KeyMarker.gap)
            key.append(operand)
        case PatternCode.Opcode.optional:
            key.append(KeyMarker.optional)
            appendKey(of: node + 2, to: &key)
        default:
            let isSequence = words[node] == PatternCode.Opcode.sequence
            key.append(isSequence ? KeyMarker.sequence : KeyMarker.alternatives)
            let countSlot = key.count
            key.append(0)
            var childCount: Int32 = 0
            for child in nodes(in: children(of: node)) {
                appendKey(of: child, to: &key)
                childCount += 1
            }
            key[countSlot] = childCount
        }
    }
}

/// A pattern while the index is being built: where its nodes are in the compiler's draft
/// nodes, before they become code. Its marks are in the compiler's `patternMarks` until the
/// next pattern compiles.
struct PatternDraft {
    let intentIndex: Int
    let shape: ParsedPattern.Shape
    /// Where the items' nodes are in the draft nodes.
    let items: Range<Int>
    /// Where the vetoes' nodes are in the draft nodes.
    let vetoes: Range<Int>
    /// Where, in the compiler's list of pattern terms, are the terms the pattern can match,
    /// sorted, without repeats: which message words it explains.
    let terms: Range<Int>
    let requiredItemCount: Int
}
