import Foundation
import SupportBotTestSupport
import Testing

@Suite("supportbot chat, end to end through the binary")
struct ChatCommandTests {
    private let fixture = Fixtures.minimalContent.path

    /// Replies are separated by an empty line when piped.
    private func replies(_ output: String) -> [String] {
        output.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
    }

    @Test("Piped: one reply per message, in the message's language, with the did-this-help flow")
    func piped() throws {
        let result = try CommandLineTool.run(
            ["chat", "--content", fixture], input: "rút tiền chưa về\ncó\nmy withdrawal is pending\nno\nyes\n")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("[vi] trả lời withdrawal.pending từ TestExchange"))
        #expect(lines.contains("[vi] glad to help"))
        #expect(lines.contains("[en] answer for withdrawal.pending from TestExchange"))
        #expect(lines.contains("[en] sorry; want a human?"))
        #expect(lines.contains("[en] handing over: [en] it did not help"))
    }

    @Test("--explain shows route, intent, confidence and the deciding pattern")
    func explain() throws {
        let result = try CommandLineTool.run(["chat", "--content", fixture, "--explain"], input: "withdrawl stuck\n")
        #expect(result.standardOutput.hasPrefix("[answer withdrawal.pending "))
        #expect(result.standardOutput.contains("pattern \"{~withdraw ~pending}\""))
        #expect(result.standardOutput.contains("typos [withdrawl]"))
    }

    @Test("A seed phrase is warned about and never reaches the log")
    func secretsNeverLogged() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("chat-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let seed = "abandon ability able about above absent absorb abstract absurd abuse access accident"
        let result = try CommandLineTool.run(
            ["chat", "--content", fixture, "--log", log.path],
            input: "my seed is \(seed)\nmail me at alice@example.com\n")
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("[en] secret hidden"))
        let written = try String(contentsOf: log, encoding: .utf8)
        #expect(written.split(separator: "\n").count == 2)
        #expect(!written.contains("abandon"))
        #expect(!written.contains("alice@example.com"))
        #expect(written.contains("[SEED_PHRASE]"))
        #expect(written.contains("security.secret_shared"))
    }

    @Test("Invalid UTF-8, NUL bytes and control characters get safe replies, never a crash")
    func hostileInput() throws {
        var input = Data("ok\n".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0x0A, 0x00, 0x01, 0x1B, 0x5B, 0x41, 0x0A, 0xC3, 0x0A])
        input.append(Data((String(repeating: "a\u{301}\u{302}\u{303}", count: 2_000) + "\n").utf8))
        let result = try CommandLineTool.run(["chat", "--content", fixture], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        // Five replies; the last message (8,000 scalars) also gets the truncation note before its reply.
        let paragraphs = replies(result.standardOutput)
        #expect(paragraphs.filter { !$0.contains("] cut to 4000") }.count == 5, "\(paragraphs)")
        #expect(paragraphs.contains { $0.contains("] cut to 4000") })
    }

    @Test("Broken content: every error on stderr, exit status 2, no chat")
    func brokenContent() throws {
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        try content.replace("route: escalate", with: "route: handover", in: "intents/test.yaml")
        let result = try CommandLineTool.run(["chat", "--content", content.directory.path], input: "hello\n")
        #expect(result.status == 2)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("intents/test.yaml:23:12: error: unknown route 'handover'"))
    }

    @Test("Usage errors exit 64")
    func usage() throws {
        let result = try CommandLineTool.run(["chat", "--lang", "fr"], input: "")
        #expect(result.status == 64)
    }
}

@Suite("supportbot lint, end to end")
struct LintCommandTests {
    @Test("Clean content exits 0; an error exits 1 and prints like a compiler")
    func lint() throws {
        let clean = try CommandLineTool.run(["lint", "--content", Fixtures.minimalContent.path], input: "")
        #expect(clean.status == 0, "\(clean.standardOutput)")
        #expect(clean.standardOutput.hasSuffix("0 errors, 0 warnings\n"))

        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        try content.replace("trading ~fee", with: "trading ~feez", in: "intents/test.yaml")
        let broken = try CommandLineTool.run(["lint", "--content", content.directory.path], input: "")
        #expect(broken.status == 1)
        let expected = """
            intents/test.yaml:62:21: error: unknown concept '~feez' (did you mean '~fee'?)
                  en: ["trading ~feez", "~fee [trading]"]
                                ^
            """
        #expect(broken.standardOutput.contains(expected), "\(broken.standardOutput)")
    }
}

@Suite("Replay writes a log that the report reads")
struct ReplayLogReportTests {
    @Test("A replay of the fixture transcript, logged, then reported as JSON")
    func replayThenReport() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        let transcript = Repository.root.appendingPathComponent("Tests/Fixtures/replay/minimal.jsonl").path
        let replay = try CommandLineTool.run(
            ["replay", transcript, "--content", Fixtures.minimalContent.path, "--log", log.path], input: "")
        #expect(replay.status == 0 || replay.status == 1, "\(replay.standardError)")
        let report = try CommandLineTool.run(["report", "--log", log.path, "--json"], input: "")
        #expect(report.status == 0, "\(report.standardError)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
        let turns = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").count
        #expect(json["turns"] as? Int == turns)
        #expect((json["conversations"] as? Int ?? 0) > 0)
        #expect(json["deflection_rate"] is Double)
    }
}
