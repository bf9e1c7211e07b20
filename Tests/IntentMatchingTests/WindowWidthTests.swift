import SupportBot
import SupportBotTestSupport
import Testing

/// Windows of fewer than 64 words are evaluated in 64 bits, longer ones in 128: a pattern must
/// match the same either side of the line, also when it ends on the window's last word (its end
/// is the position just past the window).
@Suite("Matching across the 64-word line")
struct WindowWidthTests {
    @Test(
        "A pattern ending on the last word matches in windows of any width",
        arguments: [("how do i withdraw", "withdrawal.how_to"), ("trading fees", "fees.trading")])
    func patternEndingTheWindow(phrase: String, intent: String) {
        for fillers in [1, 60, 61, 62, 63, 64, 65, 66, 125] {
            let message = String(repeating: "the ", count: fillers) + phrase
            let reply = Fixtures.route(message)
            #expect(reply.intent == intent, "\(fillers) fillers → \(reply.intent ?? "nil"): \(reply.explanation)")
        }
    }

    /// An unordered set asks only whether each concept occurs: a plain form in the window answers
    /// without the concept's positions, except where a form on the window's last word could end
    /// past the widest positions (a window of exactly 128 words), which still works them out.
    @Test("An unordered set with a concept on the last word matches in windows of any width")
    func unorderedSetEndingTheWindow() {
        for fillers in [1, 60, 61, 62, 63, 64, 65, 125] {
            let message = "withdrawal " + String(repeating: "the ", count: fillers) + "pending"
            let reply = Fixtures.route(message)
            #expect(reply.intent == "withdrawal.pending", "\(fillers) fillers: \(reply.explanation)")
        }
    }

    @Test("A pattern starting on the first word matches in windows of any width")
    func patternStartingTheWindow() {
        for fillers in [1, 61, 62, 63, 64, 65, 127, 128] {
            let message = "how do i withdraw " + String(repeating: "the ", count: fillers)
            let reply = Fixtures.route(message)
            #expect(reply.intent == "withdrawal.how_to", "\(fillers) fillers: \(reply.explanation)")
        }
    }

    /// A window holds 128 words and the next one starts 64 words on; a message of exactly 128 (or
    /// 192...) words used to end with a full window and no later one, so a pattern ending on its
    /// last word (end position 128, no bit of 128) was lost.
    @Test("A pattern ending a message of a full last window still matches", arguments: [124, 188])
    func patternEndingAFullLastWindow(fillers: Int) {
        let message = String(repeating: "the ", count: fillers) + "how do i withdraw"
        let reply = Fixtures.route(message)
        #expect(reply.intent == "withdrawal.how_to", "\(fillers) fillers: \(reply.explanation)")
    }
}
