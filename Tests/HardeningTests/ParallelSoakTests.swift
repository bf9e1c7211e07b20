import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// Many users at once: the engine is shared and immutable, so scheduling can change nothing.
@Suite("Parallel conversations give the sequential results")
struct ParallelSoakTests {
    /// Conversation `number`: 1 to 6 transcript messages, picked deterministically.
    static func script(_ number: Int) -> [String] {
        let messages = Hardening.transcriptMessages
        var state = UInt64(truncatingIfNeeded: number) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(messages.count))
        }
        let turns = 1 + next() % 6
        return (0..<turns).map { _ in messages[next()] }
    }

    static func run(_ number: Int, engine: SupportEngine) -> [ReplyDigest] {
        var conversation = Conversation(id: "c-\(number)")
        return script(number).map { ReplyDigest(engine.respond(to: $0, in: &conversation)) }
    }

    static func parallel(_ range: Range<Int>, engine: SupportEngine) async -> [[ReplyDigest]] {
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        return await withTaskGroup(of: [(Int, [ReplyDigest])].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    stride(from: range.lowerBound + worker, to: range.upperBound, by: workers).map {
                        ($0, run($0, engine: engine))
                    }
                }
            }
            var results = [[ReplyDigest]](repeating: [], count: range.count)
            for await chunk in group {
                for (number, digests) in chunk { results[number - range.lowerBound] = digests }
            }
            return results
        }
    }

    @Test("1,000 conversations from the shipped transcripts: parallel tasks equal one by one")
    func thousandConversations() async {
        #expect(Hardening.transcriptMessages.count > 100)
        let engine = Repository.shippedEngine
        let sequential = (0..<1_000).map { Self.run($0, engine: engine) }
        // One task per conversation as well as one per core: both schedules must agree.
        let perConversation = await withTaskGroup(of: (Int, [ReplyDigest]).self) { group in
            for number in 0..<1_000 { group.addTask { (number, Self.run(number, engine: engine)) } }
            var results = [[ReplyDigest]](repeating: [], count: 1_000)
            for await (number, digests) in group { results[number] = digests }
            return results
        }
        let perCore = await Self.parallel(0..<1_000, engine: engine)
        for number in 0..<1_000 {
            #expect(perConversation[number] == sequential[number], "conversation \(number) differs")
            #expect(perCore[number] == sequential[number], "conversation \(number) differs")
        }
    }

    @Test("Soak: 100,000 conversations (SUPPORTBOT_SOAK=1; 5,000 otherwise), identical, memory flat")
    func soak() async {
        // Under a sanitizer (Scripts/sanitizers.sh sets SUPPORTBOT_SANITIZER=1) everything runs 5-20x slower.
        let total = Hardening.soak ? 100_000 : Hardening.sanitizer ? 500 : 5_000
        let engine = Repository.shippedEngine
        let quarter = total / 4
        var rss: [Int] = []
        var parallelResults: [[ReplyDigest]] = []
        let start = ContinuousClock.now
        for part in 0..<4 {
            parallelResults += await Self.parallel(part * quarter..<(part + 1) * quarter, engine: engine)
            if let kilobytes = Hardening.residentKilobytes() { rss.append(kilobytes) }
        }
        let elapsed = ContinuousClock.now - start
        var mismatches = 0
        for number in 0..<quarter * 4 where Self.run(number, engine: engine) != parallelResults[number] {
            mismatches += 1
        }
        #expect(mismatches == 0, "\(mismatches) conversations differ from the sequential run")
        print("hardening: soak \(quarter * 4) conversations in parallel in \(elapsed); VmRSS by quarter (kB) \(rss)")
        if rss.count == 4 {
            // Results are kept by design (for the comparison); allow them plus generous slack.
            let growth = rss[3] - rss[1]
            #expect(growth < 64 * 1024 + total / 4, "VmRSS grew \(growth) kB between the second and last quarter")
        }
    }
}
