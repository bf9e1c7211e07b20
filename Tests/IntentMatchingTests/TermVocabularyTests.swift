import SupportBotTestSupport
import Testing

@testable import IntentMatching

@Suite("Term vocabulary: lookups through the byte tables agree with dictionaries")
struct TermVocabularyTests {
    /// Words interned from a small alphabet (with Vietnamese letters, so deletions cut multi-byte
    /// scalars), then random probes: exact words, words one edit away, irregular forms and
    /// strangers. The vocabulary answers from its byte tables, ``ReferenceVocabulary`` from
    /// dictionaries of strings; the answers, typo terms in order included, must be the same.
    @Test func byteTablesGiveTheDictionariesAnswers() {
        var random = SeededRandom(seed: 7)
        func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &random) }
        let letters = Array("abcdeghiklmnorstuyđêôư")
        func word(_ length: Int) -> String { String((0..<length).map { _ in letters[next(letters.count)] }) }

        let irregularForms = ["went": "go", "paid": "pay", "đã trả": "trả"]
        var finished = TermVocabulary(irregularForms: irregularForms)
        var reference = ReferenceVocabulary(irregularForms: irregularForms)
        var words: [String] = []
        for _ in 0..<400 {
            let spelled = word(3 + next(7))
            words.append(spelled)
            #expect(finished.intern(spelled) == reference.intern(spelled))
        }
        for irregular in ["go", "pay", "trả"] { #expect(finished.intern(irregular) == reference.intern(irregular)) }
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
                let expected = reference.lookup(probe, allowTypo: allowTypo)
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

/// What `TermVocabulary` answered from before it had byte tables: dictionaries keyed by strings,
/// its deletion variants listed as words are interned.
private struct ReferenceVocabulary {
    var identifiers: [String: Int32] = [:]
    var keys: [String] = []
    var deletions: [String: [Int32]] = [:]
    let irregularForms: [String: String]

    init(irregularForms: [String: String]) {
        self.irregularForms = irregularForms
    }

    mutating func intern(_ plainWord: String) -> Int32 {
        let key = TermVocabulary.key(for: irregularForms[plainWord] ?? plainWord)
        if let existing = identifiers[key] { return existing }
        let identifier = Int32(keys.count)
        identifiers[key] = identifier
        keys.append(key)
        if key.unicodeScalars.count >= TermVocabulary.minimumTypoLength {
            for variant in TermVocabulary.singleDeletions(of: key) {
                deletions[variant, default: []].append(identifier)
            }
        }
        return identifier
    }

    func lookup(_ plainWord: String, allowTypo: Bool) -> TermVocabulary.Lookup {
        let key = TermVocabulary.key(for: irregularForms[plainWord] ?? plainWord)
        if let identifier = identifiers[key] { return .exact(identifier) }
        let length = key.unicodeScalars.count
        guard allowTypo, length >= TermVocabulary.minimumTypoLength, length <= TermVocabulary.maximumTypoLength
        else { return .none }
        var found: [Int32] = []
        func consider(_ candidates: [Int32]?) {
            for candidate in candidates ?? [] where !found.contains(candidate) {
                let term = keys[Int(candidate)]
                if term.unicodeScalars.count >= TermVocabulary.minimumTypoLength,
                    TermVocabulary.isOneEditApart(
                        key, term, substitutionsFrom: TermVocabulary.minimumSubstitutionLength)
                {
                    found.append(candidate)
                }
            }
        }
        consider(deletions[key])
        for variant in TermVocabulary.singleDeletions(of: key) {
            if let identifier = identifiers[variant] { consider([identifier]) }
            consider(deletions[variant])
        }
        return found.isEmpty ? .none : .typo(found)
    }
}
