/// Everything the matcher found in one message.
public struct MatchResult: Sendable {
    /// Matched intents, best first, one entry per intent.
    public var candidates: [IntentCandidate]
    /// Confidence that the message is a yes, a no, or frustration (0 when not).
    public var phrases: [IntentIndex.PhraseSet: Double] {
        get {
            var phrases: [IntentIndex.PhraseSet: Double] = [:]
            for set in IntentIndex.PhraseSet.allCases { phrases[set] = phraseScores[set] }
            return phrases
        }
        set {
            phraseScores = PhraseScores()
            for (set, score) in newValue { phraseScores[set] = score }
        }
    }
    /// Content words no pattern of any intent explains: what authors may need to add.
    public var unmatchedWords: [String]
    /// `phrases` in place: a dictionary per message cost an allocation and a hash per set.
    var phraseScores: PhraseScores

    init(candidates: [IntentCandidate], phraseScores: PhraseScores, unmatchedWords: [String]) {
        self.candidates = candidates
        self.phraseScores = phraseScores
        self.unmatchedWords = unmatchedWords
    }

    public var best: IntentCandidate? { candidates.first }

    /// `best?.confidence ?? 0`, read in place: `best` copied the whole candidate for it.
    package var bestConfidence: Double { candidates.isEmpty ? 0 : candidates[0].confidence }

    public func phraseConfidence(_ set: IntentIndex.PhraseSet) -> Double { phraseScores[set] ?? 0 }

    /// The explanation of the candidate at `position`, moved out and replaced by an empty one:
    /// for a result that is not read after the reply is made. A copy retained the explanation's
    /// pattern, file, and word lists, and freeing the result released them again (about 150
    /// instructions per answer).
    package mutating func takeExplanation(at position: Int) -> MatchExplanation {
        var explanation = MatchExplanation(source: .taken)
        swap(&explanation, &candidates[position].explanation)
        return explanation
    }

    /// A score per phrase set the message matched.
    struct PhraseScores: Sendable {
        private var yes: Double?
        private var no: Double?
        private var frustration: Double?
        private var english: Double?
        private var vietnamese: Double?

        subscript(set: IntentIndex.PhraseSet) -> Double? {
            get {
                switch set {
                case .yes: yes
                case .no: no
                case .frustration: frustration
                case .english: english
                case .vietnamese: vietnamese
                }
            }
            set {
                switch set {
                case .yes: yes = newValue
                case .no: no = newValue
                case .frustration: frustration = newValue
                case .english: english = newValue
                case .vietnamese: vietnamese = newValue
                }
            }
        }
    }
}
