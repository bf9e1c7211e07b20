import SupportBotTestSupport
import Testing

@testable import IntentMatching

@Suite("Term vocabulary: lookups through the byte tables agree with the dictionaries")
struct TermVocabularyTests {
    /// Words interned from a small alphabet (with Vietnamese letters, so deletions cut multi-byte
    /// scalars), then random probes: exact words, words one edit away, irregular forms and
    /// strangers. A vocabulary before `finishInterning()` answers from its dictionaries, after it
    /// from its byte tables; the answers, typo terms in order included, must be the same.
    @Test func byteTablesGiveTheDictionariesAnswers() {
        var random = SeededRandom(seed: 7)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        let letters = Array("abcdeghiklmnorstuyđêôư")
        func word(_ length: Int) -> String { String((0..<length).map { _ in letters[next(letters.count)] }) }

        var interning = TermVocabulary(irregularForms: ["went": "go", "paid": "pay", "đã trả": "trả"])
        var words: [String] = []
        for _ in 0..<400 {
            let spelled = word(3 + next(7))
            words.append(spelled)
            _ = interning.intern(spelled)
        }
        for irregular in ["go", "pay", "trả"] { _ = interning.intern(irregular) }
        var finished = interning
        finished.finishInterning()

        var probes = ["went", "paid", "đã trả", "", "x", String(repeating: "a", count: 40)]
        for _ in 0..<3_000 {
            var scalars = Array(words[next(words.count)].unicodeScalars)
            switch next(5) {
            case 0: break
            case 1: scalars.remove(at: next(scalars.count))
            case 2: scalars.insert(letters[next(letters.count)].unicodeScalars.first!, at: next(scalars.count + 1))
            case 3: scalars[next(scalars.count)] = letters[next(letters.count)].unicodeScalars.first!
            default: scalars = Array(word(2 + next(10)).unicodeScalars)
            }
            probes.append(String(String.UnicodeScalarView(scalars)))
        }
        var typos = 0
        for probe in probes {
            for allowTypo in [false, true] {
                let expected = interning.lookup(probe, allowTypo: allowTypo)
                let found = finished.lookup(probe, allowTypo: allowTypo)
                #expect(Self.describe(found) == Self.describe(expected), "\(probe), typos \(allowTypo)")
                if case .typo = expected { typos += 1 }
            }
        }
        #expect(typos > 100, "the probes reach the typo path")
    }

    private static func describe(_ lookup: TermVocabulary.Lookup) -> String {
        switch lookup {
        case .none: "none"
        case .exact(let term): "exact \(term)"
        case .typo(let terms): "typo \(terms)"
        }
    }
}
