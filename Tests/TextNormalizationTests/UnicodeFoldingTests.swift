import Foundation
import SupportBotTestSupport
import Testing

@testable import TextNormalization

/// Folding and segmentation of any Unicode a user can type or paste.
@Suite struct UnicodeFoldingTests {
    let normalizer = TestNormalizers.shipped

    static let vietnameseSentences = [
        "Tôi không rút được tiền",
        "Tài khoản của tôi bị khóa rồi",
        "Phí nạp USDT mạng TRC20 là bao nhiêu?",
        "Đăng nhập không được, mã OTP không về",
        "Người dùng quên mật khẩu thì làm thế nào",
        "Chuyển khoản 1.000.000đ mà chưa nhận được",
        "Hoà hợp, hòa bình, thuỷ thủ, thủy triều",
        "Xác minh danh tính KYC mất bao lâu ạ",
        "ĐỊA CHỈ VÍ ĐÚNG KHÔNG Ạ",
        "Sàn có hỗ trợ rút về ngân hàng Việt Nam không?",
        "Ừ, ờ, ạ, ấy, ổn, ưu đãi, ươn ướt",
        "giờ gì giữa giường quý quyển",
    ]

    @Test("NFC and NFD input give the same tokens", arguments: vietnameseSentences)
    func nfcAndNFDAgree(_ sentence: String) {
        let composed = normalizer.normalize(sentence.precomposedStringWithCanonicalMapping)
        let decomposed = normalizer.normalize(sentence.decomposedStringWithCanonicalMapping)
        #expect(composed.language == decomposed.language)
        #expect(composed.tokens.map(\.folded) == decomposed.tokens.map(\.folded))
        #expect(composed.tokens.map(\.plain) == decomposed.tokens.map(\.plain))
        #expect(composed.tokens.map(\.kind) == decomposed.tokens.map(\.kind))
        #expect(composed.tokens.map(\.isAsTyped) == decomposed.tokens.map(\.isAsTyped))
    }

    @Test("NFD input folds to NFC", arguments: vietnameseSentences)
    func foldedFormIsComposed(_ sentence: String) {
        let folded = normalizer.normalize(sentence.decomposedStringWithCanonicalMapping).tokens.map(\.folded)
        #expect(folded == folded.map(\.precomposedStringWithCanonicalMapping))
        #expect(folded.allSatisfy { $0 == $0.lowercased() })
    }

    @Test(
        "Case, width and compatibility forms fold",
        arguments: [
            ("RÚT TIỀN", "rut tien"),
            ("ＵＳＤＴ ＴＲＣ２０", "usdt trc20"),
            ("ﬁat ﬂoor", "fiat floor"),
            ("Ｒút ｔiền", "rut tien"),
            ("Đ đ Ð ð", "d d d d"),
            ("ĐĂNG NHẬP", "dang nhap"),
            ("ĐÃ ĐÓNG BĂNG", "da dong bang"),
            ("Straße", "strasse"),
            ("ΑΒΓ", "αβγ"),
            ("ПРИВЕТ", "привет"),
            ("Ⅻ", "xii"),
            ("ｂｉｎａｎｃｅ", "binance"),
        ])
    func caseAndCompatibilityFold(_ input: String, _ expected: String) {
        #expect(TestNormalizers.bare.plain(input) == expected)
    }

    @Test(
        "Invisible and control characters never glue or split words",
        arguments: [
            ("rút\u{200B}tiền", "rut tien"),  // zero-width space separates
            ("rút\u{2028}tiền", "rut tien"),  // line separator
            ("r\u{00AD}út tiền", "rut tien"),  // soft hyphen vanishes
            ("\u{FEFF}rút tiền", "rut tien"),  // byte order mark
            ("\u{200E}rút\u{200F} tiền", "rut tien"),  // bidi marks
            ("\u{202E}rút tiền\u{202C}", "rut tien"),  // bidi override
            ("\u{2066}rút\u{2069} tiền", "rut tien"),  // bidi isolates
            ("rú\u{200D}t tiền", "rut tien"),  // zero-width joiner
            ("rút\u{00A0}tiền", "rut tien"),  // no-break space
            ("rút\u{3000}tiền", "rut tien"),  // ideographic space
            ("rút\ttiền\r\n", "rut tien"),
            ("rút\u{0000}tiền", "rut tien"),
        ])
    func invisibleCharacters(_ input: String, _ expected: String) {
        #expect(TestNormalizers.bare.plain(input) == expected)
    }

    @Test(
        "Emoji and symbols are dropped, never crash",
        arguments: [
            ("rút tiền 😀🙏", "rut tien"),
            ("rút😀tiền", "rut tien"),
            ("👍", ""),
            ("🇻🇳 chào", "chao"),
            ("👨‍👩‍👧‍👦 family", "family"),
            ("❤️❤️❤️", ""),
            ("★ ✓ ✗ → ← ©®™", ""),
            ("rút tiền!!!???...", "rut tien"),
            ("\u{FFFD}\u{FFFD}", ""),
            ("rút\u{FFFD}tiền", "rut tien"),
            ("", ""),
            ("   \n\t  ", ""),
        ])
    func emojiAndSymbols(_ input: String, _ expected: String) {
        #expect(TestNormalizers.bare.plain(input) == expected)
    }

