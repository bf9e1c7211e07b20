import Foundation
import TextNormalization

/// Everything the bot knows, loaded and checked: immutable once built.
public struct BotContent: Sendable {
    public var intents: [IntentDefinition] {
        didSet { intentPositions = Self.positions(of: intents) }
    }
    private var intentPositions: [String: Int]
    /// Answers by intent id and language, placeholders already filled.
    public var answers: [String: [Language: String]]
    public var locales: [Language: LocaleDefinition]
    public var lexicon: NormalizationLexicon
    /// Values for `{{placeholders}}`, from `bot.yaml`.
    public var placeholders: [String: String]
    public var directory: URL

    public init(
        intents: [IntentDefinition], answers: [String: [Language: String]], locales: [Language: LocaleDefinition],
        lexicon: NormalizationLexicon, placeholders: [String: String], directory: URL
    ) {
        self.intents = intents
        self.intentPositions = Self.positions(of: intents)
        self.answers = answers
        self.locales = locales
        self.lexicon = lexicon
        self.placeholders = placeholders
        self.directory = directory
    }

    /// The languages the bot answers in.
    public static let languages: [Language] = [.en, .vi]

    public func intent(_ id: String) -> IntentDefinition? { intentPositions[id].map { intents[$0] } }

    private static func positions(of intents: [IntentDefinition]) -> [String: Int] {
        Dictionary(intents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A system sentence in `language`, with `{name}` values filled in.
    public func message(_ key: String, in language: Language, _ values: [String: String] = [:]) -> String {
        let locale = locales[language] ?? locales[.en]
        var text = locale?.messages[key] ?? key
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    public func message(_ key: SystemMessage, in language: Language, _ values: [String: String] = [:]) -> String {
        message(key.rawValue, in: language, values)
    }
}
