import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// Reloading content while users talk: bad content never replaces good, nothing crashes.
@Suite("Reload under load")
struct ReloadTests {
    static func broken() throws -> [(String, TemporaryContent)] {
        var cases: [(String, TemporaryContent)] = []
        let badPattern = try TemporaryContent(copying: Fixtures.minimalContent)
        try badPattern.replace("{~withdraw ~pending}", with: "{~withdraw ~no_such_concept (", in: "intents/test.yaml")
        cases.append(("an unbalanced pattern and an unknown concept", badPattern))
        let wrongTypes = try TemporaryContent(copying: Fixtures.minimalContent)
        try wrongTypes.write("intents/test.yaml", "intents:\n  - id: [1, 2]\n    route: {a: b}\n    patterns: 7\n")
        cases.append(("wrong types", wrongTypes))
        let aliasBomb = try TemporaryContent(copying: Fixtures.minimalContent)
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            bomb +=
                "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        try aliasBomb.write("intents/bomb.yaml", bomb + "intents: *a9\n")
        cases.append(("a billion-laughs alias bomb", aliasBomb))
        let deep = try TemporaryContent(copying: Fixtures.minimalContent)
        try deep.write(
            "intents/deep.yaml", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        cases.append(("10,000 nested sequences", deep))
        let missing = try TemporaryContent(copying: Fixtures.minimalContent)
        try missing.remove("faq")
        cases.append(("no faq folder", missing))
        return cases
    }

    @Test("Invalid new content throws and leaves the old engine serving")
    func invalidContentKeepsOldEngine() throws {
        let reloadable = ReloadableEngine(Fixtures.minimalEngine)
        for (name, content) in try Self.broken() {
            var failed = false
            let time = Hardening.milliseconds {
                do { try reloadable.reload(from: content.directory) } catch { failed = true }
            }
            #expect(failed, "\(name) was accepted")
            print("hardening: refusing \(name) took \(String(format: "%.1f", time)) ms")
            var conversation = Conversation(id: "after-\(name)")
            #expect(reloadable.respond(to: "withdrawl stuck", in: &conversation).intent == "withdrawal.pending")
        }
    }

    @Test("Messages answered while content reloads over and over never crash, and come from a whole engine")
    func concurrentRespondDuringReload() async throws {
        let reloadable = ReloadableEngine(Fixtures.minimalEngine)
        let good = try TemporaryContent(copying: Fixtures.minimalContent)
        let bad = try Self.broken()[0].1
        let messages = ["withdrawl stuck", "rút tiền chưa về", "hello", "phí rút usdt", "xyz qwe"]
        let expected = messages.map { message -> ReplyDigest in
            var conversation = Conversation(id: "x")
            return ReplyDigest(Fixtures.minimalEngine.respond(to: message, in: &conversation))
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 0..<(Hardening.soak ? 60 : 12) {
                    try? reloadable.reload(from: round.isMultiple(of: 2) ? good.directory : bad.directory)
                }
            }
            for worker in 0..<4 {
                group.addTask {
                    for step in 0..<400 {
                        let index = (worker + step) % messages.count
                        var conversation = Conversation(id: "w\(worker)-\(step)")
                        let reply = reloadable.respond(to: messages[index], in: &conversation)
                        #expect(ReplyDigest(reply) == expected[index])
                    }
                }
            }
        }
    }
}
