/// A message after normalization: its language and its tokens.
public struct NormalizedMessage: Sendable, Hashable {
    public var language: Language
    /// True when both languages scored: the language is the majority.
    public var isMixed: Bool
    public var tokens: [Token]

    public init(language: Language, isMixed: Bool = false, tokens: [Token]) {
        self.language = language
        self.isMixed = isMixed
        self.tokens = tokens
    }

    /// The diacritic-free words the matcher compares, expansions split into words.
    public var plainWords: [Substring] {
        tokens.flatMap { $0.plain.split(separator: " ") }
    }
}
