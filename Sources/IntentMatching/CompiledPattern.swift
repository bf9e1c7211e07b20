import SupportContent

/// A pattern item compiled to terms: what the matcher evaluates.
///
/// Only `optional` is boxed (lists live in their arrays): a boxed term cost an allocation, and
/// a retain wherever it was shared, for every word of 80,000 patterns.
enum PatternNode: Sendable {
    case term(Int32)
    case sequence([PatternNode])
    case alternatives([PatternNode])
    indirect case optional(PatternNode)
    case gap(maximum: Int)
    /// A concept's forms, shared by every pattern that refers to it.
    case concept(Int)
}

/// A pattern while the index is being built: its nodes, before they become code.
struct PatternDraft {
    let intentIndex: Int
    let shape: ParsedPattern.Shape
    let items: [PatternNode]
    let vetoes: [PatternNode]
    /// Every term the pattern can match, sorted, without repeats: which message words it explains.
    let terms: [Int32]
    let requiredItemCount: Int
    let markedForms: [Int32: Set<String>]
    let source: SourceText
}

/// What a built index keeps of a pattern besides its code: what explanations and diacritic
/// scoring read. Its nodes are not kept: the code replaces them.
///
/// A class, so the matcher reads a candidate without copying (and retaining) every field.
final class CompiledPattern: Sendable {
    let intentIndex: Int
    /// Items that must match (optional items and gaps excluded): how specific the pattern is.
    let requiredItemCount: Int
    /// Words the author wrote with diacritics (here or in a concept it uses): term → folded
    /// forms, to reward a user's diacritics that agree and penalise ones that do not.
    let markedForms: [Int32: Set<String>]
    let source: SourceText

    init(_ draft: PatternDraft) {
        intentIndex = draft.intentIndex
        requiredItemCount = draft.requiredItemCount
        markedForms = draft.markedForms
        source = draft.source
    }
}
