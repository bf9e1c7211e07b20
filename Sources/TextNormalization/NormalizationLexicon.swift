/// The word lists the normalizer needs. They are content (`locales/*.yaml`), not code: the
/// content loader builds this value and hands it to ``TextNormalizer``.
public struct NormalizationLexicon: Sendable {
    /// Abbreviations per language, keyed by their diacritic-free fold (`ko` → `không`).
    public var abbreviations: [Language: [String: String]]
    /// Words never repaired as Telex/VNI residue (English and crypto words that decode to a
    /// valid Vietnamese syllable: `after`, `access`, `usdt`).
    public var protectedWords: Set<String>

    public init(abbreviations: [Language: [String: String]] = [:], protectedWords: Set<String> = []) {
        self.abbreviations = abbreviations
        self.protectedWords = protectedWords
    }
}
