import SupportBotTestSupport
import Testing

@testable import IntentMatching

@Suite("Anchor pairs find the same candidates as the crowded posting lists they replace")
struct AnchorPairsTests {
    /// Random posting lists, some crowded, of patterns whose first groups mix words and concepts:
    /// for every window, the patterns that pass the first-group check when read from the whole
    /// list are exactly those read from what stays in the list plus the pairs of the window's words.
    @Test func samePatternsAsTheWholeList() {
        var random = SeededRandom(seed: 11)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        let termCount = 12
        // Options among a small universe of words (≥ 0) and concepts (< 0), so windows often hold them.
        let option = { Int32(next(termCount + 4) - 4) }
        var anchored: [(key: Int32, element: IntentIndex.AnchoredPattern)] = []
        for pattern in 0..<600 {
            // Terms 0 and 1 anchor far more patterns than the others: their lists are crowded.
            let anchor = Int32(next(3) == 0 ? next(termCount) : next(2))
            let group: [Int32] = (0..<next(4)).map { _ in option() }
            anchored.append(
                (anchor, IntentIndex.AnchoredPattern(pattern: Int32(pattern), signature: 0, firstGroup: group[...])))
        }
        let (pairs, unpaired) = AnchorPairs.split(anchored, termCount: termCount)
        #expect(pairs.isPaired(0) && pairs.isPaired(1))
        #expect(pairs.count > 0 && unpaired.count < anchored.count, "some patterns moved to pairs")

        for _ in 0..<2_000 {
            let window = Set((0..<next(10)).map { _ in option() })
            let windowWords = window.filter { $0 >= 0 }
            for anchor in windowWords {
                let expected = Set(
                    anchored.filter { $0.key == anchor && $0.element.mayMeetFirstGroup { window.contains($0) } }
                        .map(\.element.pattern))
                var found = Set(
                    unpaired.filter { $0.key == anchor && $0.element.mayMeetFirstGroup { window.contains($0) } }
                        .map(\.element.pattern))
                if pairs.isPaired(anchor) {
                    for word in windowWords { found.formUnion(pairs[anchor, word].map(\.pattern)) }
                }
                #expect(found == expected, "anchor \(anchor), window \(window.sorted())")
            }
        }
    }

    @Test func shortListsStayWhole() {
        let anchored = (0..<Int32(AnchorPairs.crowdedListLength - 1)).map { pattern in
            (key: Int32(3), element: IntentIndex.AnchoredPattern(pattern: pattern, signature: 0, firstGroup: [7]))
        }
        let (pairs, unpaired) = AnchorPairs.split(anchored, termCount: 8)
        #expect(!pairs.isPaired(3))
        #expect(pairs.count == 0)
        #expect(unpaired.map(\.element.pattern) == anchored.map(\.element.pattern))
        #expect(pairs[3, 7].isEmpty)
    }
}
