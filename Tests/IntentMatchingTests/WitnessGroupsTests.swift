import SupportBot
import SupportBotTestSupport
import Testing

@testable import IntentMatching

@Suite("Witness groups of concepts' longer forms")
struct WitnessGroupsTests {
    /// Witness terms as the compiler names them: a term names itself, a choice its terms; gaps,
    /// optional words and anything else name none.
    private static func witnessTerms(_ node: PatternNode) -> [Int32]? {
        switch node {
        case .term(let term): return [term]
        case .alternatives(let nodes):
            var terms: [Int32] = []
            for node in nodes {
                guard case .term(let term) = node else { return nil }
                terms.append(term)
            }
            return Array(Set(terms)).sorted()
        default: return nil
        }
    }

    @Test("A sequence names a group per required item, smallest first, without repeats")
    func sequenceGroups() {
        // (1|2|3) [4] (5|6) 7 * 7
        let form = PatternNode.sequence([
            .alternatives([.term(1), .term(2), .term(3)]), .optional(.term(4)),
            .alternatives([.term(5), .term(6)]), .term(7), .gap(maximum: 4), .term(7),
        ])
        let groups = WitnessGroups(form, witnessTerms: Self.witnessTerms).groups
        #expect(groups == [[7], [5, 6], [1, 2, 3]])
    }

    @Test("A form that is not a sequence is one group; one that names nothing has none")
    func otherForms() {
        #expect(
            WitnessGroups(.alternatives([.term(3), .term(1)]), witnessTerms: Self.witnessTerms).groups == [[1, 3]])
        #expect(WitnessGroups(.optional(.term(1)), witnessTerms: Self.witnessTerms).groups.isEmpty)
        #expect(WitnessGroups(.sequence([.gap(maximum: 2)]), witnessTerms: Self.witnessTerms).groups.isEmpty)
    }

    @Test("Groups past the term limit are left out, the smallest kept")
    func termLimit() {
        let big = PatternNode.alternatives((100..<(100 + Int32(WitnessGroups.termLimit))).map { .term($0) })
        let groups = WitnessGroups(.sequence([big, .term(1)]), witnessTerms: Self.witnessTerms).groups
        #expect(groups == [[1]])
    }

    @Test("Several forms share one more group: the smallest of each")
    func union() {
        let forms = [
            WitnessGroups(
                .sequence([.term(9), .alternatives([.term(2), .term(3)])]), witnessTerms: Self.witnessTerms),
            WitnessGroups(.sequence([.term(4), .term(9)]), witnessTerms: Self.witnessTerms),
        ]
        #expect(WitnessGroups.union(of: forms) == [4, 9])
    }

    /// The shipped `~withdraw`'s form "(send|move|transfer) [...] (crypto|coins|btc|usdt|...) to [...] [...]
    /// (wallet|bank|...)" is walked only when a word of each required item is in the message.
    @Test(
        "A longer form matches when every item is there, wherever its words are",
        arguments: [
            ("i tried to send my btc to my external wallet but it is still pending", "withdrawal.pending"),
            ("still pending: i tried to send my btc to my external wallet", "withdrawal.pending"),
        ])
    func longerFormMatches(message: String, intent: String) {
        let reply = Fixtures.route(message, engine: Repository.shippedEngine)
        #expect(reply.intent == intent, "\(message) → \(reply.intent ?? "nil"): \(reply.explanation)")
    }
}
