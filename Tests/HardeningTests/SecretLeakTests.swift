import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// A session full of secrets goes through chat, replay and report; no file the tool writes keeps one.
@Suite("Secrets are never written anywhere")
struct SecretLeakTests {
    /// Messages holding secrets, each with the substrings that must not survive anywhere.
    static let secrets: [(message: String, distinctive: [String])] = [
        (
            "my seed is legal winner thank year wave sausage worth useful legal winner thank yellow help",
            ["winner thank year", "wave sausage worth", "useful legal"]
        ),
        (
            "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor "
                + "acoustic avoid letter advice cage absurd amount doctor acoustic bless",
            ["advice cage absurd", "doctor acoustic", "acoustic bless"]
        ),
        (
            "12 tu khoi phuc cua em: zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
            ["zoo zoo zoo", "zoo wrong"]
        ),
        (
            "private key e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35 is it safe",
            ["e8f32e723decf405", "1494b917c8436b35"]
        ),
        (
            "here is my key 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
            ["4c0883a69102937d", "ae468d01a3f362318"]
        ),
        (
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"
                + " is my wallet",
            ["xprv9s21ZrQH143K", "3QTDL4LXw2F7", "GBxrMPHi"]
        ),
        ("card 4111 1111 1111 1111 was charged twice", ["4111 1111 1111 1111", "4111111111111111"]),
        ("the card 5555-5555-5555-4444 fee", ["5555-5555-5555-4444", "5555555555554444"]),
        ("the sms code: 493817 did not work", ["493817"]),
        ("OTP: 73920514 expired", ["73920514"]),
        ("my password is Hunter2Secret!x and I cannot log in", ["Hunter2Secret"]),
        ("mat khau la Tr0ub4dor&3Zq nhe", ["Tr0ub4dor"]),
        ("email me at nguyen.van.an.1990@example.com please", ["nguyen.van.an.1990", "an.1990@example"]),
        ("sdt cua em 0912 345 678 goi lai", ["0912 345 678", "0912345678"]),
        ("call +84 987 654 321 now", ["987 654 321", "84987654321"]),
    ]

    static func allFiles(in directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }

    static func leaks(in text: String, source: String) -> [String] {
        var found: [String] = []
        for (_, distinctive) in secrets {
            for piece in distinctive where text.contains(piece) { found.append("\(source): '\(piece)'") }
        }
        return found
    }

    @Test("chat --log, replay --log/--json/--junit/--from-log, report --json/--html: no secret survives")
    func nothingLeaks() throws {
        let work = Hardening.temporaryPath("secrets")
        let outputs = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var captured: [(String, String)] = []

        // 1. chat, piped, with the log on.
        let chatLog = outputs.appendingPathComponent("chat.jsonl")
        let session = Self.secrets.map(\.message).joined(separator: "\n") + "\nyes\nno\ntalk to a human\n"
        let chat = try CommandLineTool.run(["chat", "--log", chatLog.path, "--explain"], input: session)
        #expect(chat.status == 0, "\(chat.standardError)")
        captured += [("chat stdout", chat.standardOutput), ("chat stderr", chat.standardError)]

        // 2. replay: the same messages as a transcript whose expectations fail, so failures list them.
        let transcript = work.appendingPathComponent("secrets.jsonl")
        var lines: [String] = []
        for (number, secret) in Self.secrets.enumerated() {
            let object: [String: Any] = [
                "conversation": "s-\(number % 3)", "user": secret.message, "expect_route": "fallback",
                "expect_intent": "greeting", "note": "secret \(number)",
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: transcript)
        let replayLog = outputs.appendingPathComponent("replay.jsonl")
        let junit = outputs.appendingPathComponent("replay.xml")
        for arguments in [
            ["replay", transcript.path, "--log", replayLog.path, "--junit", junit.path, "--failures", "all"],
            ["replay", transcript.path, "--json", "--unmatched-words"],
            ["replay", "--from-log", chatLog.path, "--json"],
            ["replay", "--from-log", chatLog.path],
        ] {
            let replay = try CommandLineTool.run(arguments)
            #expect(replay.status != 2, "\(arguments): \(replay.standardError)")
            captured += [
                ("\(arguments.prefix(3)) stdout", replay.standardOutput),
                ("\(arguments.prefix(3)) stderr", replay.standardError),
            ]
        }

        // 3. report on both logs, text, JSON and HTML.
        let html = outputs.appendingPathComponent("report.html")
        for arguments in [
            ["report", "--log", chatLog.path, replayLog.path],
            ["report", "--log", chatLog.path, replayLog.path, "--json"],
            ["report", "--log", chatLog.path, replayLog.path, "--html", html.path],
        ] {
            let report = try CommandLineTool.run(arguments)
            #expect(report.status == 0, "\(arguments): \(report.standardError)")
            captured += [("\(arguments.last!) stdout", report.standardOutput), ("report stderr", report.standardError)]
        }

        // Every file the tool wrote, and everything it printed.
        let written = Self.allFiles(in: outputs)
        #expect(written.count >= 4, "expected the logs, the JUnit file and the HTML page: \(written)")
        var leaks: [String] = []
        for file in written {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(!text.isEmpty, "\(file.lastPathComponent) is empty")
            leaks += Self.leaks(in: text, source: file.lastPathComponent)
        }
        for (source, text) in captured { leaks += Self.leaks(in: text, source: source) }
        // Regression: replay once echoed the transcript's raw messages in its failures (text, --json)
        // and in the JUnit file; reports now show the redacted message.
        #expect(leaks.isEmpty, "secrets written: \(leaks.prefix(8).joined(separator: "; "))")
        // The logs did record the turns, as markers.
        let logText = String(decoding: try Data(contentsOf: chatLog), as: UTF8.self)
        for marker in ["[SEED_PHRASE]", "[PRIVATE_KEY]", "[XPRV]", "[CARD_NUMBER]", "[CODE]", "[EMAIL]", "[PHONE]"] {
            #expect(logText.contains(marker), "\(marker) missing from the chat log")
        }
    }

    @Test("The redactor removes every distinctive secret substring in the API as well")
    func redactorCoversTheSession() {
        let scanner = SensitiveDataScanner()
        for (message, _) in Self.secrets {
            let redacted = scanner.redact(message).text
            #expect(Self.leaks(in: redacted, source: message).isEmpty, "\(redacted)")
        }
    }
}
