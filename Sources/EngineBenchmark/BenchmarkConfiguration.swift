import Foundation

/// What `supportbot bench` measures and how long it spends on it.
public struct BenchmarkConfiguration: Sendable {
    /// The workloads a run can include.
    public enum Part: String, Sendable, CaseIterable {
        /// The shipped content with the shipped transcripts' messages.
        case shipped
        /// Generated content of each of ``syntheticSizes`` intents.
        case synthetic
        /// The `--workload` files.
        case workload
    }

    /// The shipped content (`intents/`, `faq/`, `locales/`); its locales also serve the
    /// generated content.
    public var contentDirectory: URL
    /// Where the transcripts are; nil: `Tests/Transcripts` under the content directory.
    public var transcripts: URL?
    /// Neutral workload files (`../shared/bench/` format).
    public var workloadFiles: [URL] = []
    public var parts: Set<Part> = Set(Part.allCases)
    /// Measured rounds per operation, after one warm-up round; figures are their medians.
    public var rounds = 5
    public var messagesPerRound = 20_000
    /// A cap on one round's duration: a slow operation is measured on fewer messages.
    public var maximumRoundSeconds = 2.0
    /// Timed loads of the content (median reported).
    public var loadRounds = 3
    /// Threads for the all-cores run; 1 skips it.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    public var syntheticSizes = [1_000, 10_000]
    /// Distinct messages generated for each synthetic workload.
    public var syntheticMessages = 5_000
    public var seed: UInt64 = 20_261_124
    public var quick = false
    /// The `supportbot` executable: when set, each load round runs in a fresh process started
    /// from it (`supportbot bench-probe`), which loads, compiles and answers the messages once,
    /// so load times and peak memory are a serving process's own, without the bench's data.
    /// Nil (a library caller without the executable) measures in this process.
    public var probeExecutable: URL?
    /// When set, each workload's content and messages are kept here (`NAME/content`,
    /// `NAME/messages.json`), so that a profiler can run `supportbot bench-probe` on exactly what
    /// the bench measured (`Scripts/instruction-counts.sh`).
    public var savedWorkloadsDirectory: URL?

    public init(contentDirectory: URL) {
        self.contentDirectory = contentDirectory
    }

    /// Tiny sizes that finish in seconds even in a debug build: a smoke run, not a measurement.
    public mutating func makeQuick() {
        quick = true
        rounds = 1
        messagesPerRound = 300
        loadRounds = 1
        maximumRoundSeconds = 0.5
        syntheticSizes = [60, 240]
        syntheticMessages = 200
        threads = min(threads, 2)
    }
}
