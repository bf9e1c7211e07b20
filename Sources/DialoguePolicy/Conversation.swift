import SupportContent
import TextNormalization

/// One conversation's state: small, `Codable`, and kept by the caller between messages, so the
/// engine itself holds no per-conversation state and any replica can serve any message.
public struct Conversation: Sendable, Codable, Hashable {
    /// What the bot asked last and is waiting for an answer to.
    public enum Question: Sendable, Codable, Hashable {
        /// "Did this help?" after an answer to this intent.
        case satisfaction(intent: String)
        /// "Did you mean ...?" with these intents, in the order listed.
        case clarification(options: [String])
        /// "Would you like to talk to a human?" and why it was offered.
        case humanOffer(reason: EscalationReason)
    }

    public var id: String
    /// The language of the last message that said which it was in.
    public var language: Language
    /// Set by an explicit request ("speak English"): replies stay in it.
    public var pinnedLanguage: Language?
    /// Turns played so far.
    public var turn: Int = 0
    public var consecutiveFallbacks: Int = 0
    public var pendingQuestion: Question?
    /// Intents answered or raised, oldest first, without repeats.
    public var intentsSeen: [String] = []
    /// The last user messages, already redacted, for the hand-off summary.
    public var recentMessages: [String] = []
    /// Whether the conversation has been handed to a human.
    public var isEscalated = false

    /// How many redacted messages the hand-off summary carries.
    public static let recentMessageLimit = 5

    public init(id: String, language: Language = .unknown) {
        self.id = id
        self.language = language
    }

    mutating func remember(message: String) {
        // A new conversation's first message, the most common case: an array literal allocates
        // less than growing an empty array by an append.
        if recentMessages.isEmpty {
            recentMessages = [message]
            return
        }
        recentMessages.append(message)
        if recentMessages.count > Self.recentMessageLimit { recentMessages.removeFirst() }
    }

    mutating func remember(intent: String) {
        if intentsSeen.isEmpty {
            intentsSeen = [intent]  // as in `remember(message:)`
        } else if !intentsSeen.contains(intent) {
            intentsSeen.append(intent)
        }
    }
}
