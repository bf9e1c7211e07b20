import SupportContent
import TextNormalization

/// The sentences and intent facts replies are made of, read from the content once when the
/// policy is built.
///
/// Reading them from `BotContent` on every message copied the intent's whole definition and the
/// locale, and filled the same templates again: thousands of instructions per reply.
struct ReplyTexts: Sendable {
    /// What a reply needs of an intent.
    struct IntentFacts: Sendable {
        /// Per language slot: its answer, or nil when it has none in that language.
        var answers: [String?]
        /// Per language slot: its title, or nil.
        var titles: [String?]
        var asksSatisfaction: Bool
        var escalates: Bool
        var route: IntentRoute
        var priority: Int
        var location: SourceLocation
    }

    private let intents: [String: IntentFacts]
    /// Per language slot, per `SystemMessage` (in `allCases` order): the sentence as
    /// `BotContent.message` gives it without values.
    private let messages: [[String]]
    /// Per language slot, per `EscalationReason` (in `allCases` order): the hand-off sentence, filled.
    private let handoffs: [[String]]
    /// Per language slot: the fallback sentence with its topics filled.
    private let fallbacks: [String]

    init(_ content: BotContent) {
        let languages = Language.allCases
        var intents: [String: IntentFacts] = [:]
        intents.reserveCapacity(content.intents.count)
        for intent in content.intents where intents[intent.id] == nil {
            let answers = content.answers[intent.id]
            intents[intent.id] = IntentFacts(
                answers: languages.map { answers?[$0] }, titles: languages.map { intent.titles[$0] },
                asksSatisfaction: intent.asksSatisfaction, escalates: intent.escalates, route: intent.route,
                priority: intent.priority, location: intent.location)
        }
        self.intents = intents
        messages = languages.map { language in SystemMessage.allCases.map { content.message($0, in: language) } }
        handoffs = languages.map { language in
            EscalationReason.allCases.map { reason in
                content.message(.handoff, in: language, ["reason": content.message(reason.messageKey, in: language)])
            }
        }
        fallbacks = languages.map { language in
            content.message(.fallback, in: language, ["topics": content.message(.fallbackTopics, in: language)])
        }
    }

    func intent(_ id: String) -> IntentFacts? { intents[id] }

    /// The intent's answer in `language`, or "" when it has none.
    func answer(_ id: String, in language: Language) -> String {
        intents[id]?.answers[Self.slot(language)] ?? ""
    }

    func message(_ key: SystemMessage, in language: Language) -> String {
        messages[Self.slot(language)][SystemMessage.allCases.firstIndex(of: key)!]
    }

    func handoff(_ reason: EscalationReason, in language: Language) -> String {
        handoffs[Self.slot(language)][EscalationReason.allCases.firstIndex(of: reason)!]
    }

    func fallback(in language: Language) -> String { fallbacks[Self.slot(language)] }

    /// A language's position in `Language.allCases`, without searching it.
    static func slot(_ language: Language) -> Int {
        switch language {
        case .vi: 0
        case .en: 1
        case .unknown: 2
        }
    }
}
