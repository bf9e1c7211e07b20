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
    }

    private(set) var found: [Found] = []
    private var positions: [Int32: Int] = [:]
    private static let linearLimit = 32

    init() {
        found.reserveCapacity(16)
    }

    /// Keeps `pattern` when it scores above the target's best so far; a tie goes to the earlier pattern.
    mutating func offer(target: Int32, score: Double, pattern: Int32, window: Int) {
        guard let position = position(of: target) else {
            if found.count == Self.linearLimit {
                for (position, entry) in found.enumerated() { positions[entry.target] = position }
            }
            if found.count >= Self.linearLimit { positions[target] = found.count }
            found.append(Found(target: target, score: score, pattern: pattern, window: window))
            return
        }
        let current = found[position]
        if current.score > score || (current.score == score && current.pattern <= pattern) { return }
        found[position] = Found(target: target, score: score, pattern: pattern, window: window)
    }

    private func position(of target: Int32) -> Int? {
        if found.count > Self.linearLimit { return positions[target] }
        return found.firstIndex { $0.target == target }
    }
}
