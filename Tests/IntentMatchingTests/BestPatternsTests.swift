import SupportBotTestSupport
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
        var generator = SeededRandom(seed: UInt64(targetCount))
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

    @Test(
        "wouldTake agrees with offer: a pattern is skipped only when offering it would change nothing",
        arguments: [5, 40])
    func wouldTakeAgreesWithOffer(targetCount: Int) {
        var best = BestPatterns()
        var generator = SeededRandom(seed: UInt64(targetCount) &+ 7)
        for offer in 0..<(targetCount * 6) {
            let target = Int32(generator.next() % UInt64(targetCount))
            let score = Double(generator.next() % 4) / 4
            let pattern = Int32(generator.next() % 50)
            let standing = best.standing(of: target)
            let before = best.found
            let taken = standing.map { best.wouldTake(score: score, pattern: pattern, over: $0) } ?? true
            best.offer(
                BestPatterns.Found(target: target, score: score, pattern: pattern, window: offer), at: standing)
            let changed =
                best.found.count != before.count
                || zip(best.found, before).contains { $0.pattern != $1.pattern || $0.window != $1.window }
            #expect(changed == taken)
            #expect(best.standing(of: target).map { best.found[$0].target } == target)
        }
    }
}
