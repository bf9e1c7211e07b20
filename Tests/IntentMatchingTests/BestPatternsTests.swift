import Testing

@testable import IntentMatching

@Suite("Best pattern per target")
struct BestPatternsTests {
    @Test(
        "Keeps each target's highest score, ties to the earliest pattern, below and past the linear limit",
        arguments: [5, 32, 33, 200])
    func keepsTheBest(targetCount: Int) {
        var best = BestPatterns()
        var expected: [Int32: (score: Double, pattern: Int32, window: Int)] = [:]
        var generator = SplitMix(seed: UInt64(targetCount))
        for offer in 0..<(targetCount * 6) {
            let target = Int32(generator.next() % UInt64(targetCount))
            // Few distinct scores, so that ties happen.
            let score = Double(generator.next() % 4) / 4
            let pattern = Int32(generator.next() % 50)
            best.offer(target: target, score: score, pattern: pattern, window: offer)
            if let current = expected[target],
                current.score > score || (current.score == score && current.pattern <= pattern)
            {
                continue
            }
            expected[target] = (score, pattern, offer)
        }
        #expect(best.found.count == expected.count)
        #expect(Set(best.found.map(\.target)).count == best.found.count)
        for found in best.found {
            let reference = expected[found.target]
            #expect(reference?.score == found.score)
            #expect(reference?.pattern == found.pattern)
            #expect(reference?.window == found.window)
        }
    }
}

/// A small deterministic generator, so a failure replays.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
