/// The lexicon compiled for the hot path: everything the normalizer needs to know about a word
/// comes from one dictionary probe on its diacritic-free fold.
final class LexiconIndex: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let englishCore = Flags(rawValue: 1 << 0)
        static let vietnameseCore = Flags(rawValue: 1 << 1)
        static let englishDomain = Flags(rawValue: 1 << 2)
        static let vietnameseDomain = Flags(rawValue: 1 << 3)
        static let neutral = Flags(rawValue: 1 << 4)
        static let ticker = Flags(rawValue: 1 << 5)
        static let protected = Flags(rawValue: 1 << 6)
        /// A syllable Vietnamese can write without marks (`rut`, `tien`, `the`).
        static let syllable = Flags(rawValue: 1 << 7)
        static let vietnameseAbbreviation = Flags(rawValue: 1 << 8)
        static let englishAbbreviation = Flags(rawValue: 1 << 9)
        /// The first word of a Vietnamese or English abbreviation of several tokens (`w` of `w/d`).
        static let startsPhrase = Flags(rawValue: 1 << 10)
        static let englishCommon = Flags(rawValue: 1 << 11)
        static let vietnameseCommon = Flags(rawValue: 1 << 12)

        /// Known English words: never scored as Vietnamese residue, never decoded.
        static let knownEnglish: Flags = [.englishCore, .englishDomain, .englishCommon, .protected, .neutral, .ticker]
    }

    /// What an abbreviation expands to.
    struct Expansion: Sendable {
        /// Diacritic-free words, single-spaced: `tai khoan`.
        var plain: String
        /// With diacritics, case-folded: `tài khoản`.
        var intended: String
    }

    /// The expansions of one abbreviation key.
    struct Expansions: Sendable {
        var vietnamese: Expansion?
        var english: Expansion?
    }

    /// An abbreviation of several tokens, keyed by its first token.
    struct Phrase: Sendable {
        /// The plain forms of the tokens after the first: `["d"]` for `w/d`.
        var rest: [String]
        var expansion: Expansion
    }

    /// Every known word → what it is. Kept apart from the expansions so that the per-token probe
    /// copies two bytes, not strings.
    let flags: FlagTable

    /// Word → its flags, probed with bytes. It keeps each word as a `String` too, so that the
    /// token of a known word shares it instead of building one from bytes (~100 instructions).
    struct FlagTable: Sendable {
        private let words: WordTable
        private let values: [Flags]
        private let spellings: [String]

        init(_ entries: [String: Flags]) {
            let pairs = Array(entries)
            spellings = pairs.map(\.key)
            words = WordTable(spellings)
            values = pairs.map(\.value)
        }

        subscript(bytes: UnsafeRawBufferPointer) -> Flags? { words[bytes].map { values[$0] } }
        subscript(word: String) -> Flags? { words[word].map { values[$0] } }

        /// The word `bytes` spell, as the table's own string, and its flags.
        func entry(_ bytes: UnsafeRawBufferPointer) -> (word: String, flags: Flags)? {
            guard let number = words[bytes] else { return nil }
            return (spellings[number], values[number])
        }
    }
    let expansions: [String: Expansions]
    let vietnamesePhrases: [String: [Phrase]]
    let englishPhrases: [String: [Phrase]]
    let tickers: Set<String>
    let lexicon: NormalizationLexicon

    init(_ lexicon: NormalizationLexicon) {
        self.lexicon = lexicon
        var entries: [String: Flags] = [:]
        var expansions: [String: Expansions] = [:]
        func mark(_ words: some Sequence<String>, _ flags: Flags) {
            for word in words {
                entries[Self.key(word), default: []].formUnion(flags)
            }
        }
        for syllable in VietnameseSyllables.validPlain { entries[syllable, default: []].insert(.syllable) }
        let english = lexicon.languageWords[.en] ?? LanguageWords()
        let vietnamese = lexicon.languageWords[.vi] ?? LanguageWords()
        mark(english.core, .englishCore)
        mark(english.domain, .englishDomain)
        mark(vietnamese.core, .vietnameseCore)
        mark(vietnamese.domain, .vietnameseDomain)
        mark(english.common, .englishCommon)
        mark(vietnamese.common, .vietnameseCommon)
        mark(english.neutral.union(vietnamese.neutral), .neutral)
        mark(lexicon.protectedWords, .protected)
        let tickers = Set(lexicon.tickers.map(Self.key))
        mark(tickers, .ticker)
        self.tickers = tickers

        var phrases: [Language: [String: [Phrase]]] = [:]
        for (language, table) in lexicon.abbreviations where language != .unknown {
            let flag: Flags = language == .vi ? .vietnameseAbbreviation : .englishAbbreviation
            for (key, expansion) in table {
                let words = ICUText.segments(of: key).map(\.plain)
                guard let first = words.first else { continue }
                let compiled = Self.expansion(expansion)
                if words.count == 1 {
                    entries[first, default: []].insert(flag)
                    if language == .vi {
                        expansions[first, default: Expansions()].vietnamese = compiled
                    } else {
                        expansions[first, default: Expansions()].english = compiled
                    }
                } else {
                    entries[first, default: []].insert(.startsPhrase)
                    phrases[language, default: [:]][first, default: []].append(
                        Phrase(rest: Array(words.dropFirst()), expansion: compiled))
                }
            }
        }
        for (language, table) in lexicon.ambiguousAbbreviations where language != .unknown {
            mark(table.keys, language == .vi ? .vietnameseAbbreviation : .englishAbbreviation)
        }
        // Longest phrases first, so the longest match wins.
        self.vietnamesePhrases = phrases[.vi, default: [:]].mapValues { $0.sorted { $0.rest.count > $1.rest.count } }
        self.englishPhrases = phrases[.en, default: [:]].mapValues { $0.sorted { $0.rest.count > $1.rest.count } }
        self.flags = FlagTable(entries)
        self.expansions = expansions
    }

    /// The plain, single-spaced form under which a content word is filed.
    static func key(_ word: String) -> String {
        if word.utf8.allSatisfy({ DomainTokenScanner.isDigit($0) || ($0 >= 0x61 && $0 <= 0x7A) }) { return word }
        return ICUText.segments(of: word).map(\.plain).joined(separator: " ")
    }

    private static func expansion(_ text: String) -> Expansion {
        let segments = ICUText.segments(of: text)
        return Expansion(
            plain: segments.map(\.plain).joined(separator: " "),
            intended: segments.map(\.folded).joined(separator: " "))
    }
}
