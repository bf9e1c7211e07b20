/// Per target (an intent or a phrase set): the best pattern a message matched so far, and the
/// window it matched in.
///
/// A message reaches a handful of targets, so they are searched in a short array; a dictionary
/// cost a hash and a growth step per target. Past `linearLimit` targets a dictionary finds them.
struct BestPatterns {
    struct Found {
        var target: Int32
        var score: Double
        var pattern: Int32
        var window: Int
        /// What scoring measured, kept for the explanation: the window's words the pattern
        /// covers, and how many of them agree and disagree in diacritics.
        var covered: WordPositions = 0
        var agreeing: Int32 = 0
        var disagreeing: Int32 = 0
    }

    private(set) var found: [Found] = []
    private var positions: [Int32: Int] = [:]
    private static let linearLimit = 32

    init() {
        found.reserveCapacity(16)
    }

    /// Starts empty over `spare`'s memory, so that a message allocates no list of its own.
    init(reusing spare: consuming [Found]) {
        found = spare
        // Copied rather than moved, the list would not be unique and emptying it would allocate.
        if !found.isEmpty { found.removeAll(keepingCapacity: true) }
        if found.capacity < 16 { found.reserveCapacity(16) }
    }

    /// Hands the list back, emptied, for the next message to reuse.
    mutating func takeFound() -> [Found] {
        var spare: [Found] = []
        swap(&spare, &found)
        spare.removeAll(keepingCapacity: true)
        return spare
    }

    /// Keeps `pattern` when it scores above the target's best so far; a tie goes to the earlier pattern.
    mutating func offer(
        target: Int32, score: Double, pattern: Int32, window: Int, covered: WordPositions = 0, agreeing: Int32 = 0,
        disagreeing: Int32 = 0
    ) {
        let offered = Found(
            target: target, score: score, pattern: pattern, window: window, covered: covered, agreeing: agreeing,
            disagreeing: disagreeing)
        guard let position = position(of: target) else {
            if found.count == Self.linearLimit {
                for (position, entry) in found.enumerated() { positions[entry.target] = position }
            }
            if found.count >= Self.linearLimit { positions[target] = found.count }
            found.append(offered)
            return
        }
        let current = found[position]
        if current.score > score || (current.score == score && current.pattern <= pattern) { return }
        found[position] = offered
    }

    /// Whether a pattern of `target` was offered.
    @inline(__always)
    func hasOffer(for target: Int32) -> Bool { position(of: target) != nil }

    /// Whether `offer` would keep a pattern of `target` that scores `score`.
    @inline(__always)
    func mayTake(target: Int32, score: Double, pattern: Int32) -> Bool {
        guard let position = position(of: target) else { return true }
        let current = found[position]
        return !(current.score > score || (current.score == score && current.pattern <= pattern))
    }

    private func position(of target: Int32) -> Int? {
        if found.count > Self.linearLimit { return positions[target] }
        return found.firstIndex { $0.target == target }
    }
}
