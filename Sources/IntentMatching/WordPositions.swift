/// A set of word positions in a window of a message, one bit per word.
///
/// Matching runs on these: a term's positions, shifted by one, are where a phrase may continue,
/// so a whole pattern is evaluated with a handful of bit operations per item, whatever its
/// alternatives.
typealias WordPositions = UInt128

extension WordPositions {
    /// Positions in a window: messages longer than this are matched in overlapping windows.
    static let windowSize = 128

    @inline(__always)
    static func all(below count: Int) -> WordPositions {
        count >= windowSize ? ~0 : (1 << WordPositions(count)) - 1
    }
}
