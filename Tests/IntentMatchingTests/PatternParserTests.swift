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
        let found = parsed.subtrees(in: parsed.items).map { item in
            let range = parsed.nodes[item].bytes
            return String(decoding: bytes[Int(range.lowerBound)..<Int(range.upperBound)], as: UTF8.self)
        }
        #expect(found == words)
    }

    @Test(
        "Groups, sets and vetoes keep their structure, words their scalar offsets",
        arguments: [
            ("tiền ~withdraw [ví]", "tiền@0 ~withdraw@5 [ví@16]"),
            ("rút (a|b c|[d]) *2 x", "rút@0 (a@5 | (b@7 c@9) | [d@12]) *2 x@19"),
            ("{a (b|c)} !x !(y z)", "{a@1 (b@4 | c@6)} !x@11 !(y@15 z@17)"),
            ("a !b c", "a@0 c@5 !b@3"),
            ("((a))", "a@2"),
        ])
    func structure(pattern: String, described: String) throws {
        #expect(describe(try PatternParser.parse(pattern), pattern) == described)
    }

    /// The parsed pattern written out: words and concepts with their offsets, groups as written.
    private func describe(_ parsed: ParsedPattern, _ pattern: String) -> String {
        let bytes = Array(pattern.utf8)
        func describe(_ node: Int) -> String {
            let syntax = parsed.nodes[node]
            let children = parsed.subtrees(in: parsed.childRange(of: node)).map(describe)
            let text = String(
                decoding: bytes[Int(syntax.bytes.lowerBound)..<Int(syntax.bytes.upperBound)], as: UTF8.self)
            switch syntax.kind {
            case .word: return "\(text)@\(syntax.offset)"
            case .concept: return "~\(text)@\(syntax.offset)"
            case .gap: return "*\(syntax.maximum)"
            case .sequence: return "(" + children.joined(separator: " ") + ")"
            case .alternatives: return "(" + children.joined(separator: " | ") + ")"
            case .optional: return "[" + children.joined(separator: " ") + "]"
            }
        }
        let items = parsed.subtrees(in: parsed.items).map(describe).joined(separator: " ")
        let vetoes = parsed.subtrees(in: parsed.vetoes).map { " !" + describe($0) }.joined()
        return (parsed.shape == .unordered ? "{\(items)}" : items) + vetoes
    }
}
