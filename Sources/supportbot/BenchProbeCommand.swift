import ArgumentParser
import EngineBenchmark
import Foundation

/// The fresh process `supportbot bench` starts to time a load and read a serving process's
/// peak memory (see ``StartupProbe``); not meant to be run by hand.
struct BenchProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-probe",
        abstract: "Load and compile content, answer messages once, print the figures as JSON (used by bench).",
        shouldDisplay: false)

    @Option(help: "The content directory to load.", completion: .directory)
    var content: String

    @Option(help: "A JSON file of the messages to answer: [{\"text\": ..., \"startsConversation\": ...}].")
    var messages: String

    @Option(help: "How many times to answer the messages, one after the other.")
    var passes = 1

    func validate() throws {
        guard passes >= 1 else { throw ValidationError("--passes must be at least 1") }
    }

    func run() throws {
        let figures = try StartupProbe.run(
            contentDirectory: URL(fileURLWithPath: content, isDirectory: true),
            messagesFile: URL(fileURLWithPath: messages), passes: passes)
        print(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self))
    }
}
