import ArgumentParser
import EngineBenchmark
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the engine: floors, the whole respond path, load time, memory, all cores.",
        discussion: """
            Workloads: the shipped content with the shipped transcripts' messages; generated content \
            of 1,000 and 10,000 intents; and each --workload file (the engine-neutral format of \
            ../shared/bench/gen-workload.py), with accuracy against its labels. Build in release \
            for figures worth quoting: swift run -c release supportbot bench
            """)

    @OptionGroup var contentOptions: ContentOptions

    @Option(help: "A neutral workload file (JSON, ../shared/bench format); may be repeated.", completion: .file())
    var workload: [String] = []

    @Option(help: "Only these parts, comma-separated: shipped, synthetic, workload.")
    var only: String?

    @Option(help: "Measured rounds per operation after a warm-up (medians are reported).")
    var rounds: Int?

    @Option(help: "Messages per round (the workload's messages repeated as needed).")
    var messages: Int?

    @Option(help: "Threads for the all-cores run (default: every core); 1 skips it.")
    var cores: Int?

    @Option(help: "Sizes of the generated content, comma-separated numbers of intents.")
    var syntheticSizes: String?

    @Option(help: "Folder of transcripts (*.jsonl) whose user turns are the shipped workload's messages.")
    var transcripts: String?

    @Flag(help: "Tiny sizes that run in seconds: a smoke test, not a measurement.")
    var quick = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "Keep each workload's content and messages in this folder (for profiling bench-probe).",
            visibility: .hidden),
        completion: .directory)
    var saveWorkloads: String?

    func run() throws {
        var configuration = BenchmarkConfiguration(contentDirectory: try contentOptions.directory())
        if quick { configuration.makeQuick() }
        configuration.workloadFiles = workload.map { URL(fileURLWithPath: $0) }
        if let only {
            var parts = Set<BenchmarkConfiguration.Part>()
            for name in only.split(separator: ",") {
                guard let part = BenchmarkConfiguration.Part(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("unknown part '\(name)' in --only (expected shipped, synthetic, workload)")
                }
                parts.insert(part)
            }
            configuration.parts = parts
        }
        if let rounds {
            guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
            configuration.rounds = rounds
        }
        if let messages {
            guard messages >= 1 else { throw ValidationError("--messages must be at least 1") }
            configuration.messagesPerRound = messages
        }
        if let cores {
            guard cores >= 1 else { throw ValidationError("--cores must be at least 1") }
            configuration.threads = cores
        }
        if let syntheticSizes {
            let sizes = syntheticSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 && $0 <= 99_999 }) else {
                throw ValidationError("--synthetic-sizes takes numbers of intents from 1 to 99999, e.g. 1000,10000")
            }
            configuration.syntheticSizes = sizes
        }
        configuration.savedWorkloadsDirectory = saveWorkloads.map { URL(fileURLWithPath: $0, isDirectory: true) }
        configuration.transcripts = transcripts.map { URL(fileURLWithPath: $0, isDirectory: true) }
        for file in configuration.workloadFiles where !FileManager.default.fileExists(atPath: file.path) {
            throw ValidationError("no workload file at '\(file.path)'")
        }

        configuration.probeExecutable = Self.executable()
        let runner = BenchmarkRunner(configuration: configuration) { StandardError.print($0) }
        let report = runner.run()
        if json {
            print(String(decoding: try report.jsonData(), as: UTF8.self))
        } else {
            print(report.table())
        }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }

    /// This executable, to start `bench-probe` from; nil measures start-up in this process.
    private static func executable() -> URL? {
        if let path = Bundle.main.executablePath, FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        return nil
    }
}
