import Foundation

/// Holds the engine in service and swaps it atomically on reload; new content that does not
/// load leaves the old engine serving and says why.
public final class ReloadableEngine: Sendable {
    private let current: Locked<SupportEngine>

    public init(_ engine: SupportEngine) {
        current = Locked(engine)
    }

    /// The engine serving now; keep it for the whole of one message.
    public var engine: SupportEngine { current.withLock { $0 } }

    /// Loads `directory` and, only if it is valid, puts it in service.
    public func reload(from directory: URL) throws(ContentError) {
        let old = engine
        let replacement = try SupportEngine.load(
            contentDirectory: directory, thresholds: old.index.thresholds, defaultLanguage: old.policy.defaultLanguage,
            eventSink: old.eventSink, logger: old.logger)
        current.withLock { $0 = replacement }
    }

    public func respond(to message: String, in conversation: inout Conversation) -> Reply {
        engine.respond(to: message, in: &conversation)
    }
}
