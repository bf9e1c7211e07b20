/// What the bot did with a message.
public enum Route: String, Sendable, Codable, CaseIterable, Hashable {
    /// Answered from the FAQ (or a conversational reply such as thanks for feedback).
    case answer
    /// A scam or security warning.
    case security
    /// Handed to a human.
    case escalate
    /// Asked which of close intents the user meant.
    case clarify
    /// Not understood.
    case fallback
}
