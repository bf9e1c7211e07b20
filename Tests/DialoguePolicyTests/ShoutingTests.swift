import SensitiveData
import Testing
import TextNormalization

@testable import DialoguePolicy

@Suite("Shouting: mostly capitals over several words")
struct ShoutingTests {
    private let normalizer = TextNormalizer()
    private let scanner = SensitiveDataScanner()

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
        let possibleCapitals = scanner.redactCountingCapitals(message).possibleCapitals
        #expect(
            DialoguePolicy.isShouting(normalizer.normalize(message), possibleCapitals: possibleCapitals) == expected,
            "\(message)")
    }

    @Test("The scan's count of possible capitals bounds the capitals of the message's tokens")
    func capitalsPreCheck() {
        var generator = SystemRandomNumberGenerator()
        // Capitals of several scripts and widths, decomposed marks, separators the scan skips
        // (space, quotes, dashes, the ideographic space) and lower case.
        let alphabet = Array("aZAz@[`{09 ÀÁàĐđỆệ😀ＡＺ\u{0301}\n\"'-“”\u{3000}ΣЖ".unicodeScalars)
        for length in 0..<80 {
            for _ in 0..<20 {
                let text = String(
                    String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
                let message = normalizer.normalize(text)
                let capitals = message.tokens.reduce(0) { count, token in
                    count + token.text.unicodeScalars.filter { $0.properties.isUppercase }.count
                }
                let possibleCapitals = scanner.redactCountingCapitals(text).possibleCapitals
                #expect(possibleCapitals >= capitals, "\(text)")
                #expect(
                    DialoguePolicy.isShouting(message, possibleCapitals: possibleCapitals)
                        == DialoguePolicy.isShouting(message), "\(text)")
            }
        }
    }
}
