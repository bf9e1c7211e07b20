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

/// A pattern while the index is being built: its nodes, before they become code. Its marks
/// are in the compiler's `patternMarks` until the next pattern compiles.
struct PatternDraft {
    let intentIndex: Int
    let shape: ParsedPattern.Shape
    let items: [PatternNode]
    let vetoes: [PatternNode]
    /// Where, in the compiler's list of pattern terms, are the terms the pattern can match,
    /// sorted, without repeats: which message words it explains.
    let terms: Range<Int>
    let requiredItemCount: Int
}
