extension PatternNode {
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

    /// Appends the node with every word reduced to its term: equal keys match the same words.
    ///
    /// Each node's key says how long it is (a list node gives its child count), so keys written
    /// one after the other can be told apart again: a run of them is a key of the run. Integers
    /// rather than the terms' text joined into strings, because building and hashing those
    /// strings was a tenth of compiling 80,000 patterns.
    func appendKey(to key: inout [Int32]) {
        switch self {
        case .term(let term):
            key.append(term)
        case .sequence(let nodes), .alternatives(let nodes):
            if case .sequence = self { key.append(KeyMarker.sequence) } else { key.append(KeyMarker.alternatives) }
            key.append(Int32(nodes.count))
            for node in nodes { node.appendKey(to: &key) }
        case .optional(let node):
            key.append(KeyMarker.optional)
            node.appendKey(to: &key)
        case .gap(let maximum):
            key.append(KeyMarker.gap)
            key.append(Int32(maximum))
        case .concept(let index):
            key.append(KeyMarker.concept)
            key.append(Int32(index))
        }
    }

    /// The node's key alone (see ``appendKey(to:)``).
    var key: [Int32] {
        var key: [Int32] = []
        appendKey(to: &key)
        return key
    }
}

/// Writes patterns' canonical keys: every word reduced to its term, the items of an unordered
/// set and the vetoes in sorted order, so that equal keys match the same messages.
///
/// One writer serves every pattern: its arrays keep their capacity, where a key and a key per
/// item, allocated and freed for each of 80,000 patterns, were a twentieth of the compile.
struct CanonicalKeyWriter {
    /// The key of the last pattern written.
    private(set) var key: [Int32] = []
    /// Item keys before they are sorted, one after the other, and where each one is.
    private var parts: [Int32] = []
    private var partRanges: [Range<Int>] = []

    mutating func write(_ pattern: PatternDraft) {
        key.removeAll(keepingCapacity: true)
        if pattern.shape == .unordered {
            key.append(PatternNode.keySeparator)
            appendSortedKeys(of: pattern.items)
        } else {
            for item in pattern.items {
                // Most items are a word: its key is its term, written here rather than by a call.
                if case .term(let term) = item { key.append(term) } else { item.appendKey(to: &key) }
            }
        }
        key.append(PatternNode.keySeparator)
        appendSortedKeys(of: pattern.vetoes)
    }

    /// Appends the keys of `nodes` to `key`, sorted.
    private mutating func appendSortedKeys(of nodes: [PatternNode]) {
        // Most lists (vetoes above all) have no node or one: nothing to sort.
        if nodes.count <= 1 {
            for node in nodes { node.appendKey(to: &key) }
            return
        }
        parts.removeAll(keepingCapacity: true)
        partRanges.removeAll(keepingCapacity: true)
        for node in nodes {
            let start = parts.count
            node.appendKey(to: &parts)
            partRanges.append(start..<parts.count)
        }
        let parts = self.parts
        partRanges.sort { parts[$0].lexicographicallyPrecedes(parts[$1]) }
        for range in partRanges { key += parts[range] }
    }
}
