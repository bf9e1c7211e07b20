import SupportContent
import TextNormalization

/// Why an intent matched, in words an author can act on.
public struct MatchExplanation: Sendable, Hashable, CustomStringConvertible {
    /// The pattern that decided, as written, and where.
    public var pattern: String {
        get { source.pattern }
        set { source = .written(WrittenSource(pattern: newValue, location: location)) }
    }
    public var location: SourceLocation {
        get { source.location }
        set { source = .written(WrittenSource(pattern: pattern, location: newValue)) }
    }
    /// The message words the pattern explains.
    public var matchedWords: [String] {
        get { words.matched }
        set { words = .listed(matched: newValue, typos: typos) }
    }
    /// Message words matched only through a one-letter typo.
    public var typos: [String] {
        get { words.typos }
        set { words = .listed(matched: matchedWords, typos: newValue) }
    }
    /// Share of the message's content words the pattern explains.
    public var coverage: Double
    public var requiredItems: Int
    /// Words whose typed diacritics agree / disagree with the pattern's.
    public var diacriticsAgreeing: Int
    public var diacriticsDisagreeing: Int
    /// `matchedWords` and `typos`: the matcher keeps which words they are and spells them only
    /// when they are read, for most explanations never are (spelling them was a fifteenth of
    /// the cost of a message).
    private var words: Words
    /// `pattern` and `location`, or where the index keeps them: copying the pattern's source
    /// text into every candidate retained and released three strings.
    private var source: Source

    public init(
        pattern: String, location: SourceLocation, matchedWords: [String] = [], typos: [String] = [],
        coverage: Double = 0, requiredItems: Int = 0, diacriticsAgreeing: Int = 0, diacriticsDisagreeing: Int = 0
    ) {
        self.init(
            source: .written(WrittenSource(pattern: pattern, location: location)),
            words: .listed(matched: matchedWords, typos: typos),
            coverage: coverage, requiredItems: requiredItems, diacriticsAgreeing: diacriticsAgreeing,
            diacriticsDisagreeing: diacriticsDisagreeing)
    }

    init(
        source: Source, words: Words = .listed(matched: [], typos: []), coverage: Double = 0, requiredItems: Int = 0,
        diacriticsAgreeing: Int = 0, diacriticsDisagreeing: Int = 0
    ) {
        self.source = source
        self.words = words
        self.coverage = coverage
        self.requiredItems = requiredItems
        self.diacriticsAgreeing = diacriticsAgreeing
        self.diacriticsDisagreeing = diacriticsDisagreeing
    }

    /// The pattern as written and where, or where it is in the index's lists of patterns.
    /// Either is a reference and two small numbers at most, so that the explanation stays small.
    enum Source: Sendable {
        case written(WrittenSource)
        case listed(in: [[SourceText]], list: Int32, item: Int32)
        /// No pattern: what a candidate keeps once a reply has taken its explanation
        /// (`MatchResult.takeExplanation`). A case, not an empty `WrittenSource`, which had cost
        /// an allocation and a free per answer.
        case taken

        var pattern: String {
            switch self {
            case .written(let written): written.pattern
            case .listed(let lists, let list, let item): lists[Int(list)][Int(item)].text
            case .taken: ""
            }
        }

        var location: SourceLocation {
            switch self {
            case .written(let written): written.location
            case .listed(let lists, let list, let item): lists[Int(list)][Int(item)].location
            case .taken: SourceLocation(file: "")
            }
        }
    }

    /// A pattern and location given as values (an explanation built, or changed, by hand).
    final class WrittenSource: Sendable {
        let pattern: String
        let location: SourceLocation

        init(pattern: String, location: SourceLocation) {
            self.pattern = pattern
            self.location = location
        }
    }

    /// Positions in two words: a `WordPositions` stored here would align the whole explanation,
    /// and the replies holding it, to 16 bytes.
    struct SplitPositions: Sendable {
        private var low: UInt64
        private var high: UInt64

        init(_ positions: WordPositions) {
            low = UInt64(truncatingIfNeeded: positions)
            high = UInt64(truncatingIfNeeded: positions >> 64)
        }

