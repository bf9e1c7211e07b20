import Testing

@testable import SensitiveData

@Suite("Seed phrases")
struct SeedPhraseTests {
    let scanner = SensitiveDataScanner()

    static let english12 = "abandon ability able about above absent absorb abstract absurd abuse access accident"

    @Test(
        "English and Vietnamese messages with a seed phrase",
        arguments: [
            (
                "my seed is \(english12). Is it safe now?",
                "my seed is [SEED_PHRASE]. Is it safe now?"
            ),
            (
                "cụm từ khôi phục của mình: \(english12) bị lộ rồi",
                "cụm từ khôi phục của mình: [SEED_PHRASE] bị lộ rồi"
            ),
            (
                "ABANDON Ability able ABOUT above Absent absorb abstract absurd abuse access accident",
                "[SEED_PHRASE]"
            ),
            (
                "abandon, ability, able, about, above, absent, absorb, abstract, absurd, abuse, access, accident.",
                "[SEED_PHRASE]."
            ),
            (
                "12 từ: abandon-ability-able-about-above-absent-absorb-abstract-absurd-abuse-access-accident ok?",
                "12 từ: [SEED_PHRASE] ok?"
            ),
        ] as [(String, String)])
    func detectsSeedPhrase(message: String, expected: String) {
        let redaction = scanner.redact(message)
        #expect(redaction.text == expected)
        #expect(redaction.kinds == [.seedPhrase])
        #expect(scanner.walletSecret(in: message) == .seedPhrase)
    }

    @Test("Numbered lists: 1. word, 1) word, (1) word, 1.word, one per line")
    func numberedLists() {
        let words = Self.english12.split(separator: " ")
        let styles: [(Int, Substring) -> String] = [
            { "\($0). \($1)" }, { "\($0)) \($1)" }, { "(\($0)) \($1)" }, { "\($0).\($1)" }, { "\($0)-\($1)" },
        ]
        for style in styles {
            for separator in [" ", "\n", ", ", "\r\n"] {
                let list = words.enumerated().map { style($0.offset + 1, $0.element) }.joined(separator: separator)
                let message = "here are my words:\n\(list)\nnhờ bạn giúp"
                let redaction = scanner.redact(message)
                #expect(redaction.kinds == [.seedPhrase], "\(message)")
                #expect(!redaction.text.contains("abandon") && !redaction.text.contains("accident"), "\(message)")
                #expect(redaction.text.hasSuffix("\nnhờ bạn giúp"))
            }
        }
    }

    @Test(
        "Phrases in the other nine languages",
        arguments: [
            "とうむぎ　こうない　ひくい　うりきれ　おばさん　きおん　ねんし　えんげき　ずいぶん　うくらいな　かのう　ほそい",
            "とうむぎ こうない ひくい うりきれ おばさん きおん ねんし えんげき ずいぶん うくらいな かのう ほそい",
            "이렇게 백화점 지능 국립 날짜 대문 절대 근처 소질 과학 단독 코미디",
            "oriente engaño rígido avena burro charla privar bebida hormiga arruga casa supremo",
            "noisette économie régalien baleine buisson chlorure plaque biologie frotter assiette ceinture skier",
            "尖 船 爬 常 认 持 杜 运 井 气 米 沸",
            "尖 船 爬 常 認 持 杜 運 井 氣 米 沸",
            "pozdrav kojenec strach clona drzost hadr seshora dlouho motyka chapadlo flanel ustrnout",
            "porpora faccenda sempre ballata cane conferma roccia birra labirinto aspirato cifrare stuccare",
            "narrado difuso rasgar atadura birrento capacho picado bacia fronha apelido cacetada simetria",
        ])
    func otherLanguages(phrase: String) {
        let message = "help: \(phrase)"
        #expect(scanner.redact(message).text == "help: [SEED_PHRASE]")
        #expect(scanner.walletSecret(in: message) == .seedPhrase)
    }

