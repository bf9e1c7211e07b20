import Foundation

/// A content directory written for one test, removed when the value goes away.
public final class TemporaryContent: @unchecked Sendable {
    public let directory: URL

    /// Starts from a copy of `base` (the shipped content by default) or from nothing.
    public init(copying base: URL? = Repository.root) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("supportbot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let base {
            for folder in ["intents", "faq", "locales"] {
                try FileManager.default.copyItem(
                    at: base.appendingPathComponent(folder), to: directory.appendingPathComponent(folder))
            }
            let bot = base.appendingPathComponent("bot.yaml")
            if FileManager.default.fileExists(atPath: bot.path) {
                try FileManager.default.copyItem(at: bot, to: directory.appendingPathComponent("bot.yaml"))
            }
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes `text` to `path` (relative), creating folders as needed.
    public func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(path)), as: UTF8.self)
    }

    /// Replaces the first occurrence of `old` with `new` in `path`; fails if it is not there.
    public func replace(_ old: String, with new: String, in path: String) throws {
        let text = try read(path)
        guard let range = text.range(of: old) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "'\(old)' not in \(path)"])
        }
        try write(path, text.replacingCharacters(in: range, with: new))
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(path))
    }
}