        var positions: WordPositions { WordPositions(high) << 64 | WordPositions(low) }
    }

    /// The explained words, as lists or as what they are read from.
    enum Words: Sendable {
        case listed(matched: [String], typos: [String])
        /// The message's words (its tokens' plain forms, split as the matcher splits them) from
        /// word `firstWord` on: those in `covered` are matched, those in `typos` too.
        case positions(tokens: [Token], firstWord: Int32, covered: SplitPositions, typos: SplitPositions)

        var matched: [String] {
            switch self {
            case .listed(let matched, _): matched
            case .positions(let tokens, let firstWord, let covered, _):
                Self.spell(covered.positions, of: tokens, from: Int(firstWord))
            }
        }

        var typos: [String] {
            switch self {
            case .listed(_, let typos): typos
            case .positions(let tokens, let firstWord, _, let typos):
                typos.positions == 0 ? [] : Self.spell(typos.positions, of: tokens, from: Int(firstWord))
            }
        }

        /// The plain forms of the words at `positions`, counted from word `firstWord` of `tokens`.
        private static func spell(_ positions: WordPositions, of tokens: [Token], from firstWord: Int) -> [String] {
            var spelled: [String] = []
            spelled.reserveCapacity(positions.nonzeroBitCount)
            var word = 0
            for token in tokens {
                let whole = token.plain
                var plain = whole
                plain.withUTF8 { bytes in
                    IntentIndex.forEachWord(of: bytes) { part, range in
                        defer { word += 1 }
                        let position = word - firstWord
                        guard position >= 0, position < WordPositions.windowSize,
                            positions & (1 << WordPositions(position)) != 0
                        else { return }
                        spelled.append(range == nil ? whole : String(decoding: part, as: UTF8.self))
                    }
                }
            }
            return spelled
        }
    }

    public static func == (lhs: MatchExplanation, rhs: MatchExplanation) -> Bool {
        lhs.pattern == rhs.pattern && lhs.location == rhs.location && lhs.coverage == rhs.coverage
            && lhs.requiredItems == rhs.requiredItems && lhs.diacriticsAgreeing == rhs.diacriticsAgreeing
            && lhs.diacriticsDisagreeing == rhs.diacriticsDisagreeing && lhs.matchedWords == rhs.matchedWords
            && lhs.typos == rhs.typos
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
        hasher.combine(location)
        hasher.combine(matchedWords)
        hasher.combine(typos)
        hasher.combine(coverage)
        hasher.combine(requiredItems)
        hasher.combine(diacriticsAgreeing)
        hasher.combine(diacriticsDisagreeing)
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
    /// The intent's position in the content's intents, or -1 (a candidate built by hand): what
    /// replies find its answer by without hashing `intentID`, once they check the id there is
    /// this one. Not part of equality. Declared here, it fills the padding after `route`.
    package var intentNumber: Int32
    public var priority: Int
    public var confidence: Double
    public var explanation: MatchExplanation

    public init(intentID: String, route: IntentRoute, priority: Int, confidence: Double, explanation: MatchExplanation)
    {
        self.init(
            intentID: intentID, intentNumber: -1, route: route, priority: priority, confidence: confidence,
            explanation: explanation)
    }

    init(
        intentID: String, intentNumber: Int32, route: IntentRoute, priority: Int, confidence: Double,
        explanation: MatchExplanation
    ) {
        self.intentID = intentID
        self.route = route
        self.intentNumber = intentNumber
        self.priority = priority
        self.confidence = confidence
        self.explanation = explanation
    }

    public static func == (lhs: IntentCandidate, rhs: IntentCandidate) -> Bool {
        lhs.intentID == rhs.intentID && lhs.route == rhs.route && lhs.priority == rhs.priority
            && lhs.confidence == rhs.confidence && lhs.explanation == rhs.explanation
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(intentID)
        hasher.combine(route)
        hasher.combine(priority)
        hasher.combine(confidence)
        hasher.combine(explanation)
    }
}
