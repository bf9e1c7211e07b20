import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// The event log under `kill -9`: every completed event stays whole and readable.
@Suite("Event log survives kill -9")
struct KillDurabilityTests {
    @Test("A writer killed at random moments loses at most the line it was writing")
    func killNineLoop() throws {
        let rounds = Hardening.soak ? 50 : 10
        let log = Hardening.temporaryPath("kill.jsonl")
        defer { try? FileManager.default.removeItem(at: log) }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<rounds {
            let process = Process()
            process.executableURL = CommandLineTool.executable
            process.arguments = [
                "report", "write-sample-events", "--path", log.path, "--count", "0", "--mode", "sequence",
                "--prefix", "k\(round)",
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 30_000...400_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
        }
        let data = try Data(contentsOf: log)
        let result = EventLogReader().parse(data, file: log.path)
        // Every line but a torn one per kill is a whole event; torn lines are ended by the next writer.
        #expect(result.skipped.count <= rounds, "\(result.skipped)")
        var byRound: [String: [Int]] = [:]
        for event in result.events {
            let round = String(event.conversation.prefix { $0 != "-" })
            byRound[round, default: []].append(Int(event.message.dropFirst("event ".count)) ?? -1)
        }
        var total = 0
        for (round, numbers) in byRound {
            total += numbers.count
            // Events of one writer are numbered 0, 1, 2...: none missing, none out of order, none garbled.
            #expect(numbers == Array(0..<numbers.count), "round \(round): events missing or out of order")
        }
        print("hardening: \(rounds) kills, \(total) events intact, \(result.skipped.count) torn lines")
        #expect(total > 0)
    }
}