    @Test("Typographic apostrophes read as '", arguments: ["can’t", "can‘t", "canʼt", "can＇t"])
    func apostrophes(_ input: String) {
        let token = normalizer.normalize(input).tokens
        #expect(token.map(\.plain) == ["can not"])
        #expect(token.first?.text == input)
    }

    @Test("The dong sign reads as đ") func dongSign() {
        let tokens = normalizer.normalize("50.000₫ và 20.000 ₫").tokens
        #expect(tokens.map(\.kind) == [.amount, .word, .number, .word])
        #expect(tokens[0].plain == "50.000d")
        #expect(tokens[0].text == "50.000₫")
    }

    @Test("Text keeps what was typed; folded and plain are lower case") func textIsVerbatim() {
        let tokens = normalizer.normalize("Gửi TXyZ9a8b7c6d5e4f3g2h1j1k2m3n4p5q6 NHÉ").tokens
        #expect(tokens.map(\.text) == ["Gửi", "TXyZ9a8b7c6d5e4f3g2h1j1k2m3n4p5q6", "NHÉ"])
        #expect(tokens.map(\.folded) == ["gửi", "txyz9a8b7c6d5e4f3g2h1j1k2m3n4p5q6", "nhé"])
        #expect(tokens.map(\.plain) == ["gui", "txyz9a8b7c6d5e4f3g2h1j1k2m3n4p5q6", "nhe"])
    }

    @Test("Plain words are lower case, diacritic-free and single-spaced", arguments: vietnameseSentences)
    func plainWordsAreClean(_ sentence: String) {
        for word in normalizer.normalize(sentence).plainWords {
            #expect(!word.isEmpty && !word.contains(" "))
            #expect(word.unicodeScalars.allSatisfy { $0.isASCII })
            #expect(word == word.lowercased())
        }
    }

    @Test("Random bytes decoded with replacement never crash", arguments: 0..<12)
    func randomBytes(_ seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed))
        let length = Int(generator.next() % 400)
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let text = String(decoding: bytes, as: UTF8.self)
        let message = normalizer.normalize(text)
        for token in message.tokens {
            #expect(!token.plain.isEmpty)
            #expect(!token.folded.isEmpty)
        }
    }

    @Test("Random Unicode scalars never crash", arguments: 0..<8)
    func randomScalars(_ seed: Int) {
        var generator = SeededRandom(seed: UInt64(seed) &+ 1000)
        var text = String.UnicodeScalarView()
        for _ in 0..<300 {
            let value = UInt32(truncatingIfNeeded: generator.next() % 0x10FFFF)
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        _ = normalizer.normalize(String(text))
    }

    @Test("A long message is handled in one piece") func longMessage() {
        let sentence = "Tôi không rút được tiền về ví 0xAbC123def4567890abcdef1234567890abcdef12 ạ. "
        let message = normalizer.normalize(String(repeating: sentence, count: 2_000))
        #expect(message.tokens.count == 9 * 2_000)
        #expect(message.language == .vi)
    }

    @Test("Segments keep the source text and both folds") func segments() {
        let segments = ICUText.segments(of: "Rút TIỀN, nhé!")
        #expect(segments.map(\.text) == ["Rút", "TIỀN", "nhé"])
        #expect(segments.map(\.folded) == ["rút", "tiền", "nhé"])
        #expect(segments.map(\.plain) == ["rut", "tien", "nhe"])
    }

    @Test(
        "Whole-string folds",
        arguments: [("Tài Khoản", false, "tài khoản"), ("Tài Khoản", true, "tai khoan"), ("", true, "")])
    func fold(_ input: String, _ strip: Bool, _ expected: String) {
        #expect(ICUText.fold(input, strippingMarks: strip) == expected)
    }

    /// The C shim folds most code points from a table built with ICU at start-up; every word
    /// must fold exactly as ICU folds it alone.
    @Test(
        "Table folds agree with ICU's", arguments: [0x20..<0x1000, 0x1000..<0x2000, 0xFF00..<0xFFF0, 0x1E00..<0x1F00])
    func tableAgreesWithICU(_ range: Range<UInt32>) {
        let scalars = range.compactMap(Unicode.Scalar.init)
        for start in stride(from: 0, to: scalars.count, by: 6) {
            var text = String.UnicodeScalarView()
            for scalar in scalars[start..<min(start + 6, scalars.count)] {
                text.append(contentsOf: ["a", scalar, "b", scalar, " "] as [Unicode.Scalar])
            }
            for segment in ICUText.segments(of: String(text)) {
                #expect(segment.folded == ICUText.fold(String(segment.text), strippingMarks: false))
                #expect(segment.plain == ICUText.fold(String(segment.text), strippingMarks: true))
            }
        }
    }

    @Test("Normalizing is safe from many threads at once") func concurrency() async {
        let inputs = Self.vietnameseSentences + ["ruts tieenf", "i cant withdraw my usdt", "tk bi khoa r"]
        let shared = normalizer
        let expected = inputs.map { shared.normalize($0) }
        await withTaskGroup(of: Bool.self) { group in
            for round in 0..<8 {
                group.addTask {
                    (0..<200).allSatisfy { index in
                        let position = (index + round) % inputs.count
                        return shared.normalize(inputs[position]) == expected[position]
                    }
                }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}
