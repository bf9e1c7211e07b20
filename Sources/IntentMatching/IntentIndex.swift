import SupportContent
import TextNormalization

/// The content's patterns compiled once into an index: message words find their terms by hash
/// lookup, terms find the patterns anchored on them, and only those patterns are evaluated, so
/// the cost of a message grows with the patterns it could match, not with the number of intents.
public struct IntentIndex: Sendable {
    /// A group of patterns the policy asks about by name, outside the intent catalog.
    public enum PhraseSet: Int, Sendable, CaseIterable {
        case yes
        case no
        case frustration
        /// Names of English ("English", "tiếng Anh"): where "speak ..." switches to.
        case english
        /// Names of Vietnamese.
        case vietnamese
    }

    struct Target: Sendable {
        var intentID: String
        var route: IntentRoute
        var priority: Int
        var phraseSet: PhraseSet?
    }

    var vocabulary: TermVocabulary
    var concepts: [PatternNode]
    /// Each concept's forms of more than one word (single words go through the mask below).
    var conceptLongerForms: [[PatternNode]]
    /// Term → the concepts that have it as a one-word form.
    var conceptsBySingleTerm: [Int32: [Int32]]
    /// First term → the concepts' forms of several plain words that start with it.
    var conceptSequencesByFirstTerm: [Int32: [ConceptSequence]]

    /// A concept form that is a plain run of words.
    struct ConceptSequence: Sendable {
        var concept: Int32
        var terms: [Int32]
    }
    var patterns: [CompiledPattern]
    var targets: [Target]
    /// Term → patterns whose anchor item contains it.
    var patternsByAnchor: [Int32: [Int32]]
    /// Real words of either language: never read as a typo of a pattern word.
    var typoExempt: Set<String>
    /// Diacritic-free words ignored when measuring coverage, from every locale.
    public internal(set) var stopWords: Set<String>
    public var thresholds: MatchingThresholds

    /// The number of compiled patterns, phrase sets included.
    public var patternCount: Int { patterns.count }
    /// The number of distinct words the patterns use.
    public var termCount: Int { vocabulary.keys.count }
}
