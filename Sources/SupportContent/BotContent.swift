import Foundation
import TextNormalization

/// Everything the bot knows, loaded and checked: immutable once built.
public struct BotContent: Sendable {
    public var intents: [IntentDefinition] {
        didSet { intentPositions = Self.positions(of: intents) }
    }
    /// Each intent's position by its id (the first of a duplicate's).
    package private(set) var intentPositions: [String: Int]
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
        self.init(
            intents: intents, intentPositions: Self.positions(of: intents), answers: answers, locales: locales,
            lexicon: lexicon, placeholders: placeholders, directory: directory)
    }

    /// Content whose intents' positions by id the loader already has (ids are unique there).
    init(
        intents: [IntentDefinition], intentPositions: [String: Int], answers: [String: [Language: String]],
        locales: [Language: LocaleDefinition], lexicon: NormalizationLexicon, placeholders: [String: String],
        directory: URL
    ) {
        self.intents = intents
        self.intentPositions = intentPositions
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
        // By index, last to first so that the first of a duplicate id wins: enumerating the
        // intents copied each one whole for its id, a fiftieth of loading 10,000 intents.
        var positions: [String: Int] = [:]
        positions.reserveCapacity(intents.count)
        for position in intents.indices.reversed() { positions[intents[position].id] = position }
        return positions
    }

    /// A system sentence in `language`, with `{name}` values filled in.
    public func message(_ key: String, in language: Language, _ values: [String: String] = [:]) -> String {
        let locale = locales[language] ?? locales[.en]
        return Self.fill(locale?.messages[key] ?? key, values)
    }

    /// `template` with each `{name}` that has a value replaced by it, in one pass: a value is
    /// never searched again, and unknown names stay as written.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty else { return template }
        var bytesOfTemplate = template
        // Over the bytes: walking the string's UTF-8 view index by index cost thousands of
        // instructions for a long message. Braces are ASCII, so every cut is a character boundary.
        let filled: String? = bytesOfTemplate.withUTF8 { bytes in
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            let open = UInt8(ascii: "{")
            guard var brace = bytes.firstIndex(of: open) else { return nil }
            var filled = ""
            filled.reserveCapacity(bytes.count + 64)
            var copied = 0
            while true {
                guard let close = bytes[(brace + 1)...].firstIndex(of: UInt8(ascii: "}")) else { break }
                var searchFrom = brace + 1
                if let value = values[text((brace + 1)..<close)] {
                    filled += text(copied..<brace)
                    filled += value
                    copied = close + 1
                    searchFrom = copied
                }
                guard let next = bytes[searchFrom...].firstIndex(of: open) else { break }
                brace = next
            }
            filled += text(copied..<bytes.count)
            return filled
        }
        return filled ?? template
    }

    public func message(_ key: SystemMessage, in language: Language, _ values: [String: String] = [:]) -> String {
        message(key.rawValue, in: language, values)
    }
}
