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
    public var intentsSeen: [String] {
        get { seenIntents.strings }
        set { seenIntents = FirstInPlaceList(newValue) }
    }
    /// The last user messages, already redacted, for the hand-off summary.
    public var recentMessages: [String] {
        get { messages.strings }
        set { messages = FirstInPlaceList(newValue) }
    }
    /// Whether the conversation has been handed to a human.
    public var isEscalated = false
    /// `intentsSeen` and `recentMessages` as kept: most conversations see one message and one
    /// intent, which these hold without allocating.
    private var seenIntents = FirstInPlaceList()
    private var messages = FirstInPlaceList()

    /// Encoded as a conversation always was: the two lists under their public names.
    private enum CodingKeys: String, CodingKey {
        case id, language, pinnedLanguage, turn, consecutiveFallbacks, pendingQuestion
        case seenIntents = "intentsSeen"
        case messages = "recentMessages"
        case isEscalated
    }

    /// How many redacted messages the hand-off summary carries.
    public static let recentMessageLimit = 5

    /// How many intents a conversation's list starts with room for, after its first.
    static let expectedIntentCount = 4

    public init(id: String, language: Language = .unknown) {
        self.id = id
        self.language = language
    }

    mutating func remember(message: String) {
        // Room for one more than the limit: the oldest is removed after the newest is added.
        messages.append(message, expectedCount: Self.recentMessageLimit + 1)
        if messages.count > Self.recentMessageLimit { messages.removeFirst() }
    }

    mutating func remember(intent: String) {
        if !seenIntents.contains(intent) { seenIntents.append(intent, expectedCount: Self.expectedIntentCount) }
    }
}
