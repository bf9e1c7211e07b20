import SupportContent

/// Why an intent matched, in words an author can act on.
public struct MatchExplanation: Sendable, Hashable, CustomStringConvertible {
    /// The pattern that decided, as written, and where.
    public var pattern: String
    public var location: SourceLocation
    /// The message words the pattern explains.
    public var matchedWords: [String]
    /// Message words matched only through a one-letter typo.
    public var typos: [String]
    /// Share of the message's content words the pattern explains.
    public var coverage: Double
    public var requiredItems: Int
    /// Words whose typed diacritics agree / disagree with the pattern's.
    public var diacriticsAgreeing: Int
    public var diacriticsDisagreeing: Int

    public init(
        pattern: String, location: SourceLocation, matchedWords: [String] = [], typos: [String] = [],
        coverage: Double = 0, requiredItems: Int = 0, diacriticsAgreeing: Int = 0, diacriticsDisagreeing: Int = 0
    ) {
        self.pattern = pattern
        self.location = location
        self.matchedWords = matchedWords
        self.typos = typos
        self.coverage = coverage
        self.requiredItems = requiredItems
        self.diacriticsAgreeing = diacriticsAgreeing
        self.diacriticsDisagreeing = diacriticsDisagreeing
    }

    public var description: String {
        var parts = [
            "pattern \"\(pattern)\" (\(location))",
            "words [\(matchedWords.joined(separator: ", "))]",
            "coverage \(Int((coverage * 100).rounded()))%",
            "\(requiredItems) required item\(requiredItems == 1 ? "" : "s")",
        ]
        if !typos.isEmpty { parts.append("typos [\(typos.joined(separator: ", "))]") }
        if diacriticsAgreeing > 0 { parts.append("\(diacriticsAgreeing) diacritic match") }
        if diacriticsDisagreeing > 0 { parts.append("\(diacriticsDisagreeing) diacritic mismatch") }
        return parts.joined(separator: "; ")
    }
}

/// An intent that matched a message, with its confidence in [0, 1].
public struct IntentCandidate: Sendable, Hashable {
    public var intentID: String
    public var route: IntentRoute
    public var priority: Int
    public var confidence: Double
    public var explanation: MatchExplanation

    public init(intentID: String, route: IntentRoute, priority: Int, confidence: Double, explanation: MatchExplanation)
    {
        self.intentID = intentID
        self.route = route
        self.priority = priority
        self.confidence = confidence
        self.explanation = explanation
    }
}
