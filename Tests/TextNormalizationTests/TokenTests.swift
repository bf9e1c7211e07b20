import Testing
import TextNormalization

/// What the matcher relies on in a token.
@Suite struct TokenTests {
    let normalizer = TestNormalizers.shipped

    @Test(
        "As typed: plain is the folded form without marks",
        arguments: [
            ("bán", true), ("ban", true), ("BÁN", true), ("tk", false), ("ruts", false), ("pls", false),
            ("usdt", true), ("1.000.000đ", true), ("BEP-20", true),
        ])
    func asTyped(_ word: String, _ expected: Bool) {
        let context = word == "pls" ? "pls help me" : "toi \(word) roi"
        let token = normalizer.normalize(context).tokens.first { $0.text == word }
        #expect(token?.isAsTyped == expected)
        #expect(token?.keepsTypedForm == expected)
    }

    @Test("Plain words split expansions") func plainWords() {
        let message = normalizer.normalize("tk cua toi bi khoa, sdt khong nhan otp")
        #expect(
            message.plainWords == [
                "tai", "khoan", "cua", "toi", "bi", "khoa", "so", "dien", "thoai", "khong", "nhan", "otp",
            ])
    }

    @Test("Intended form keeps the user's marks when typed with them") func intended() {
        let tokens = normalizer.normalize("Bán coin").tokens
        #expect(tokens[0].intended == "bán")
        #expect(tokens[0].folded == "bán")
        #expect(tokens[0].plain == "ban")
    }

    @Test("A normalizer without a lexicon still folds and repairs") func bareNormalizer() {
        let message = TestNormalizers.bare.normalize("ruts tieenf tk")
        #expect(message.plainWords == ["rut", "tien", "tk"])
        #expect(message.language == .vi)
    }

    @Test("Empty input") func empty() {
        let message = normalizer.normalize("")
        #expect(message.tokens.isEmpty)
        #expect(message.language == .unknown)
        #expect(!message.isMixed)
    }
}
