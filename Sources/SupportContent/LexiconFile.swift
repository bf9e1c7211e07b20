import Foundation
import TextNormalization

/// Temporary stand-in (the normalizer work replaces this file): no lexicon yet.
public enum LexiconFile {
    public static func load(localesDirectory: URL) throws -> NormalizationLexicon {
        NormalizationLexicon()
    }
}
