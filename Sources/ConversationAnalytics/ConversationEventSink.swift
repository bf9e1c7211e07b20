/// Where the engine sends one ``ConversationEvent`` per turn.
///
/// The library ships ``JSONLinesEventLog`` (a file) and ``InMemoryEventSink`` (tests, embedders);
/// a service can conform its own type to send events elsewhere (a queue, a database). Sinks are
/// called on the engine's thread: keep `record` quick and thread-safe.
public protocol ConversationEventSink: Sendable {
    /// Stores one event. Throws when it could not be stored; the caller decides whether that matters.
    func record(_ event: ConversationEvent) throws
}
