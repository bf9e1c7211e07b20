import SupportContent
import TextNormalization

/// What a human agent gets when a conversation is handed over.
public struct HandoffSummary: Sendable, Codable, Hashable {
    public var language: Language
    public var reason: EscalationReason
    public var intentsSeen: [String]
    /// The last user messages, redacted.
    public var lastMessages: [String]
}

/// The bot's answer to one message.
public struct Reply: Sendable, Hashable {
    public var text: String
    public var route: Route
    /// The intent that decided, if any.
    public var intent: String?
    public var confidence: Double
    public var language: Language
    public var escalationReason: EscalationReason?
    /// Which rule and which pattern decided, for `--explain` and replay failures.
    public var explanation: String {
        get { reasoning.description }
        set { reasoning = .text(newValue) }
    }
    /// The explanation in parts, put into words when `explanation` is read.
    public var reasoning: ReplyExplanation
    /// Set when this message answered "did this help?": true for yes.
    public var satisfaction: Bool?
    /// Set when the conversation was handed to a human on this turn.
    public var handoff: HandoffSummary?
    /// The user's message as it may be stored: secrets and personal data replaced by markers.
    public var redactedMessage: String
    /// Intents offered by a clarifying question.
    public var clarificationOptions: [String] = []
}

// The public initializers live in an extension so that the struct keeps its memberwise
// initializer: initializing the fields one by one in the struct's own initializer, the compiler
// built each reply in a temporary and copied it out, retaining and releasing every field (a few
// hundred instructions a reply).
extension Reply {
    public init(
        text: String, route: Route, intent: String?, confidence: Double, language: Language,
        escalationReason: EscalationReason? = nil, explanation: String, satisfaction: Bool? = nil,
        handoff: HandoffSummary? = nil, redactedMessage: String = ""
    ) {
        self.init(
            text: text, route: route, intent: intent, confidence: confidence, language: language,
            escalationReason: escalationReason, reasoning: .text(explanation), satisfaction: satisfaction,
            handoff: handoff, redactedMessage: redactedMessage)
    }

    public init(
        text: String, route: Route, intent: String?, confidence: Double, language: Language,
        escalationReason: EscalationReason? = nil, reasoning: ReplyExplanation, satisfaction: Bool? = nil,
        handoff: HandoffSummary? = nil, redactedMessage: String = ""
    ) {
        self.init(
            text: text, route: route, intent: intent, confidence: confidence, language: language,
            escalationReason: escalationReason, reasoning: reasoning, satisfaction: satisfaction, handoff: handoff,
            redactedMessage: redactedMessage, clarificationOptions: [])
    }
}
