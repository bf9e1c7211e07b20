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
        return Self.fill(locale?.messages[key] ?? key, values)
    }

    /// `template` with each `{name}` that has a value replaced by it, in one pass: a value is
    /// never searched again, and unknown names stay as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let utf8 = template.utf8
        guard !values.isEmpty, var open = utf8.firstIndex(of: UInt8(ascii: "{")) else { return template }
        var text = ""
        text.reserveCapacity(utf8.count + 64)
        var copied = template.startIndex
        while true {
            let nameStart = utf8.index(after: open)
            guard let close = utf8[nameStart...].firstIndex(of: UInt8(ascii: "}")) else { break }
            var searchFrom = nameStart
            if let value = values[String(template[nameStart..<close])] {
                text += template[copied..<open]
                text += value
                copied = utf8.index(after: close)
                searchFrom = copied
            }
            guard let next = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "{")) else { break }
            open = next
        }
        text += template[copied...]
        return text
    }

    public func message(_ key: SystemMessage, in language: Language, _ values: [String: String] = [:]) -> String {
        message(key.rawValue, in: language, values)
    }
}
