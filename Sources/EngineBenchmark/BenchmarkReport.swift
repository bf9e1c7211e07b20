import Foundation

/// Everything one `supportbot bench` run measured, with the machine it ran on.
public struct BenchmarkReport: Sendable, Codable {
    public var machine: MachineDescription
    public var settings: BenchmarkSettings
    /// The cost of one clock reading; every timed message includes two.
    public var timerOverheadNs: Double
    public var workloads: [WorkloadFigures]
    public var targets: [TargetCheck]
    /// Workloads that could not run, and why.
    public var errors: [String]

    /// The figures of the shipped content, also at the top level of `--json`.
    public var shipped: WorkloadFigures? { workloads.first { $0.name == "shipped" } }
}

/// What the run was asked to do.
public struct BenchmarkSettings: Sendable, Codable {
    public var rounds: Int
    public var messagesPerRound: Int
    public var threads: Int
    public var quick: Bool
    public var syntheticSizes: [Int]
    public var seed: UInt64
}

/// One workload's figures. Throughputs are medians of the rounds; latencies are the medians
/// of each round's percentiles, in microseconds, clock readings included.
public struct WorkloadFigures: Sendable, Codable {
    public var name: String
    public var title: String
    public var messageSource: String
    public var intents: Int
    public var patterns: Int
    public var terms: Int
    public var distinctMessages: Int
    /// Messages per measured round of `respond` (fewer than asked when a round hit the time cap).
    public var messagesPerRound: Int
    /// Generated patterns the compiler rejected (clashes between generated intents).
    public var droppedPatterns: Int

    /// Reading and checking the files (`ContentLoader`), then compiling the index and policy.
    public var loadMs: Double
    public var compileMs: Double
    public var loadCompileMs: Double
    /// Whether the load times and memory come from fresh processes (`supportbot bench-probe`)
    /// rather than from the bench's own.
    public var startupInFreshProcess: Bool
    /// The peak resident memory of a process that loads this content and answers its messages
    /// once (the runtime included); with `startupInFreshProcess` false, the bench's own peak
    /// while this workload ran, its data included.
    public var peakRssMb: Double?
    /// Resident memory once the content is loaded and compiled and the loader's garbage freed:
    /// what the engine keeps (with the runtime, and the bench's data when measured in the bench).
    public var rssAfterLoadMb: Double?

    /// Floor 1: the message to C and back as UTF-8/UTF-16, nothing else.
    public var roundtripMessagesPerSecond: Double
    /// Floor 2: the normalizer alone (ICU fold and word break, Telex/VNI repair, abbreviations).
    public var normalizeMessagesPerSecond: Double
    public var normalizeP99Us: Double
    /// The whole `respond` path, no event log.
    public var respondMessagesPerSecond: Double
    public var respondP50Us: Double
    public var respondP99Us: Double
    public var respondP999Us: Double
    /// The whole `respond` path with the JSON Lines event log on (a temporary file).
    public var loggedMessagesPerSecond: Double
    public var loggedP50Us: Double
    public var loggedP99Us: Double
    public var loggedP999Us: Double
    /// Normalizer messages/s ÷ respond messages/s: how many normalizations one answer costs.
    public var floorRatio: Double
    /// All threads at once, each with its own conversations.
    public var multicoreThreads: Int
    public var multicoreMessagesPerSecond: Double
    /// Multi-thread ÷ single-thread messages/s.
    public var multicoreScaling: Double

    /// Replies by route over the distinct messages, each in the conversation it belongs to.
    public var routes: [String: Int]
    /// Against the labels, when the messages have them.
    public var accuracy: AccuracyFigures?
}

/// How often the bot did what a labelled message expected.
public struct AccuracyFigures: Sendable, Codable {
    public var messages: Int
    /// Right intent, or no answer where none was expected.
    public var accuracy: Double
    /// Labelled with an intent: the share answered with it.
    public var inScopeAccuracy: Double
    /// Labelled with no intent: the share not answered.
    public var outOfScopeAccuracy: Double
    /// The share that got a clarifying question instead of an answer.
    public var clarified: Double
}

/// One target of issue 7 and whether this run met it.
public struct TargetCheck: Sendable, Codable {
    public var name: String
    public var measured: Double
    public var target: Double
    public var unit: String
    /// True when the target is a ceiling (latency, memory, ratio), false for a floor.
    public var isCeiling: Bool
    public var met: Bool
    /// "met", or by how much it was missed.
    public var note: String

    init(_ name: String, measured: Double, atMost target: Double, unit: String) {
        self.name = name
        self.measured = measured
        self.target = target
        self.unit = unit
        isCeiling = true
        met = measured <= target
        note = met ? "met" : String(format: "missed: %.2f× over", measured / target)
    }

    init(_ name: String, measured: Double, atLeast target: Double, unit: String) {
        self.name = name
        self.measured = measured
        self.target = target
        self.unit = unit
        isCeiling = false
        met = measured >= target
        note = met ? "met" : String(format: "missed: %.2f× short", target / max(measured, .leastNonzeroMagnitude))
    }
}

/// Number formatting shared by the table and the sources.
enum Figures {
    /// `12345` → `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result += "," }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    static func rate(_ value: Double) -> String { grouped(Int(value.rounded())) + "/s" }

    static func decimal(_ value: Double, _ places: Int = 1) -> String { String(format: "%.\(places)f", value) }
}
