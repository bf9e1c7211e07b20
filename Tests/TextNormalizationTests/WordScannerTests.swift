import CICUShims
import SupportBotTestSupport
import Testing

@testable import TextNormalization

/// Messages of ASCII and letters skip ICU's break iterator (Sources/CICUShims/word_scanner.h): the
/// words, their folds, kinds and flags must be exactly those the ICU path gives.
@Suite struct WordScannerTests {
    /// What one call returns, in a form that compares.
    struct Word: Equatable, CustomStringConvertible {
        var range: Range<Int>
        var folded: String
        var plain: String
        var kind: Int32
        var flags: Int32

        var description: String { "\(range) \(folded)|\(plain) kind \(kind) flags \(flags)" }
    }

    static func words(_ text: String, alwaysUsingICU: Bool) -> [Word] {
        var text = text
        return text.withUTF8 { bytes in
            ICUText.withSegments(of: bytes, alwaysUsingICU: alwaysUsingICU) { raw in
                raw.segments.map { segment in
                    Word(
                        range: raw.textRange(of: segment), folded: raw.folded(of: segment),
                        plain: raw.plain(of: segment),
                        kind: segment.kind, flags: segment.flags)
                }
            }
        }
    }

    @Test(
        "Hand-picked text agrees with ICU",
        arguments: [
            "can't won't o'clock 'quoted' rock'n'roll it's' 'tis can’t ‘quoted’",
            "1.000.000 1,5 0.5usdt 1.2.3 1..2 1,,2 1;2 1:2 .5 5. 1.a a.1 a.b.c a..b 1.000.000đ 500₫",
            "a.b@x.io me@mail.com @user user@ a@@b a@b.c. x@y:z",
            "https://example.com/path?q=1&r=2 www.binance.com http://a.b/c_d",
            "0xAbC123def4567890abcdef1234567890abcdef12 TRC20 USDT-TRC20 BEP-20 erc20",
            "snake_case _lead trail_ __ _ a__1 1__ _1 1_ a_ 1_a",
            "100k 2tr5 $50 50$ 1.000.000d 7d",
            "ALL CAPS MiXeD lower Ruts tieenf dduowcj ru1t tie6n2",
            "tab\there\r\nnewline\nform\u{0C}feed\u{0B}vt\u{00}nul \u{7F}del",
            "!\"#$%&()*+,-./:;<=>?[\\]^`{|}~ a!b a\"b a/b a-b a+b",
            "Tôi không rút được tiền, ĐỊA CHỈ VÍ đúng không ạ? Rút.Tiền rút'tiền 1.5đ",
            "ＵＳＤＴ ①②③ ﬁat Straße İstanbul ΑΒΓ ДЕНЬГИ",
            "zero\u{200B}width line\u{2028}break nbsp\u{00A0}space soft\u{00AD}hyphen",
            "emoji 😀 rút 👍🏽 ok", "NFD Ru\u{0301}t tie\u{0302}\u{0300}n", "日本語 カタカナ שלום ไทย",
            "", " ", "   x   ", "'", "''a''", "a'", "'a", ".", "a.", ",1", "1,",
        ])
    func handPicked(_ text: String) {
        #expect(Self.words(text, alwaysUsingICU: false) == Self.words(text, alwaysUsingICU: true))
    }

    @Test(
        "The scanner takes ASCII and letters, ICU the rest",
        arguments: [
            ("rut tien 2 tieng chua ve", true), ("Tôi không rút được tiền", true), ("can’t 500₫", true),
            ("ＵＳＤＴ ΑΒΓ ДЕНЬГИ", true), ("Straße", false), ("emoji 😀", false), ("NFD Ru\u{0301}t", false),
            ("日本語", false),
            ("①②③", false), ("nbsp\u{00A0}space", false), (String(repeating: "a ", count: 300), true),
        ])
    func scannerTakes(_ text: String, _ expected: Bool) {
        #expect(Self.scannerHandles(text) == expected)
    }

    static func scannerHandles(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { sb_segment_scanner_handles($0.baseAddress, Int32(bytes.count)) }
        } == 1
    }

    /// Random text drawn mostly from the characters the rules treat specially, with letters from
    /// every script the scanner handles, and a few it hands to ICU, so that every pair and triple
    /// of classes turns up many times.
    @Test("Generated text agrees with ICU") func generated() {
        let special = Array("aZb9_.',;:@ -\"\t\r\n".unicodeScalars)
        let letters = Array("àÁăĂđĐêỆơƯỳÿßŉǰİıΐάωЖжﬁＡｚ".unicodeScalars)
        let others = Array("\u{0301}\u{0323}\u{200B}\u{2019}\u{20AB}\u{00A0}😀\u{200D}中あアש·\u{FF07}".unicodeScalars)
        var generator = SeededRandom(seed: 20_261_125)
        var mismatches = 0
        var scanned = 0
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<4: text.append(special.randomElement(using: &generator)!)
                case 4..<7: text.append(letters.randomElement(using: &generator)!)
                case 7..<9: text.append(Unicode.Scalar(UInt8.random(in: 0...0x7F, using: &generator)))
                default: text.append(others.randomElement(using: &generator)!)
                }
            }
            if Self.scannerHandles(String(text)) { scanned += 1 }
            let fast = Self.words(String(text), alwaysUsingICU: false)
            let icu = Self.words(String(text), alwaysUsingICU: true)
            if fast != icu {
                mismatches += 1
                if mismatches <= 5 { Issue.record("\(Array(String(text).utf8)): \(fast) ≠ ICU \(icu)") }
            }
        }
        #expect(mismatches == 0)
        #expect(scanned > 2_000, "too few generated texts reach the scanner")
    }

    /// The scanner takes every letter ICU calls ALetter that folds alone; each must break as ICU
    /// breaks it, next to the characters that join words.
    @Test("Every letter the scanner takes agrees with ICU") func everyLetter() {
        let scalars =
            (0x80..<0x2000).compactMap(Unicode.Scalar.init) + (0xFF00..<0xFFF0).compactMap(Unicode.Scalar.init)
        for start in stride(from: 0, to: scalars.count, by: 16) {
            var text = String.UnicodeScalarView()
            for scalar in scalars[start..<min(start + 16, scalars.count)] {
                text.append(contentsOf: [scalar, "a", scalar, ".", scalar, "1", "'", scalar, "_", scalar, " "])
            }
            #expect(Self.words(String(text), alwaysUsingICU: false) == Self.words(String(text), alwaysUsingICU: true))
        }
    }
}
