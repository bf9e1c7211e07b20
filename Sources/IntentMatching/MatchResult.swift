/// Everything the matcher found in one message.
public struct MatchResult: Sendable {
    /// Matched intents, best first, one entry per intent.
    public var candidates: [IntentCandidate]
    /// Confidence that the message is a yes, a no, or frustration (0 when not).
    public var phrases: [IntentIndex.PhraseSet: Double]
    /// Content words no pattern of any intent explains: what authors may need to add.
    public var unmatchedWords: [String]

    public var best: IntentCandidate? { candidates.first }

    public func phraseConfidence(_ set: IntentIndex.PhraseSet) -> Double { phrases[set] ?? 0 }
}
