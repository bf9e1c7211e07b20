import Testing
import TextNormalization

@testable import DialoguePolicy

@Suite("Shouting: mostly capitals over several words")
struct ShoutingTests {
    private let normalizer = TextNormalizer()

    @Test(
        "Four fifths of the letters in capitals, over at least three words and twelve letters",
        arguments: [
            ("WHERE IS MY MONEY YOU THIEVES", true),
            ("RÚT TIỀN CHƯA VỀ SAO VẬY", true),
            // 23 capitals and 3 lower-case letters: 88%.
            ("WHERE IS MY MONEY YOU THIEVES now", true),
            // 17 capitals and 5 lower-case letters: 77%, just under the line.
            ("WHERE IS MY MONEY YOU thief", false),
            // 14 capitals and 10 lower-case letters: 58%.
            ("WHERE IS MY MONEY you thieves", false),
            ("Where is my money you thieves", false),
            ("rút tiền chưa về sao vậy", false),
            ("ATM KYC OTP", false),
            ("WITHDRAWAL PENDING", false),
        ])
    func shouting(message: String, expected: Bool) {
        #expect(DialoguePolicy.isShouting(normalizer.normalize(message)) == expected, "\(message)")
        #expect(DialoguePolicy.isShouting(normalizer.normalize(message), typed: message) == expected, "\(message)")
    }

    @Test("The capitals pre-check counts A–Z and the bytes from 0xC0")
    func capitalsPreCheck() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aZAz@[`{09 ÀÁàĐđỆệ😀ＡＺ\u{0301}\n".unicodeScalars)
        for length in 0..<80 {
            for _ in 0..<20 {
                let text = String(
                    String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
                let expected = text.utf8.filter { $0 &- 0x41 < 26 || $0 >= 0xC0 }.count >= 10
                #expect(DialoguePolicy.mayBeShouting(text) == expected, "\(text)")
            }
        }
    }
}
