import Testing

@testable import IntentMatching

/// The parser reads UTF-8 bytes but reports Unicode scalar offsets (YAML columns) and splits
/// words on Unicode whitespace: these pin both where multi-byte text is involved.
@Suite("The pattern parser counts scalars and splits on Unicode whitespace")
struct PatternParserTests {
    @Test(
        "Errors after multi-byte letters point at the scalar",
        arguments: [
            // ú, ề: two and three bytes, one scalar each
            ("rút tiền )", "unexpected ')'", 9),
            // e + U+0302 + U+0300: a decomposed ề is three scalars
            ("tie\u{0302}\u{0300}n (a", "'(' is never closed", 7),
            ("nạp 🚀 *9 tiền", "a gap may span 1 to 8 words", 6),
            ("tiền *", "a pattern cannot end with a gap '*'", 5),
            ("ví ! x", "'!' must be followed by a word, a (group) or a ~concept", 3),
        ])
    func offsets(pattern: String, message: String, offset: Int) {
        #expect(throws: PatternSyntaxError(message: message, offset: offset)) {
            try PatternParser.parse(pattern)
        }
    }

    @Test(
        "Non-ASCII whitespace separates words; Vietnamese letters do not",
        arguments: [
            ("rút\u{00A0}tiền", ["rút", "tiền"]),
            ("rút\u{3000}tiền\u{1680}ví", ["rút", "tiền", "ví"]),
            ("nạp\u{2009}tiền\u{0085}ngay", ["nạp", "tiền", "ngay"]),
            ("chuyển khoản ứng", ["chuyển", "khoản", "ứng"]),
        ])
    func words(pattern: String, words: [String]) throws {
        let parsed = try PatternParser.parse(pattern)
        let bytes = Array(pattern.utf8)
        let found = parsed.items.compactMap { item -> String? in
            guard case .word(let range, _) = item else { return nil }
            return String(decoding: bytes[range], as: UTF8.self)
        }
        #expect(found == words)
    }

    @Test("Word and concept offsets count scalars; words are byte ranges")
    func itemOffsets() throws {
        let parsed = try PatternParser.parse("tiền ~withdraw [ví]")
        #expect(
            parsed.items == [
                .word(bytes: 0..<6, offset: 0), .concept("withdraw", offset: 5),
                .optional(.word(bytes: 18..<21, offset: 16)),
            ])
    }
}
