import TextNormalization

/// A language's system sentences and word lists (`locales/<lang>.yaml`).
public struct LocaleDefinition: Sendable {
    public var language: Language
    /// Sentences by key; nested maps are flattened with dots (`handoff_reasons.frustration`).
    public var messages: [String: String]
    public var stopWords: Set<String>
    public var yesWords: [SourceText]
    public var noWords: [SourceText]
    public var frustration: [SourceText]
    /// Phrases naming each language, for "speak English" / "nói tiếng Việt".
    public var languageNames: [Language: [SourceText]]
    /// Concept name → its forms in this language, each a pattern.
    public var concepts: [String: [SourceText]]
    public var location: SourceLocation

    public init(
        language: Language, messages: [String: String] = [:], stopWords: Set<String> = [],
        yesWords: [SourceText] = [], noWords: [SourceText] = [], frustration: [SourceText] = [],
        languageNames: [Language: [SourceText]] = [:], concepts: [String: [SourceText]] = [:], location: SourceLocation
    ) {
        self.language = language
        self.messages = messages
        self.stopWords = stopWords
        self.yesWords = yesWords
        self.noWords = noWords
        self.frustration = frustration
        self.languageNames = languageNames
        self.concepts = concepts
        self.location = location
    }
}
