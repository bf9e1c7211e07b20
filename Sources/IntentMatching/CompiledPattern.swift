import SupportContent

/// A pattern item compiled to terms: what the matcher evaluates.
indirect enum PatternNode: Sendable {
    case term(Int32)
    case sequence([PatternNode])
    case alternatives([PatternNode])
    case optional(PatternNode)
    case gap(maximum: Int)
    /// A concept's forms, shared by every pattern that refers to it.
    case concept(Int)
}

/// One compiled pattern of one intent.
///
/// A class, so the matcher reads a candidate without copying (and retaining) every field.
final class CompiledPattern: Sendable {
    let intentIndex: Int
    let shape: ParsedPattern.Shape
    let items: [PatternNode]
    let vetoes: [PatternNode]
    /// Every term the pattern can match: which message words it explains.
    let terms: Set<Int32>
    /// Items that must match (optional items and gaps excluded): how specific the pattern is.
    let requiredItemCount: Int
    /// Words the author wrote with diacritics (here or in a concept it uses): term → folded
    /// forms, to reward a user's diacritics that agree and penalise ones that do not.
    let markedForms: [Int32: Set<String>]
    let source: SourceText

    init(
        intentIndex: Int, shape: ParsedPattern.Shape, items: [PatternNode], vetoes: [PatternNode], terms: Set<Int32>,
        requiredItemCount: Int, markedForms: [Int32: Set<String>], source: SourceText
    ) {
        self.intentIndex = intentIndex
        self.shape = shape
        self.items = items
        self.vetoes = vetoes
        self.terms = terms
        self.requiredItemCount = requiredItemCount
        self.markedForms = markedForms
        self.source = source
    }
}
