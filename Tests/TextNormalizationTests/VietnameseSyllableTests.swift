import Testing

@testable import TextNormalization

/// The orthographic tables behind Telex validation and language identification.
@Suite struct VietnameseSyllableTests {
    @Test(
        "Real syllables are valid with and without marks",
        arguments: [
            "người", "được", "không", "khuyến", "nghiêng", "quốc", "quý", "giữa", "gì", "gìn", "thuở", "khuya",
            "hoặc", "xoong", "yêu", "oan", "ưu", "kỹ", "trăng", "huỵch",
        ])
    func validSyllables(_ syllable: String) {
        let base = String(
            syllable.map { character -> Character in
                for (plain, toned) in VietnameseSyllables.toneTable where toned.contains(character) { return plain }
                return character
            })
        #expect(VietnameseSyllables.validBases.contains(base))
        #expect(VietnameseSyllables.validPlain.contains(VietnameseSyllables.stripMarks(syllable)))
    }

    @Test(
        "Impossible spellings are invalid",
        arguments: ["ka", "ghan", "ngi", "ce", "gy", "tyên", "iên", "quo", "qu", "bwa", "thr", "st", "ănh", "oon"])
    func invalidSyllables(_ base: String) {
        #expect(!VietnameseSyllables.validBases.contains(base))
    }

    @Test("English words that are not syllables", arguments: ["the", "withdraw", "account", "fees", "help", "stuck"])
    func plainEnglish(_ word: String) {
        #expect(VietnameseSyllables.validPlain.contains(word) == (word == "the"))
    }

    @Test(
        "Stop codas take only sắc or nặng",
        arguments: [("mat", 1, true), ("mat", 5, true), ("mat", 2, false), ("mach", 3, false), ("man", 2, true)])
    func stopCodas(_ base: String, _ tone: Int, _ allowed: Bool) {
        #expect(VietnameseSyllables.allowsTone(tone, onBase: base) == allowed)
    }

    @Test(
        "Tone placement",
        arguments: [
            ("hoa", 2, "hòa"), ("thuy", 3, "thủy"), ("quy", 1, "quý"), ("gia", 2, "già"), ("gin", 2, "gìn"),
            ("nguoi", 2, "nguòi"), ("người", 0, "người"), ("tiên", 2, "tiền"), ("khoai", 1, "khoái"), ("mua", 2, "mùa"),
        ])
    func tonePlacement(_ base: String, _ tone: Int, _ expected: String) {
        #expect(VietnameseSyllables.applyTone(tone, to: base) == expected)
    }

    @Test("The decoder spells every valid syllable under every tone as the tone rule does")
    func decoderSpelling() {
        for base in VietnameseSyllables.validBases {
            let letters = SyllableLetters(spelling: base)
            #expect(letters != nil, "\(base)")
            for tone in 0...5 {
                let spelled = letters?.spelled(tone: tone)
                #expect(spelled?.marked == VietnameseSyllables.applyTone(tone, to: base), "\(base) tone \(tone)")
                #expect(spelled?.plain == VietnameseSyllables.stripMarks(base), "\(base)")
            }
        }
    }

    @Test("The plain syllables are the base syllables without marks, oo only in the loan words")
    func plainSyllablesAreStrippedBases() {
        let loanWords: Set = ["xoong", "boong", "goong", "loong", "coong", "mooc", "sooc", "vooc"]
        let stripped = VietnameseSyllables.validBases.filter { !$0.contains("oo") }.map(VietnameseSyllables.stripMarks)
        #expect(VietnameseSyllables.validPlain == Set(stripped).union(loanWords))
        #expect(VietnameseSyllables.validPlain.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
    }

    @Test("The tables have the documented size") func sizes() {
        #expect(VietnameseSyllables.onsets.count == 27)
        #expect(VietnameseSyllables.rhymes.count == 160)
        #expect(Set(VietnameseSyllables.rhymes.map(VietnameseSyllables.stripMarks)).count == 108)
        #expect(VietnameseSyllables.validBases.count == 3731)
        #expect(VietnameseSyllables.validPlain.count == 2340)
    }
}
