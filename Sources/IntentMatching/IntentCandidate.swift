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
        // Appended piece by piece: every answered message carries one, and interpolation of
        // this many parts cost more than matching a short message.
        var text = "pattern \""
        text.reserveCapacity(pattern.utf8.count + location.file.utf8.count + 160)
        text += pattern
        text += "\" ("
        text += location.file
        if location.line > 0 {
            text += ":"
            text += String(location.line)
            text += ":"
            text += String(location.column)
        }
        text += "); words ["
        appendList(matchedWords, to: &text)
        text += "]; coverage "
        text += String(Int((coverage * 100).rounded()))
        text += "%; "
        text += String(requiredItems)
        text += requiredItems == 1 ? " required item" : " required items"
        if !typos.isEmpty {
            text += "; typos ["
            appendList(typos, to: &text)
            text += "]"
        }
        if diacriticsAgreeing > 0 {
            text += "; "
            text += String(diacriticsAgreeing)
            text += " diacritic match"
        }
        if diacriticsDisagreeing > 0 {
            text += "; "
            text += String(diacriticsDisagreeing)
            text += " diacritic mismatch"
        }
        return text
    }

    private func appendList(_ words: [String], to text: inout String) {
        for (number, word) in words.enumerated() {
            if number > 0 { text += ", " }
            text += word
        }
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
