/// The word lists the normalizer needs. They are content (`locales/<lang>.lexicon.yaml`), not
/// code: `LexiconFile` in SupportContent reads them and hands this value to ``TextNormalizer``.
public struct NormalizationLexicon: Sendable {
    /// Abbreviations per language: diacritic-free key (`ko`, `w/d`) → expansion (`không`,
    /// `withdraw`). Vietnamese ones expand only in messages that are not English, English ones
    /// only in messages that are not Vietnamese.
    public var abbreviations: [Language: [String: String]]
    /// Abbreviations with several common senses (`bn`: bao nhiêu or bạn): never expanded, but
    /// evidence for their language. Key → the senses, for authors.
    public var ambiguousAbbreviations: [Language: [String: [String]]]
    /// Words never repaired as Telex/VNI residue: English and crypto words that would decode to
    /// a valid Vietnamese syllable (`this` → `thí`, `test` → `tét`, `top1` → `tóp`).
    public var protectedWords: Set<String>
    /// Irregular English forms → their base (`withdrew` → `withdraw`). The normalizer does not
    /// apply them; the matcher does, when it compares words.
    public var inflections: [String: String]
    /// Evidence for language identification, per language.
    public var languageWords: [Language: LanguageWords]
    /// Coin tickers and networks (`usdt`, `trc20`, `bep20`): typed ``TokenKind/ticker``, kept
    /// whole (`BEP-20` → `bep20`), never repaired, neutral for language identification.
    public var tickers: Set<String>

    public init(
        abbreviations: [Language: [String: String]] = [:], protectedWords: Set<String> = [],
        inflections: [String: String] = [:], languageWords: [Language: LanguageWords] = [:],
        tickers: Set<String> = [], ambiguousAbbreviations: [Language: [String: [String]]] = [:]
    ) {
        self.abbreviations = abbreviations
        self.protectedWords = protectedWords
        self.inflections = inflections
        self.languageWords = languageWords
        self.tickers = tickers
        self.ambiguousAbbreviations = ambiguousAbbreviations
    }
}

/// The words that say a short message is in one language. All are diacritic-free folds.
public struct LanguageWords: Sendable, Hashable {
    /// The most frequent words (English) or syllables typed without marks (Vietnamese): 2
    /// points each. A word in both languages' core lists (`the`, `to`, `can`) is half a point
    /// to each.
    public var core: Set<String>
    /// Support and crypto vocabulary (`fee`, `wallet`, `withdraw`): 1 point.
    public var domain: Set<String>
    /// Other frequent words that are also valid in the other language (`cut`/cắt, `tip`): half a
    /// point to each language when they are, otherwise 1 point to this one.
    public var common: Set<String>
    /// Brands and loan words used in both languages (`binance`, `ok`, `app`): no points.
    public var neutral: Set<String>

    public init(core: Set<String> = [], domain: Set<String> = [], common: Set<String> = [], neutral: Set<String> = []) {
        self.core = core
        self.domain = domain
        self.common = common
        self.neutral = neutral
    }
}
