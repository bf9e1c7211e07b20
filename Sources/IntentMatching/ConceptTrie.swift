/// Every concept form of several plain words, as a trie: forms that share their first words
/// share the lookups that find them, so a concept like "send (money|funds|...) to (my|a|...)
/// (wallet|bank|...)" costs a few lookups per message, not one per spelled-out form.
struct ConceptTrie: Sendable {
    /// A word leading from one node to the next.
    struct Edge: Sendable {
        var term: Int32
        var node: Int32
    }

    struct Node: Sendable {
        /// This node's edges in `edges`.
        var edgesStart: Int32 = 0
        var edgesCount: Int32 = 0
        /// The concepts whose forms end here, in `endings`.
        var endingsStart: Int32 = 0
        var endingsCount: Int32 = 0
    }

    /// The nodes after a form's second word and further; the first two words lead to one
    /// through `pairs`.
    private(set) var nodes: [Node] = []
    private(set) var edges: [Edge] = []
    private(set) var endings: [Int32] = []
    /// A form's first two words → the node after them. A window looks up each pair of
    /// neighbouring words here once, where walking from the first word's node had searched its
    /// edges (often dozens: "to" followed by any of many words) for each word that follows it.
    private var pairs: WordPairTable

    /// A trie of `forms` (concept, its words); forms of fewer than two words are left out.
    init(termCount: Int, forms: [(concept: Int32, terms: [Int32])]) {
        var children: [[Int32: Int32]] = []
        var ends: [[Int32]] = []
        var roots = [Int32](repeating: -1, count: termCount)
        func child(_ parent: Int32?, _ term: Int32) -> Int32 {
            if let parent, let existing = children[Int(parent)][term] { return existing }
            if parent == nil, roots[Int(term)] >= 0 { return roots[Int(term)] }
            let created = Int32(children.count)
            children.append([:])
            ends.append([])
            if let parent { children[Int(parent)][term] = created } else { roots[Int(term)] = created }
            return created
        }
        for form in forms where form.terms.count >= 2 {
            var node = child(nil, form.terms[0])
            for term in form.terms.dropFirst() { node = child(node, term) }
            if !ends[Int(node)].contains(form.concept) { ends[Int(node)].append(form.concept) }
        }
        // The nodes after a first word (no form ends there) are only reached through `pairs`:
        // the others are numbered without them.
        var numbers = [Int32](repeating: 0, count: children.count)
        for root in roots where root >= 0 { numbers[Int(root)] = -1 }
        var kept: [Int] = []
        for index in children.indices where numbers[index] >= 0 {
            numbers[index] = Int32(kept.count)
            kept.append(index)
        }
        nodes = Array(repeating: Node(), count: kept.count)
        for (number, index) in kept.enumerated() {
            nodes[number].edgesStart = Int32(edges.count)
            nodes[number].edgesCount = Int32(children[index].count)
            for (term, node) in children[index].sorted(by: { $0.key < $1.key }) {
                edges.append(Edge(term: term, node: numbers[Int(node)]))
            }
            nodes[number].endingsStart = Int32(endings.count)
            nodes[number].endingsCount = Int32(ends[index].count)
            endings += ends[index]
        }
        var firstPairs: [(first: Int32, second: Int32, node: Int32)] = []
        for (first, root) in roots.enumerated() where root >= 0 {
            for (second, node) in children[Int(root)] { firstPairs.append((Int32(first), second, numbers[Int(node)])) }
        }
        pairs = WordPairTable(firstPairs)
    }

    /// Calls `body` with a walker over the trie and the window: built once per window rather
    /// than once per word that starts a form. `positions` says where a term is in the window,
    /// `words` which terms a window word has.
    func withWalker<Result>(
        positions: WindowTermPositions, words: IntentIndex.WindowWords, _ body: (Walker) -> Result
    ) -> Result {
        nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                endings.withUnsafeBufferPointer { endings in
                    pairs.withLookup { pairs in
                        body(
                            Walker(
                                nodes: nodes, edges: edges, endings: endings, pairs: pairs, positions: positions,
                                words: words))
                    }
                }
            }
        }
    }

    /// The trie's tables and the window, read in place: no array is retained per step.
    struct Walker {
        fileprivate let nodes: UnsafeBufferPointer<Node>
        fileprivate let edges: UnsafeBufferPointer<Edge>
        fileprivate let endings: UnsafeBufferPointer<Int32>
        fileprivate let pairs: WordPairTable.Lookup
        fileprivate let positions: WindowTermPositions
        fileprivate let words: IntentIndex.WindowWords

        /// Calls `found(concept, length, starts)` for every form starting with `term` that occurs
        /// in the window, where `starts` are the positions of its first word.
        @inline(__always)
        func forms(startingWith term: Int32, _ found: (Int32, Int32, WordPositions) -> Void) {
            // Where a second word would be: each is looked up with `term` as a pair.
            let following = positions[term] << 1
            var pending = following
            while pending != 0 {
                let position = pending.trailingZeroBitCount
                pending &= pending - 1
                guard position < words.count else { return }
                for second in words.terms(at: position) {
                    guard let node = pairs.node(after: term, second) else { continue }
                    let reached = following & positions[second]
                    // A pair met at several positions is walked once, from its first.
                    guard reached.trailingZeroBitCount == position else { continue }
                    walk(node, starts: reached >> 1, length: 2, found)
                }
            }
        }

        private func walk(
            _ index: Int32, starts: WordPositions, length: Int32, _ found: (Int32, Int32, WordPositions) -> Void
        ) {
            let node = nodes[Int(index)]
            for ending in endings[Int(node.endingsStart)..<Int(node.endingsStart + node.endingsCount)] {
                found(ending, length, starts)
            }
            let edgeRange = Int(node.edgesStart)..<Int(node.edgesStart + node.edgesCount)
            let following = starts << WordPositions(length)
            // Nothing follows the last word of the window.
            guard following != 0 else { return }
            // A node with many edges ("to" followed by any of dozens of words) is walked from the
            // window's few following words, each looked up among the sorted edges, rather than by
            // asking the window about every edge. Up to three edges are always scanned: at least
            // one word follows. (Counting the bits of 128 takes a few dozen instructions.)
            guard edgeRange.count > 3, edgeRange.count > 3 * following.nonzeroBitCount else {
                // Each edge is tested against where the form would go on (`following`): most of
                // them are not there, and only those that are pay for a shift by a variable count.
                for edge in edges[edgeRange] {
                    let reached = following & positions[edge.term]
                    if reached != 0 {
                        walk(edge.node, starts: reached >> WordPositions(length), length: length + 1, found)
                    }
                }
                return
            }
            var pending = following
            while pending != 0 {
                let position = pending.trailingZeroBitCount
                pending &= pending - 1
                guard position < words.count else { continue }
                for term in words.terms(at: position) {
                    guard let edge = edge(term, in: edgeRange) else { continue }
                    let reached = following & positions[term]
                    // A word met at several positions is walked once, from its first.
                    guard reached.trailingZeroBitCount == position else { continue }
                    walk(edge.node, starts: reached >> WordPositions(length), length: length + 1, found)
                }
            }
        }

        /// The edge for `term` among `range`, sorted by term.
        private func edge(_ term: Int32, in range: Range<Int>) -> Edge? {
            let found = edges[range].lowerBound { $0.term < term }
            return found < range.upperBound && edges[found].term == term ? edges[found] : nil
        }
    }

}
