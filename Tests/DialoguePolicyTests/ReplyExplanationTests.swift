import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// Replies keep their explanation in parts and put it into words only when it is read; the
/// words must be the same as if they had been written at once.
@Suite("Reply explanations read the same when put into words late")
struct ReplyExplanationTests {
    private func candidate(_ id: String, _ confidence: Double) -> IntentCandidate {
        IntentCandidate(
            intentID: id, route: .answer, priority: 0, confidence: confidence,
            explanation: MatchExplanation(pattern: "p", location: SourceLocation(file: "intents/x.yaml", line: 3)))
    }

    @Test(
        "Confidences print with two decimals, as %.2f did",
        arguments: [(0.0, "0.00"), (0.07, "0.07"), (0.5, "0.50"), (0.834, "0.83"), (0.996, "1.00"), (1.0, "1.00")])
    func twoDecimals(confidence: Double, printed: String) {
        let explanation = ReplyExplanation.notReached("no intent", nearest: candidate("fees.trading", confidence))
        #expect(explanation.description == "no intent (nearest: fees.trading \(printed))")
        #expect(String(format: "%.2f", confidence) == printed)
    }

    @Test("Each kind of explanation reads as before")
    func kinds() {
        let close = ReplyExplanation.closeCandidates([candidate("a.one", 0.71), candidate("b.two", 0.7)])
        #expect(close.description == "close candidates: a.one 0.71, b.two 0.70")
        #expect(ReplyExplanation.notReached("nothing", nearest: nil).description == "nothing")
        let escalated = ReplyExplanation.escalated(.notUnderstood, "second message")
        #expect(escalated.description == "escalated (not_understood): second message")
        let match = candidate("a.one", 0.9).explanation
        #expect(ReplyExplanation.match(match).description == match.description)
    }

    @Test("A reply's explanation is its parts in words, and can be replaced by a text")
    func replyReadsItsParts() {
        var conversation = Conversation(id: "explain", language: .en)
        var reply = Fixtures.minimalEngine.respond(to: "how do I withdraw", in: &conversation)
        #expect(reply.explanation == reply.reasoning.description)
        #expect(reply.explanation.hasPrefix("pattern \""))
        reply.explanation = "edited"
        #expect(reply.reasoning == .text("edited"))
    }
}
