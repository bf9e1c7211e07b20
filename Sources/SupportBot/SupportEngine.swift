import Foundation
import Logging

/// The bot: content compiled into an index and a policy. Immutable and `Sendable`, so any
/// number of tasks share one; each conversation's state travels in a ``Conversation`` value.
///
/// ```swift
/// let engine = try SupportEngine.load(contentDirectory: URL(fileURLWithPath: "."))
/// var conversation = Conversation(id: "c-1")
/// let reply = engine.respond(to: "rut tien chua ve", in: &conversation)
/// print(reply.route, reply.intent ?? "-", reply.text)
/// ```
public struct SupportEngine: Sendable {
    public let content: BotContent
    public let index: IntentIndex
    public let policy: DialoguePolicy
    /// Where every turn's event goes (redacted); nil keeps no log.
    public var eventSink: (any ConversationEventSink)?
    public var logger: Logger

    /// Compiles already loaded content.
    public init(
        content: BotContent, thresholds: MatchingThresholds = MatchingThresholds(),
        defaultLanguage: Language = .en, eventSink: (any ConversationEventSink)? = nil,
        logger: Logger = Logger(label: "supportbot")
    ) throws(ContentError) {
        // Everything that can throw runs before any stored property is set.
        let index = try IntentIndex.compile(content, thresholds: thresholds)
        self.content = content
        self.index = index
        self.policy = DialoguePolicy(content: content, index: index, defaultLanguage: defaultLanguage)
        self.eventSink = eventSink
        self.logger = logger
    }

    /// Loads and compiles the content in `directory` (`intents/`, `faq/`, `locales/`, `bot.yaml`).
    /// Invalid content throws every problem at once and yields no engine.
    public static func load(
        contentDirectory directory: URL, thresholds: MatchingThresholds = MatchingThresholds(),
        defaultLanguage: Language = .en, eventSink: (any ConversationEventSink)? = nil,
        logger: Logger = Logger(label: "supportbot")
    ) throws(ContentError) -> SupportEngine {
        let content = try ContentLoader.load(from: directory)
        return try SupportEngine(
            content: content, thresholds: thresholds, defaultLanguage: defaultLanguage, eventSink: eventSink,
            logger: logger)
    }

    /// Answers one message, advances `conversation`, and records the turn's event.
    public func respond(to message: String, in conversation: inout Conversation) -> Reply {
        // The clock is read only when an event will carry the time: two readings are about 1% of a reply.
        guard let eventSink else { return policy.respond(to: message, in: &conversation) }
        let start = ContinuousClock.now
        let reply = policy.respond(to: message, in: &conversation)
        let elapsed = ContinuousClock.now - start
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        let event = ConversationEvent(
            time: Date(), conversation: conversation.id, turn: conversation.turn,
            language: reply.language.rawValue, route: reply.route.rawValue, intent: reply.intent,
            confidence: reply.confidence, responseTimeMicroseconds: Int(microseconds),
            escalationReason: reply.escalationReason?.rawValue,
            satisfaction: reply.satisfaction.map { $0 ? "yes" : "no" }, message: reply.redactedMessage)
        do {
            try eventSink.record(event)
        } catch {
            logger.error(
                "could not record a conversation event",
                metadata: ["supportbot.error": "\(error)", "supportbot.conversation": "\(conversation.id)"])
        }
        return reply
    }

    /// A new conversation, in `language` until a message says otherwise.
    public func startConversation(id: String = UUID().uuidString, language: Language = .unknown) -> Conversation {
        Conversation(id: id, language: language)
    }
}
