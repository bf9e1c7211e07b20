/// One node of a pattern as written, parsed but not yet compiled. See README, "The pattern
/// language".
///
/// Nodes are kept flat in ``ParsedPattern/nodes``, each followed by its children: a tree of
/// enums cost an array per group and per pattern, allocated and freed again for each of
/// 80,000 patterns (a tenth of the compile), where one array serves every pattern here.
struct PatternSyntax: Sendable, Hashable {
    enum Kind: UInt8, Sendable, Hashable {
        /// One word as the author wrote it (may become several words after normalization).
        case word
        case sequence
        case alternatives
        case optional
        case gap
        case concept
    }

    var kind: Kind
    /// How many nodes this one and its children take: the next sibling is this far on.
    var size: Int32
    /// Where the node starts in the pattern, in Unicode scalars, as errors report it.
    var offset: Int32
    /// A word's UTF-8 bytes in the pattern text, or a concept's name's (without `~`); empty
    /// for other nodes.
    var bytes: Range<Int32>
    /// The widest gap, for a gap.
    var maximum: Int32

    var isOptionalOrGap: Bool { kind == .optional || kind == .gap }
}

/// A whole pattern: a sequence or an unordered set, plus vetoes.
struct ParsedPattern: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        case sequence
        case unordered
    }

    var shape = Shape.sequence
    /// The items' nodes, then the vetoes': each node followed by its children.
    var nodes: [PatternSyntax] = []
    /// Where the vetoes start in `nodes`.
    var vetoStart = 0

    /// Where the items are in `nodes` (see ``subtrees(in:)``).
    var items: Range<Int> { 0..<vetoStart }
    var vetoes: Range<Int> { vetoStart..<nodes.count }

    /// The nodes that start the subtrees of `range` (the items, the vetoes or a node's children).
    func subtrees(in range: Range<Int>) -> Subtrees {
        Subtrees(nodes: nodes, position: range.lowerBound, end: range.upperBound)
    }

    /// How many subtrees `range` holds.
    func subtreeCount(in range: Range<Int>) -> Int { subtrees(in: range).reduce(0) { count, _ in count + 1 } }

    /// Where the children of `node` are (see ``subtrees(in:)``).
    func childRange(of node: Int) -> Range<Int> { (node + 1)..<(node + Int(nodes[node].size)) }

    /// Positions in `nodes` of subtrees that follow one another.
    struct Subtrees: Sequence, IteratorProtocol {
        let nodes: [PatternSyntax]
        var position: Int
        let end: Int

        mutating func next() -> Int? {
            guard position < end else { return nil }
            defer { position += Int(nodes[position].size) }
            return position
        }
    }
}

/// A syntax error at a character offset in the pattern text.
struct PatternSyntaxError: Error, Sendable, Hashable {
    var message: String
    var offset: Int
}
