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
    /// Every pattern item, veto and concept form, flattened.
    var code: PatternCode
    /// Per concept: where its forms that are not plain word runs start in `code` (an `alternatives`
    /// node, or a `witnessed` one over it), or -1.
    var conceptLongerForms: [Int32]
    /// Term → the concepts that have it as a one-word form, for words that are a form of a few.
    var conceptsBySingleTerm: PostingLists<Int32>
    /// Concept → its one-word forms that are a form of many concepts (`WindowScratch.singles`).
    var crowdedSingleTermsByConcept: PostingLists<Int32>
    /// Term → the `RequirementSignature` bits of the concepts that have it as a one-word form.
    var conceptBitsBySingleTerm: [UInt64]
    /// The concepts' forms of several plain words.
    var conceptTrie: ConceptTrie

    /// What the matcher needs of a pattern on the hot path, without touching its object.
    struct PatternEntry: Sendable {
        var target: Int32
        /// Where the pattern's items start in `code`: a `sequence` or an `all` node.
        var items: Int32
        /// Where its vetoes start in `code` (an `alternatives` node), or -1.
        var vetoes: Int32
        /// Its terms, sorted, in `patternTerms`.
        var termsStart: Int32
        var termsCount: Int32
        /// Its `PatternRequirements` in `patternRequirements`.
        var requirementsStart: Int32
        var requirementsCount: Int32
    }
    var entries: [PatternEntry]
    /// Per pattern: what explanations and diacritic scoring read.
    var details: [PatternDetail]
    /// The content's lists of patterns as written (an intent's in one language, a phrase set's):
    /// the arrays the content holds, shared, rather than a copy of every pattern's text.
    var sourceLists: [[SourceText]]
    /// Every pattern's marked words (`PatternDetail.marksStart`), one run after the other.
    var marks: [PatternMark]
    /// The folded forms marks refer to, each once.
    var markedForms: [String]
    /// The sorted terms of every pattern, one after the other.
    var patternTerms: [Int32]
    /// Every pattern's requirements (`PatternRequirements`), one after the other.
    var patternRequirements: [Int32]
    var targets: [Target]
    /// Term → patterns whose anchor item contains it, except those found through `anchorPairs`.
    var patternsByAnchor: PostingLists<AnchoredPattern>
    /// The patterns of crowded anchors, by anchor and an option of their first requirement group.
    var anchorPairs: AnchorPairs
    /// What the matcher knows of the words it meets most (pattern words, stop words, real words),
    /// found with one byte-hashed lookup instead of stemming and three sets.
    var knownWords: KnownWords

    /// Word → what the matcher knows of it.
    struct KnownWords: Sendable {
        private let words: WordTable
        private let values: [KnownWord]

        init(_ entries: [String: KnownWord]) {
            let pairs = Array(entries)
            words = WordTable(pairs.map(\.key))
            values = pairs.map(\.value)
        }

        subscript(word: String) -> KnownWord? { words[word].map { values[$0] } }

        /// The word spelled by `bytes` (UTF-8): what the matcher looks up, without a `String` per word.
        subscript(bytes: UnsafeRawBufferPointer) -> KnownWord? { words[bytes].map { values[$0] } }
    }

    /// A known word as the matcher reads it: plain values only, so that a lookup retains nothing
    /// (an array of terms per word had cost a retain and a release per word of every message).
    struct KnownWord: Sendable, BitwiseCopyable {
        /// The word's term, or -1 when no pattern uses it.
        var term: Int32
        var isStopWord: Bool
        /// A real word of either language: never read as a typo of a pattern word.
        var isTypoExempt: Bool
    }

    /// Diacritic-free words ignored when measuring coverage, from every locale.
    public internal(set) var stopWords: Set<String>
    public var thresholds: MatchingThresholds
    /// The matcher's working memory, kept between messages and shared by copies of the index.
    let windowScratch = WindowScratch.Pool()

    /// Where an explanation finds the pattern `number` as written: the text is read only when
    /// the explanation is.
    func explanationSource(of number: Int32) -> MatchExplanation.Source {
        let detail = details[Int(number)]
        return .listed(in: sourceLists, list: detail.sourceList, item: detail.sourceItem)
    }

    /// The number of compiled patterns, phrase sets included.
    public var patternCount: Int { entries.count }
    /// The number of distinct words the patterns use.
    public var termCount: Int { vocabulary.keys.count }
}
