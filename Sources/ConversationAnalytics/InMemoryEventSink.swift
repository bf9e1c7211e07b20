/// A thread-safe sink that keeps events in memory, in the order they were recorded.
public final class InMemoryEventSink: ConversationEventSink {
    private let storage = Locked<[ConversationEvent]>([])

    public init() {}

    /// The events recorded so far.
    public var events: [ConversationEvent] {
        storage.withLock { $0 }
    }

    public func record(_ event: ConversationEvent) throws {
        storage.withLock { $0.append(event) }
    }

    /// Forgets every event recorded so far.
    public func removeAll() {
        storage.withLock { $0.removeAll() }
    }
}
