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
        let cyclic = try TemporaryContent(copying: Fixtures.minimalContent)
        try cyclic.replace(
            "withdraw: [withdraw,", with: "withdraw: [\"~pending now\", withdraw,", in: "locales/en.yaml")
        try cyclic.replace("pending: [pending,", with: "pending: [\"~withdraw later\", pending,", in: "locales/en.yaml")
        cases.append(("cyclic concept references", cyclic))
        let huge = try TemporaryContent(copying: Fixtures.minimalContent)
        try huge.write("intents/huge.yaml", "intents:\n" + String(repeating: "  # padding\n", count: 2_000_000))
        cases.append(("a 24 MB intents file", huge))
        let missing = try TemporaryContent(copying: Fixtures.minimalContent)
        try missing.remove("faq")
        cases.append(("no faq folder", missing))
        return cases
    }

    @Test("A pattern built to explode either is refused or matches in bounded work")
    func explodingPattern() throws {
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        let alternatives = "(" + (0..<64).map { "w\($0)" }.joined(separator: "|") + ")"
        let pattern = Array(repeating: "[" + alternatives + "] *", count: 40).joined(separator: " ") + " pending"
        try content.replace("{~withdraw ~pending}", with: pattern, in: "intents/test.yaml")
        var engine: SupportEngine?
        let loadTime = Hardening.milliseconds { engine = try? SupportEngine.load(contentDirectory: content.directory) }
        guard let engine else {
            print("hardening: the exploding pattern was refused in \(String(format: "%.1f", loadTime)) ms")
            return
        }
        let bait = [
            (0..<600).map { "w\($0 % 64)" }.joined(separator: " ") + " pending",
            String(repeating: "w1 ", count: 1_300) + "x",
            String(repeating: "pending w2 ", count: 360),
        ]
        var worst = 0.0
        for message in bait {
            var conversation = Conversation(id: "bait")
            var reply: Reply?
            worst = max(worst, Hardening.milliseconds { reply = engine.respond(to: message, in: &conversation) })
            #expect(reply?.text.isEmpty == false)
        }
        print(
            "hardening: exploding pattern accepted (load \(String(format: "%.1f", loadTime)) ms); "
                + "worst bait message \(String(format: "%.1f", worst)) ms")
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
