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

    /// Writes the key of `pattern`, whose nodes are in `nodes`.
    mutating func write(_ pattern: PatternDraft, nodes: DraftNodes) {
        key.removeAll(keepingCapacity: true)
        if pattern.shape == .unordered {
            key.append(DraftNodes.keySeparator)
            appendSortedKeys(of: pattern.items, in: nodes)
        } else {
            for item in nodes.nodes(in: pattern.items) {
                // Most items are a word: its key is its term, written here rather than by a call.
                if nodes.opcode(at: item) == PatternCode.Opcode.term {
                    key.append(nodes.operand(at: item))
                } else {
                    nodes.appendKey(of: item, to: &key)
                }
            }
        }
        key.append(DraftNodes.keySeparator)
        appendSortedKeys(of: pattern.vetoes, in: nodes)
    }

    /// Appends the keys of the nodes in `range` to `key`, sorted.
    private mutating func appendSortedKeys(of range: Range<Int>, in nodes: DraftNodes) {
        // Most lists (vetoes above all) have no node or one: nothing to sort.
        if range.isEmpty { return }
        if nodes.end(of: range.lowerBound) == range.upperBound {
            nodes.appendKey(of: range.lowerBound, to: &key)
            return
        }
        // Written straight into the key: most sets are words alone, whose keys are their terms,
        // one integer each (any other node's key is longer), and the terms sorted in place are
        // the keys sorted, for less than copying them out and sorting them there.
        let start = key.count
        var isWords = true
        for node in nodes.nodes(in: range) {
            if nodes.opcode(at: node) == PatternCode.Opcode.term {
                key.append(nodes.operand(at: node))
            } else {
                nodes.appendKey(of: node, to: &key)
                isWords = false
            }
        }
        if isWords {
            key.withUnsafeMutableBufferPointer { key in
                // A set has a few words: an insertion sort, without the general sort's set-up.
                for next in (start + 1)..<key.count {
                    let term = key[next]
                    var place = next
                    while place > start, term < key[place - 1] {
                        key[place] = key[place - 1]
                        place -= 1
                    }
                    key[place] = term
                }
            }
            return
        }
        // Otherwise the keys are written again, each on its own, and sorted as sequences.
        key.removeLast(key.count - start)
        parts.removeAll(keepingCapacity: true)
        partRanges.removeAll(keepingCapacity: true)
        for node in nodes.nodes(in: range) {
            let partStart = parts.count
            nodes.appendKey(of: node, to: &parts)
            partRanges.append(partStart..<parts.count)
        }
        let parts = self.parts
        partRanges.sort { parts[$0].lexicographicallyPrecedes(parts[$1]) }
        for range in partRanges { key += parts[range] }
    }
}
