import ConversationAnalytics
import Foundation

/// A fresh temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("analytics-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// `2025-01-06T09:00:00Z` plus `minutes`, for readable fixtures.
func at(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
    EventTimeFormat.startOfDay(day)!.addingTimeInterval(Double(hour * 3600 + minute * 60))
}

/// A small event with defaults for what a test does not care about.
func event(
    _ conversation: String, _ turn: Int, _ route: String, at time: Date, language: String = "en",
    intent: String? = nil, responseTime: Int = 100, reason: String? = nil, satisfaction: String? = nil,
    message: String = "hi"
) -> ConversationEvent {
    ConversationEvent(
        time: time, conversation: conversation, turn: turn, language: language, route: route, intent: intent,
        confidence: intent == nil ? 0 : 0.9, responseTimeMicroseconds: responseTime, escalationReason: reason,
        satisfaction: satisfaction, message: message)
}

/// Lines of a file, without the final empty string after the last "\n".
func lines(of path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var parts = text.components(separatedBy: "\n")
    if parts.last == "" { parts.removeLast() }
    return parts
}

/// The built `supportbot` binary, if there is one: next to the test bundle (same scratch path)
/// first, else the newest `.build*/debug/supportbot` of the package.
enum SupportBotBinary {
    static let url: URL? = {
        let fileManager = FileManager.default
        var candidates: [URL] = [
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("supportbot") }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let builds = ((try? fileManager.contentsOfDirectory(atPath: packageRoot.path)) ?? [])
            .filter { $0.hasPrefix(".build") }
            .map { packageRoot.appendingPathComponent($0).appendingPathComponent("debug/supportbot") }
            .filter { fileManager.isExecutableFile(atPath: $0.path) }
        func modified(_ url: URL) -> Date {
            ((try? fileManager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
        }
        candidates += builds.sorted { modified($0) > modified($1) }
        return candidates.first { fileManager.isExecutableFile(atPath: $0.path) }
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to completion. Output goes through files, so nothing can block on a full pipe.
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> Output {
        let process = try start(arguments, in: folder)
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: folder.path(".stdout-\(process.processIdentifier)"), encoding: .utf8))
                ?? "",
            stderr: (try? String(contentsOfFile: folder.path(".stderr-\(process.processIdentifier)"), encoding: .utf8))
                ?? "")
    }

    /// Starts the binary in `folder`; its output goes to `.stdout-<pid>` and `.stderr-<pid>` there.
    static func start(_ arguments: [String], in folder: TemporaryFolder) throws -> Process {
        guard let url else { throw EventLogError("no supportbot binary") }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        let outPath = folder.path(".stdout-tmp-\(UUID().uuidString)")
        let errPath = folder.path(".stderr-tmp-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try FileManager.default.moveItem(atPath: outPath, toPath: folder.path(".stdout-\(process.processIdentifier)"))
        try FileManager.default.moveItem(atPath: errPath, toPath: folder.path(".stderr-\(process.processIdentifier)"))
        return process
    }
}
