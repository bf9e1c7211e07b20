import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// Messages no user should send, sent anyway: every one gets a reply, none crashes.
@Suite("Hostile input: garbage, floods and Unicode tricks")
struct HostileInputTests {
    static let limit = 4_000

    /// Named hostile messages, as the engine's API receives them (already decoded).
    static let messages: [(name: String, text: String)] = {
        let zalgoMarks = (0x300...0x36F).map { String(UnicodeScalar($0)!) }
        var zalgo = ""
        for (offset, letter) in "withdraw usdt pending".enumerated() {
            zalgo.append(letter)
            for step in 0..<60 { zalgo += zalgoMarks[(offset * 7 + step) % zalgoMarks.count] }
        }
        let invalidBytes: [UInt8] = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE]
        let invalid = String(decoding: Array("rut tien ".utf8) + invalidBytes + Array(" chua ve".utf8), as: UTF8.self)
        return [
            ("empty", ""),
            ("whitespace only", " \t  \t "),
            ("invalid UTF-8 (decoded with replacement characters)", invalid),
            ("NUL and control characters", "\u{0}withdraw\u{1}\u{7}\u{1B}[31m usdt\r\u{8}\u{7F}\u{0} pending\u{0}"),
            ("only NULs", String(repeating: "\u{0}", count: 5_000)),
            ("1 MB line of words", String(repeating: "rut tien chua ve ", count: 1_048_576 / 17)),
            ("1 MB line without a space", String(repeating: "x", count: 1_048_576)),
            ("100k emoji", String(repeating: "😀", count: 100_000)),
            ("a million emoji", String(repeating: "🚀", count: 1_000_000)),
            ("family emoji ZWJ sequences", String(repeating: "👨‍👩‍👧‍👦", count: 20_000)),
            ("Zalgo withdraw usdt pending", zalgo),
            ("Zalgo storm, 3,000 marks on one letter", "a" + String(repeating: "\u{0301}", count: 3_000) + " withdraw"),
            ("bidi overrides", "\u{202E}wardhtiw\u{202C} usdt \u{2066}pending\u{2069} \u{200F}\u{200E}\u{061C}"),
            ("bidi override storm", String(repeating: "\u{202E}rut\u{202D}tien\u{202C}", count: 2_000)),
            ("zero-width characters", "with\u{200B}draw\u{200C} us\u{200D}dt\u{FEFF} pen\u{2060}ding"),
            ("Cyrillic homoglyphs", "withdr\u{0430}w \u{0443}sdt p\u{0435}nding"),
            ("Cyrillic homoglyphs 2", "\u{0455}\u{0435}nd u\u{0455}dt, \u{0441}\u{043E}de: 123456"),
            ("fullwidth letters", "ｗｉｔｈｄｒａｗ ｕｓｄｔ ｐｅｎｄｉｎｇ"),
            ("mathematical letters", "𝐰𝐢𝐭𝐡𝐝𝐫𝐚𝐰 𝓾𝓼𝓭𝓽"),
            ("long word just under the limit", String(repeating: "withdraw", count: 499)),
            ("long Vietnamese word", String(repeating: "ưỡ", count: 1_999)),
            ("extremely long word over the limit", String(repeating: "a", count: 100_000)),
            ("many one-letter words", String(repeating: "a ", count: 1_999)),
            ("many concept words", String(repeating: "rut ", count: 999)),
            ("many pattern anchors", String(repeating: "withdraw pending usdt fee ", count: 150)),
            ("gap pattern bait", String(repeating: "withdraw ", count: 440) + "pending"),
            ("many stop words", String(repeating: "the a an is ", count: 330)),
            ("Telex bait", String(repeating: "ruts tieenf chuwa veef ", count: 170)),
            ("digits flood", String(repeating: "1234567890 ", count: 360)),
            ("hex flood", String(repeating: "deadbeef", count: 499)),
            ("seed words flood", String(repeating: "abandon ability able about ", count: 140)),
            ("punctuation flood", String(repeating: "?!.,;:-_()[]{}<>\"'", count: 220)),
            ("pattern syntax in the message", "{~withdraw ~pending} !~card (a|b) [x] *2 * ~ ! { ( ["),
            ("mixed scripts", "rút 提现 withdraw سحب вывод 出金 ถอน"),
            ("surrogate-like private use", String(repeating: "\u{E000}\u{F8FF}\u{10FFFD}", count: 2_000)),
        ]
    }()

    @Test("Every hostile message gets a reply; over-limit ones carry the truncation note")
    func apiHostileMessages() {
        for engine in [Repository.shippedEngine, Fixtures.minimalEngine] {
            var worst = (name: "", milliseconds: 0.0)
            for (name, text) in Self.messages {
                var conversation = Conversation(id: "hostile")
                var reply: Reply?
                let time = Hardening.milliseconds { reply = engine.respond(to: text, in: &conversation) }
                guard let reply else { continue }
                #expect(!reply.text.isEmpty, "no reply text for \(name)")
                if time > worst.milliseconds { worst = (name, time) }
                let note = engine.content.message(
                    "message_truncated", in: reply.language, ["limit": String(Self.limit)])
                if text.unicodeScalars.count > Self.limit {
                    #expect(reply.text.hasPrefix(note), "\(name): no truncation note")
                } else {
                    #expect(!reply.text.contains(note), "\(name): truncation note on a short message")
                }
                // The conversation state stays encodable whatever came in.
                #expect((try? JSONEncoder().encode(conversation)) != nil, "\(name): state not encodable")
            }
            print("hardening: worst per-message time \(String(format: "%.1f", worst.milliseconds)) ms (\(worst.name))")
        }
    }

    /// Found by this suite: the limit counted Characters, and a combining-mark storm is ONE Character,
    /// so 200,000 marks on one letter were not cut and took 73-91 s in a debug build. It now counts
    /// Unicode scalars, so the storm is cut before normalizing and redacting.
    @Test("A single letter carrying 20,000 combining marks is cut like any over-limit message")
    func combiningMarkStormIsCut() {
        let engine = Fixtures.minimalEngine
        let storm = "a" + String(repeating: "\u{0301}\u{0323}", count: 10_000)
        var conversation = Conversation(id: "storm")
        var reply: Reply?
        let time = Hardening.milliseconds { reply = engine.respond(to: storm, in: &conversation) }
        print("hardening: one letter with 20,000 combining marks: \(String(format: "%.1f", time)) ms")
        #expect(reply?.text.isEmpty == false)
        // Regression: the limit once counted Characters, and a mark storm is one Character.
        #expect(reply?.text.contains("] cut to 4000") == true, "\(reply?.text.prefix(40) ?? "")")
    }

    @Test("A conversation that keeps receiving garbage keeps answering, then answers a real question")
    func garbageThenRealQuestion() {
        let engine = Fixtures.minimalEngine
        var conversation = Conversation(id: "garbage")
        for (_, text) in Self.messages {
            let reply = engine.respond(to: text, in: &conversation)
            #expect(!reply.text.isEmpty)
        }
        var fresh = Conversation(id: "after")
        let reply = engine.respond(to: "withdrawl stuck", in: &fresh)
        #expect(reply.intent == "withdrawal.pending")
    }

    @Test("The normalizer and the redactor accept every hostile message")
    func normalizerAndScanner() {
        let normalizer = TextNormalizer(lexicon: Repository.shippedEngine.content.lexicon)
        let scanner = SensitiveDataScanner()
        for (name, text) in Self.messages {
            let capped = String(text.prefix(Self.limit))
            let message = normalizer.normalize(capped)
            _ = message.tokens.count
            let redaction = scanner.redact(capped)
            #expect(redaction.text.utf8.count <= capped.utf8.count * 4 + 64, "\(name): redaction grew wildly")
        }
    }

    @Test("Piped into `supportbot chat`: raw invalid UTF-8, NULs, a 1 MB line; one reply per line")
    func chatPiped() throws {
        var input = Data()
        var lines = 0
        var overLimit = 0
        func add(_ bytes: [UInt8], over: Bool = false) {
            input.append(contentsOf: bytes)
            input.append(UInt8(ascii: "\n"))
            lines += 1
            if over { overLimit += 1 }
        }
        add([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x80, 0x72, 0x75, 0x74])  // raw invalid UTF-8
        add([0x00, 0x01, 0x02, 0x1B, 0x5B, 0x32, 0x4A, 0x7F] + Array(" withdraw".utf8))
        add(Array(String(repeating: "rut tien chua ve ", count: 1_048_576 / 17).utf8), over: true)
        add(Array(String(repeating: "😀", count: 100_000).utf8), over: true)
        add(Array("withdr\u{0430}w \u{0443}sdt \u{202E}gnidnep\u{202C}".utf8))
        add(Array(("a" + String(repeating: "\u{0301}", count: 3_000)).utf8))
        add(Array(String(repeating: "a ", count: 5_000).utf8), over: true)
        add(Array("\r".utf8))
        add([])
        add(Array("withdrawl stuck".utf8))
        let result = try CommandLineTool.run(
            ["chat", "--content", Fixtures.minimalContent.path, "--explain"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let headers = result.standardOutput.split(separator: "\n").filter {
            $0.range(of: #"^\[(answer|security|escalate|clarify|fallback) "#, options: .regularExpression) != nil
        }
        #expect(headers.count == lines, "\(headers.count) replies for \(lines) lines")
        let notes = result.standardOutput.components(separatedBy: "cut to 4000").count - 1
        #expect(notes == overLimit)
        #expect(headers.last?.hasPrefix("[answer withdrawal.pending") == true)
    }
}
