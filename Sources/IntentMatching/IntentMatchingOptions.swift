/// The numbers that turn matches into decisions. Defaults suit the shipped content; a service
/// may tune them.
public struct MatchingThresholds: Sendable, Hashable, Codable {
    /// The least confidence for an answer.
    public var answer: Double
    /// Two intents closer than this (both above `answer`) get a clarifying question.
    public var clarifyMargin: Double
    /// The least confidence for a yes/no reply or a frustration phrase to count.
    public var phrase: Double

    public init(answer: Double = 0.6, clarifyMargin: Double = 0.05, phrase: Double = 0.7) {
        self.answer = answer
        self.clarifyMargin = clarifyMargin
        self.phrase = phrase
    }
}
