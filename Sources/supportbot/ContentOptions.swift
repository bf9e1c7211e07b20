import ArgumentParser
import Foundation
import SupportBot

/// `--content DIR`, shared by every subcommand that loads content.
struct ContentOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The content directory (with intents/, faq/, locales/).",
            discussion: "Defaults to the nearest directory above the current one that has intents/ and locales/."),
        completion: .directory)
    var content: String?

    /// The directory to load, or a usage error that says where we looked.
    func directory() throws -> URL {
        if let content {
            return URL(fileURLWithPath: content, isDirectory: true)
        }
        var candidate = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        while true {
            if Self.looksLikeContent(candidate) { return candidate }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        // The checkout this binary was built from, for `swift run` from anywhere inside it.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        if Self.looksLikeContent(checkout) { return checkout }
        throw ValidationError("no content found: pass --content DIR (a directory with intents/ and locales/)")
    }

    static func looksLikeContent(_ directory: URL) -> Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: directory.appendingPathComponent("intents").path)
            && manager.fileExists(atPath: directory.appendingPathComponent("locales").path)
    }

    /// Loads the engine or prints every content error and exits with status 2.
    func loadEngine(
        defaultLanguage: Language = .en, eventSink: (any ConversationEventSink)? = nil
    ) throws -> SupportEngine {
        let directory = try directory()
        do {
            return try SupportEngine.load(
                contentDirectory: directory, defaultLanguage: defaultLanguage, eventSink: eventSink)
        } catch {
            StandardError.print(error.description)
            throw ExitCode(2)
        }
    }
}

/// Diagnostics and errors go to standard error, replies to standard output.
enum StandardError {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
