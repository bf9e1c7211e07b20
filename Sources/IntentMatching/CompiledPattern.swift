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
struct CompiledPattern: Sendable {
    var intentIndex: Int
    var shape: ParsedPattern.Shape
    var items: [PatternNode]
    var vetoes: [PatternNode]
    /// Every term the pattern can match: which message words it explains.
    var terms: Set<Int32>
    /// Items that must match (optional items and gaps excluded): how specific the pattern is.
    var requiredItemCount: Int
    /// Words the author wrote with diacritics (here or in a concept it uses): term → folded
    /// forms, to reward a user's diacritics that agree and penalise ones that do not.
    var markedForms: [Int32: Set<String>]
    var source: SourceText
}
