import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@testable import TranscriptReplay

@Suite struct TranscriptParsingTests {
    static func parse(_ text: String, file: String = "t.jsonl") -> (
        turns: [TranscriptTurn], diagnostics: [TranscriptDiagnostic]
    ) {
        Transcript.parse(Data(text.utf8), file: file)
    }

    @Test func stringsAndListsOfExpectations() throws {
        let parsed = Self.parse(
            """
            {"user": "a", "expect_intent": "withdrawal.pending", "expect_route": "answer", "expect_language": "vi"}
            {"user": "b", "expect_intent": ["fees.trading", "fees.withdrawal"], "expect_route": ["fallback", "escalate"]}
            {"user": "c", "source": "hand", "note": {"k": [1, 2.5, true, null]}}
            """)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.turns.count == 3)
        #expect(
            parsed.turns[0].expectation
                == Expectation(intents: ["withdrawal.pending"], routes: [.answer], languages: [.vi]))
        #expect(
            parsed.turns[1].expectation
                == Expectation(intents: ["fees.trading", "fees.withdrawal"], routes: [.fallback, .escalate]))
        #expect(parsed.turns[2].expectation.isEmpty)
        #expect(
            parsed.turns[2].extra == [
                "source": .string("hand"),
                "note": .object(["k": .array([.int(1), .double(2.5), .bool(true), .null])]),
            ])
        #expect(parsed.turns.map(\.line) == [1, 2, 3])
    }

    @Test func conversationsGroupByIdWithinAFile() {
        let first = Self.parse(
            """
            {"conversation": "c1", "user": "one"}
            {"user": "alone"}

            {"conversation": "c2", "user": "two"}
            {"conversation": "c1", "user": "one again"}
            """,
            file: "a.jsonl")
        let second = Self.parse(#"{"conversation": "c1", "user": "other file"}"#, file: "b.jsonl")
        let transcript = Transcript(files: ["a.jsonl", "b.jsonl"], turns: first.turns + second.turns)
        // The blank line 3 is not a turn; line numbers stay those of the file.
        #expect(transcript.turns.map(\.line) == [1, 2, 4, 5, 1])
        // c1 of a.jsonl (lines 1 and 5), the line of its own, c2, and c1 of b.jsonl (another conversation).
        #expect(transcript.conversations == [[0, 3], [1], [2], [4]])
        #expect(transcript.turns[1].conversationID == "a.jsonl:2")
    }

    @Test func badLinesReportFileAndLine() {
        let parsed = Self.parse(
            """
            {"conversation": "b1", "user": "fine"}
            {"conversation": "b1", "user": "torn"
            ["not", "an", "object"]

            {"user": ""}
            {"conversation": "b2", "expect_route": "answer"}
            {"user": "hello", "expect_route": "anwser", "expect_language": ["en", "fr"]}
            {"user": "hello", "expect_intent": [], "expect_intnet": "greeting"}
            {"user": 5, "conversation": [1]}
            """,
            file: "bad.jsonl")
        let lines = parsed.diagnostics.map(\.description).map { line in
            // The JSON parser's own detail varies by platform; the location and the start do not.
            line.hasPrefix("bad.jsonl:2: error: not valid JSON") ? "bad.jsonl:2: error: not valid JSON" : line
        }
        #expect(
            lines == [
                "bad.jsonl:2: error: not valid JSON",
                "bad.jsonl:3: error: a line must be a JSON object, like {\"user\": \"...\"}",
                "bad.jsonl:5: error: \"user\" is empty",
                "bad.jsonl:6: error: missing \"user\" (the message to play)",
                "bad.jsonl:7: error: expect_route: unknown value 'anwser' (one of: answer, security, escalate, "
                    + "clarify, fallback)",
                "bad.jsonl:7: error: expect_language: unknown value 'fr' (one of: vi, en, unknown)",
                "bad.jsonl:8: error: \"expect_intent\" must be a string or a non-empty list of strings",
                "bad.jsonl:8: error: unknown expectation 'expect_intnet' (did you mean 'expect_intent'? known: "
                    + "expect_intent, expect_route, expect_language)",
                "bad.jsonl:9: error: \"user\" must be a string",
                "bad.jsonl:9: error: \"conversation\" must be a non-empty string",
            ])
        #expect(parsed.turns.count == 1)
    }

    @Test func loadingReportsEveryFile() throws {
        let missing = "/nonexistent/transcript.jsonl"
        let bad = Repository.root.appendingPathComponent("Tests/Fixtures/replay/bad.jsonl").path
        #expect {
            try Transcript.load(files: [missing, bad])
        } throws: { error in
            let text = (error as? TranscriptError)?.description ?? ""
            return text.hasPrefix("\(missing): error: cannot read: no such file\n\(bad):2: error: not valid JSON")
                && text.contains("\(bad):8: error: unknown expectation 'expect_intnet'")
        }
    }

    @Test func emptyFileIsAnError() {
        #expect(Self.parse("\n\n").diagnostics.map(\.description) == ["t.jsonl: error: no turns (the file is empty)"])
    }

    @Test func unknownIntentsAreNamedWithASuggestion() throws {
        let transcript = Transcript(
            files: ["t.jsonl"],
            turns: Self.parse(#"{"user": "a", "expect_intent": ["withdrawal.pendng", "greeting"]}"#).turns)
        let diagnostics = transcript.unknownIntentDiagnostics(knownIntents: ["withdrawal.pending", "greeting"])
        #expect(
            diagnostics.map(\.description) == [
                "t.jsonl:1: error: expect_intent: unknown intent 'withdrawal.pendng' (did you mean 'withdrawal.pending'?)"
            ])
    }
}
