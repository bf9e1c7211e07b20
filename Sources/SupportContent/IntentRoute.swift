/// What an intent does when it matches.
public enum IntentRoute: String, Sendable, Codable, CaseIterable, Hashable {
    /// Answer from the FAQ.
    case answer
    /// A scam or security warning; outranks `answer` intents.
    case security
    /// Hand the conversation to a human.
    case escalate
}