    @Test("NFD and upper-case input match the lists")
    func normalizationAndCase() {
        let nfd =
            "noisette e\u{301}conomie re\u{301}galien baleine buisson chlorure plaque biologie frotter "
            + "assiette ceinture skier"
        #expect(scanner.redact(nfd).text == "[SEED_PHRASE]")
        let upper =
            "NOISETTE ÉCONOMIE RÉGALIEN BALEINE BUISSON CHLORURE PLAQUE BIOLOGIE FROTTER ASSIETTE "
            + "CEINTURE SKIER"
        #expect(scanner.redact(upper).text == "[SEED_PHRASE]")
    }

    @Test("Decomposed (NFD) Japanese takes the canonical path")
    func decomposedJapanese() {
        // ぎ ば げ ず written as base kana + U+3099.
        let phrase =
            "とうむき\u{3099}　こうない　ひくい　うりきれ　おは\u{3099}さん　きおん　ねんし　えんけ\u{3099}き　"
            + "す\u{3099}いぶん　うくらいな　かのう　ほそい"
        #expect(scanner.redact("seed：\(phrase)。").text == "seed：[SEED_PHRASE]。")
    }

    @Test("24 words and two phrases in one message")
    func longAndRepeated() {
        let words24 = Self.english12 + " acid acoustic acquire across act action actor actress actual adapt add addict"
        #expect(scanner.redact("a \(words24) b").text == "a [SEED_PHRASE] b")
        let two = "old: \(Self.english12). new: \(Self.english12)."
        let redaction = scanner.redact(two)
        #expect(redaction.text == "old: [SEED_PHRASE]. new: [SEED_PHRASE].")
        #expect(redaction.kinds == [.seedPhrase, .seedPhrase])
    }

    @Test("11 list words are not a seed phrase")
    func elevenWords() {
        let eleven = Self.english12.split(separator: " ").dropLast().joined(separator: " ")
        for message in [eleven, "my words \(eleven) and", "\(eleven). \(eleven)", "\(eleven) 123 \(eleven)"] {
            #expect(scanner.findings(in: message).isEmpty, "\(message)")
            #expect(scanner.walletSecret(in: message) == nil)
        }
    }

    @Test("Words of two lists do not make one phrase")
    func mixedLanguages() {
        let message = "abandon ability able about above absent oriente engaño rígido avena burro charla"
        #expect(scanner.findings(in: message).isEmpty)
    }

    @Test("One misspelt word inside a phrase is tolerated; an unrelated word or one at the end is not")
    func oneTypo() {
        let typo = "abandon ability able about above absnt absorb abstract absurd abuse access accident"
        #expect(scanner.redact(typo).text == "[SEED_PHRASE]")
        let transposed = "abandon ability able about above absent absorb abstarct absurd abuse access accident"
        #expect(scanner.redact(transposed).text == "[SEED_PHRASE]")
        let unrelated = "abandon ability able about above zebrafish absorb abstract absurd abuse access accident"
        #expect(scanner.findings(in: unrelated).isEmpty)
        let twoTypos = "abandon ability able about above absnt absorb abstract absurd abuse acess accident"
        #expect(scanner.findings(in: twoTypos).isEmpty)
        let atTheEnd = "abandon ability able about above absent absorb abstract absurd abuse access accidnt"
        #expect(scanner.findings(in: atTheEnd).isEmpty)
    }

    @Test("The embedded lists: ten languages of 2,048 words")
    func embeddedLists() {
        let index = BIP39Index.shared
        #expect(index.words.count == 10)
        #expect(index.words.allSatisfy { $0.count == 2048 && Set($0).count == 2048 })
        #expect(index.words[BIP39Language.english.rawValue].first == "abandon")
        #expect(index.words[BIP39Language.english.rawValue].last == "zoo")
        #expect(index.maxASCIILength == 9)
    }

    @Test("The ASCII hash is the general hash on ASCII bytes, any case")
    func asciiHash() {
        var words = BIP39Index.shared.words.joined().filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        words += words.map { $0.uppercased() } + ["Zoo", "aBaNdOn", "x", "", "12@#", "[]_`{"]
        for word in words {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { bytes in
                #expect(BIP39Index.asciiHash(bytes) == BIP39Index.hash(bytes), "\(word)")
            }
        }
    }
}
