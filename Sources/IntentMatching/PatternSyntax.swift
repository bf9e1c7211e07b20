/// A pattern as written, parsed but not yet compiled. See README, "The pattern language".
///
/// Only `optional` is boxed (it holds a node itself; lists live in their arrays): boxing every
/// case cost an allocation per word of every pattern.
enum PatternSyntax: Sendable, Hashable {
    /// One word as the author wrote it (may become several words after normalization): where
    /// its UTF-8 bytes are in the pattern text, so the compiler finds it without a `String`.
    case word(bytes: Range<Int>, offset: Int)
    case sequence([PatternSyntax])
    case alternatives([PatternSyntax])
    indirect case optional(PatternSyntax)
    case gap(maximum: Int)
    case concept(String, offset: Int)
}

/// A whole pattern: a sequence or an unordered set, plus vetoes.
struct ParsedPattern: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        case sequence
        case unordered
    }

    var shape: Shape
    var items: [PatternSyntax]
    var vetoes: [PatternSyntax]
}

/// A syntax error at a character offset in the pattern text.
struct PatternSyntaxError: Error, Sendable, Hashable {
    var message: String
    var offset: Int
}
