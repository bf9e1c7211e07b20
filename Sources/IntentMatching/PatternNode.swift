/// A concept's form compiled to terms, as the compiler keeps concepts (a pattern's own nodes
/// stay flat, in ``DraftNodes``, until they become ``PatternCode``).
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
