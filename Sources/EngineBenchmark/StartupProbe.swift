import Foundation
import SupportBot

/// What starting an engine costs a process that does nothing else: load and compile a content
/// directory once, answer each message once, and read the process's peak resident memory.
///
/// The bench runs it in a fresh process (`supportbot bench-probe`) so that the figures are a
/// serving process's own: the bench's generated content, its message lists and the heap left
/// over from earlier workloads and load rounds would otherwise count as the engine's memory.
public enum StartupProbe {
    /// One start-up's figures.
    public struct Figures: Sendable, Codable, Equatable {
        public var loadMs: Double
        public var compileMs: Double
        /// Resident memory once the content is compiled and the loader's garbage freed.
        public var residentAfterLoadMb: Double?
        /// The process's peak resident memory, from its start to the last message answered.
        public var peakResidentMb: Double?
    }

    /// One message of the probe's file: the text and whether a fresh conversation starts with it.
    struct Message: Codable {
        var text: String
        var startsConversation: Bool
    }

    /// Loads and compiles `contentDirectory` in this process, answers every message of
    /// `messagesFile` (written by ``writeMessages(_:to:)``) `passes` times over, and reports the
    /// figures. A profiler takes the difference between two and one passes as the steady cost of
    /// the messages, with every one-time initialization left out.
    public static func run(contentDirectory: URL, messagesFile: URL, passes: Int = 1) throws -> Figures {
        let messages: [Message]
        do {
            messages = try JSONDecoder().decode([Message].self, from: Data(contentsOf: messagesFile))
        } catch {
            throw BenchmarkError(description: "cannot read the messages in \(messagesFile.path): \(error)")
        }
        let loaded: TimedLoad
        do {
            loaded = try timedLoad(contentDirectory)
        } catch {
            throw BenchmarkError(description: "cannot load the content in \(contentDirectory.path):\n\(error)")
        }
        ProcessMemory.trim()
        let residentAfterLoad = ProcessMemory.residentMegabytes()
        let engine = loaded.engine

        var conversation = Conversation(id: "probe")
        var replyBytes = 0
        for _ in 0..<passes {
            for message in messages {
                if message.startsConversation { conversation = Conversation(id: "probe") }
                replyBytes &+= engine.respond(to: message.text, in: &conversation).text.utf8.count
            }
        }
        BlackHole.consume(replyBytes)
        return Figures(
            loadMs: loaded.loadMs, compileMs: loaded.compileMs, residentAfterLoadMb: residentAfterLoad,
            peakResidentMb: ProcessMemory.peakResidentMegabytes())
    }

    /// Writes the messages a probe answers, in the order they are sent.
    static func writeMessages(_ messages: [BenchMessage], to file: URL) throws {
        let records = messages.map { Message(text: $0.text, startsConversation: $0.startsConversation) }
        try JSONEncoder().encode(records).write(to: file)
    }

    /// A fresh process could not be started at all (as under valgrind).
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable bench-probe` on the content and messages and reads its figures.
    static func runInFreshProcess(executable: URL, contentDirectory: URL, messagesFile: URL) throws -> Figures {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["bench-probe", "--content", contentDirectory.path, "--messages", messagesFile.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw LaunchError(description: "could not start \(executable.path) bench-probe: \(error)")
        }
        // Read before waiting: a child that fills the pipe would otherwise never exit.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BenchmarkError(
                description: "\(executable.lastPathComponent) bench-probe exited with status "
                    + "\(process.terminationStatus)\(reason.isEmpty ? "" : ": \(reason)")")
        }
        do {
            return try JSONDecoder().decode(Figures.self, from: printed)
        } catch {
            throw BenchmarkError(description: "bench-probe printed no figures: \(error)")
        }
    }

    /// An engine and what reading and compiling its content took.
    struct TimedLoad {
        var engine: SupportEngine
        var loadMs: Double
        var compileMs: Double
    }

    /// Loads and compiles `contentDirectory`, timing each step: what a probe does once and the
    /// bench, when it cannot start a probe, does for each load round.
    static func timedLoad(_ contentDirectory: URL) throws -> TimedLoad {
        let start = MonotonicClock.nanoseconds()
        let content = try ContentLoader.load(from: contentDirectory)
        let read = MonotonicClock.nanoseconds()
        let engine = try SupportEngine(content: content)
        let compiled = MonotonicClock.nanoseconds()
        return TimedLoad(
            engine: engine, loadMs: Double(read - start) / 1e6, compileMs: Double(compiled - read) / 1e6)
    }
}
