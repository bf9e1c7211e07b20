/// A message after normalization: its language and its tokens.
public struct NormalizedMessage: Sendable, Hashable {
    public var language: Language
    /// True when the message has clear evidence for both languages (`tôi muốn withdraw`): then
    /// `language` is the one with more evidence.
    public var isMixed: Bool
    public var tokens: [Token]
    /// The evidence behind `language`, in points (VIETNAMESE-NOTES §6).
    public var scores: LanguageScores

    public init(language: Language, isMixed: Bool = false, tokens: [Token], scores: LanguageScores = .init()) {
        self.language = language
        self.isMixed = isMixed
        self.tokens = tokens
        self.scores = scores
    }

    /// The diacritic-free words the matcher compares, expansions split into words.
    public var plainWords: [Substring] {
        var words: [Substring] = []
        words.reserveCapacity(tokens.count + 4)
        for token in tokens {
            if token.isAsTyped || !token.plain.utf8.contains(0x20) {
                words.append(token.plain[...])
            } else {
                words.append(contentsOf: token.plain.split(separator: " "))
            }
        }
        return words
    }
}

/// Points of evidence for each language in one message.
public struct LanguageScores: Sendable, Hashable {
    public var vietnamese: Double
    public var english: Double

    public init(vietnamese: Double = 0, english: Double = 0) {
        self.vietnamese = vietnamese
        self.english = english
    }
}
