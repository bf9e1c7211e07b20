import SupportBot
import SupportBotTestSupport
import Testing

@Suite("System messages with values")
struct SystemMessageTests {
    let content = Fixtures.minimalEngine.content

    @Test func fillsEachNamedValue() {
        #expect(content.message(.fallback, in: .en, ["topics": "fees"]) == "[en] not understood; topics: fees")
        #expect(content.message(.handoff, in: .en, ["reason": "asked"]) == "[en] handing over: asked")
    }

    @Test func leavesUnknownNamesAndBracesAsWritten() {
        #expect(content.message(.fallback, in: .en, ["other": "x"]) == "[en] not understood; topics: {topics}")
        #expect(content.message(.fallback, in: .en) == "[en] not understood; topics: {topics}")
    }

    @Test func neverFillsInsideAValue() {
        // A value that itself looks like a placeholder is text, not a template.
        let text = content.message(.fallback, in: .en, ["topics": "{topics} and {reason}", "reason": "r"])
        #expect(text == "[en] not understood; topics: {topics} and {reason}")
    }

    @Test func unknownKeyIsShownAsItself() {
        #expect(content.message("no_such_message", in: .vi, ["a": "b"]) == "no_such_message")
    }
}
