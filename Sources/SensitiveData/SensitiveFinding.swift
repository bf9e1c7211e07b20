/// One piece of sensitive data in a message: what it is and where it is.
public struct SensitiveFinding: Sendable, Hashable {
    public var kind: SensitiveKind
    /// The range in the scanned string; it always starts and ends on a Unicode scalar boundary.
    public var range: Range<String.Index>

    public init(kind: SensitiveKind, range: Range<String.Index>) {
        self.kind = kind
        self.range = range
    }
}
