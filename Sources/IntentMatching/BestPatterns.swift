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
        /// covers, those of them typed with a typo, the share of the window's content words
        /// covered, and how many covered words agree and disagree in diacritics.
        var covered: WordPositions = 0
        var typos: WordPositions = 0
        var coverage: Double = 0
        var agreeing: Int32 = 0
        var disagreeing: Int32 = 0
    }

    private(set) var found: [Found] = []
    /// Each target's place in `found`, made once it outgrows `linearLimit` (most messages never
    /// do, and making an empty dictionary per message had cost a retain and a release).
    private var positions: [Int32: Int]?
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
        offer(
            Found(
                target: target, score: score, pattern: pattern, window: window, covered: covered, agreeing: agreeing,
                disagreeing: disagreeing),
            at: standing(of: target))
    }

    /// `offer` for a target whose `standing` was just looked up: the matcher looks it up once per
    /// candidate, to skip those that cannot win, rather than once for that and again here.
    mutating func offer(_ offered: Found, at standing: Int?) {
        let (target, score, pattern) = (offered.target, offered.score, offered.pattern)
        guard let position = standing else {
            if found.count == Self.linearLimit {
                var made: [Int32: Int] = [:]
                for (position, entry) in found.enumerated() { made[entry.target] = position }
                positions = made
            }
            if found.count >= Self.linearLimit { positions![target] = found.count }
            found.append(offered)
            return
        }
        guard wouldTake(score: score, pattern: pattern, over: position) else { return }
        found[position] = offered
    }

    /// Where the target's best so far is in `found`; nil when it has none yet.
    @inline(__always)
    func standing(of target: Int32) -> Int? {
        if found.count > Self.linearLimit { return positions![target] }
        return found.firstIndex { $0.target == target }
    }

    /// Whether a pattern scoring `score` beats the best at `position` (`standing`).
    @inline(__always)
    func wouldTake(score: Double, pattern: Int32, over position: Int) -> Bool {
        let current = found[position]
        return !(current.score > score || (current.score == score && current.pattern <= pattern))
    }
}
