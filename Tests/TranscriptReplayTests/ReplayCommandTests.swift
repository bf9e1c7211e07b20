import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// `supportbot replay` run as a user or CI runs it: the real binary, stdout, stderr and exit status.
@Suite struct ReplayCommandTests {
    static let content = ["--content", "Tests/Fixtures/minimal-content"]
    static let fixtures = "Tests/Fixtures/replay/"

    static func replay(_ arguments: [String]) throws -> CommandLineTool.Result {
        try CommandLineTool.run(["replay"] + content + arguments)
    }

    @Test func exitsZeroWhenThresholdsAreMet() throws {
        let result = try Self.replay([
            Self.fixtures + "passing.jsonl", "--min-intent-accuracy", "1", "--min-route-accuracy", "1",
            "--min-language-accuracy", "1",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Replayed 4 turns in 2 conversations (1 file)."))
        #expect(result.standardOutput.contains("intent accuracy 1.0000 >= 1.0000: ok"))
    }

    @Test func exitsOneAndNamesTheThresholdNotMet() throws {
        // minimal.jsonl: intent accuracy 7/8 = 0.875 (see ReplayRunnerTests).
        let result = try Self.replay([
            Self.fixtures + "minimal.jsonl", "--min-intent-accuracy", "0.9", "--min-route-accuracy", "0.95",
        ])
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "supportbot replay: intent accuracy 0.8750 < 0.9000: FAILED (--min-intent-accuracy 0.9000)"))
        #expect(!result.standardError.contains("route accuracy"))
        #expect(result.standardOutput.contains("route accuracy 1.0000 >= 0.9500: ok"))
    }

    @Test func exitsTwoOnBadLines() throws {
        let result = try Self.replay([Self.fixtures + "bad.jsonl"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Tests/Fixtures/replay/bad.jsonl:2: error: not valid JSON"))
        #expect(
            result.standardError.contains(
                "Tests/Fixtures/replay/bad.jsonl:7: error: expect_route: unknown value 'anwser'"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func exitsTwoOnUnknownExpectedIntentsUnlessAllowed() throws {
        let refused = try Self.replay([Self.fixtures + "unknown-intent.jsonl"])
        #expect(refused.status == 2)
        #expect(
            refused.standardError.contains(
                "unknown-intent.jsonl:1: error: expect_intent: unknown intent 'withdrawal.pendng' "
                    + "(did you mean 'withdrawal.pending'?)"))
        let allowed = try Self.replay([Self.fixtures + "unknown-intent.jsonl", "--allow-unknown-intents"])
        #expect(allowed.status == 0)
        #expect(allowed.standardError.contains("unknown-intent.jsonl:1: warning: expect_intent: unknown intent"))
    }

    @Test func exitsTwoOnBadOptionsAndMissingFiles() throws {
        #expect(try Self.replay([]).status == 2)
        #expect(try Self.replay([Self.fixtures + "passing.jsonl", "--min-route-accuracy", "95"]).status == 2)
        #expect(try Self.replay([Self.fixtures + "passing.jsonl", "--failures", "some"]).status == 2)
        let missing = try Self.replay(["Tests/Fixtures/replay/nope.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("Tests/Fixtures/replay/nope.jsonl: error: cannot read: no such file"))
        let badContent = try CommandLineTool.run([
            "replay", "--content", "/nonexistent", Self.fixtures + "passing.jsonl",
        ])
        #expect(badContent.status == 2)
    }

    @Test func jsonOutputAndJUnitFile() throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: junit) }
        let result = try Self.replay([Self.fixtures + "minimal.jsonl", "--json", "--junit", junit.path])
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        #expect(object["turns"] as? Int == 10)
        #expect(object["intent_accuracy"] as? Double == 0.875)
        #expect(object["deflection_rate"] as? Double == 0.75)
        let failures = try #require(object["failures"] as? [[String: Any]])
        #expect(failures.map { $0["line"] as? Int } == [4])
        #expect(failures.first?["file"] as? String == "Tests/Fixtures/replay/minimal.jsonl")
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"supportbot replay\""))
        #expect(xml.contains("name=\"Tests/Fixtures/replay/minimal.jsonl:4 expect_intent\""))
    }

    @Test func baselineContentListsChangedTurns() throws {
        let changed = try TemporaryContent(copying: Fixtures.minimalContent)
        try changed.write("intents/replay-test.yaml", ReplayRunnerTests.addedIntents)
        for id in ["scam.advance_fee", "scam.withdraw_help"] {
            try changed.write("faq/en/\(id).md", "Test answer.\n")
            try changed.write("faq/vi/\(id).md", "Câu trả lời thử.\n")
        }
        // minimal.jsonl line 3 is "how do i withdraw": the added intent takes it over.
        let result = try CommandLineTool.run([
            "replay", "--content", changed.directory.path, "--baseline-content", Fixtures.minimalContent.path,
            Self.fixtures + "minimal.jsonl",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("1 turns changed route or intent: 0 better, 1 worse, 0 neither"))
        #expect(result.standardOutput.contains("[worse] Tests/Fixtures/replay/minimal.jsonl:3: \"how do i withdraw\""))
    }

    @Test func fromLogReplaysLoggedMessages() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        let events = [
            ConversationEvent(
                time: time, conversation: "L1", turn: 1, language: "en", route: "fallback", message: "how do i withdraw"
            ),
            ConversationEvent(
                time: time, conversation: "L2", turn: 1, language: "vi", route: "answer", intent: "fees.trading",
                confidence: 1, message: "phí giao dịch"),
        ]
        try events.reduce(Data()) { $0 + $1.jsonLine() }.write(to: log)
        let result = try CommandLineTool.run(["replay"] + Self.content + ["--from-log", log.path, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let replay = try #require(object["log_replay"] as? [String: Any])
        #expect(replay["turns"] as? Int == 2)
        #expect(replay["changed_turns"] as? Int == 1)
        let changed = try #require((replay["changed"] as? [[String: Any]])?.first)
        #expect(changed["conversation"] as? String == "L1")
        #expect((changed["now"] as? [String: Any])?["intent"] as? String == "withdrawal.how_to")
    }
}
