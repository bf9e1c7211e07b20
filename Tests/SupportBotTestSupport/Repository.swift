import Foundation
import SupportBot

/// Where the repository and its shipped content are, for tests.
public enum Repository {
    /// The checkout root (it holds `Package.swift`, `intents/`, `faq/`, `locales/`).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static let transcripts = root.appendingPathComponent("Tests/Transcripts")

    /// The engine on the shipped content, loaded once per test process.
    public static let shippedEngine: SupportEngine = {
        do {
            return try SupportEngine.load(contentDirectory: root)
        } catch {
            fatalError("the shipped content does not load:\n\(error)")
        }
    }()
}

/// Small, hand-written content for tests that need exact control of the patterns.
public enum Fixtures {
    public static let minimalContent = Repository.root.appendingPathComponent("Tests/Fixtures/minimal-content")

    public static let minimalEngine: SupportEngine = {
        do {
            return try SupportEngine.load(contentDirectory: minimalContent)
        } catch {
            fatalError("the minimal fixture content does not load:\n\(error)")
        }
    }()

    /// The fixture's best intent for one message in a fresh conversation.
    public static func route(_ message: String, engine: SupportEngine = minimalEngine) -> Reply {
        var conversation = Conversation(id: "test")
        return engine.respond(to: message, in: &conversation)
    }
}
