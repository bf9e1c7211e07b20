import Dispatch
import Foundation
import SupportBot
import Synchronization

/// Plays conversations through an engine, in-process, many conversations at once.
///
/// Each conversation's turns run in order on one thread with its own ``Conversation`` value; the
/// conversations themselves are spread over `threads` workers. Every reply lands at its turn's
/// index, so the result does not depend on the number of threads or on scheduling.
public struct ReplayRunner: Sendable {
    public var engine: SupportEngine
    /// How many conversations run at once; 1 runs them one after another on the calling thread.
    public var threads: Int

    public init(engine: SupportEngine, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        var engine = engine
        // Replay must not write to the conversation log of real traffic.
        engine.eventSink = nil
        self.engine = engine
        self.threads = max(1, threads)
    }

    /// The replies to every turn of `transcript`, in the order of ``Transcript/turns``.
    public func run(_ transcript: Transcript) -> [ReplayedTurn] {
        let ids = transcript.conversations.map { transcript.turns[$0[0]].conversationID }
        return run(messages: transcript.turns.map(\.message), conversations: transcript.conversations, ids: ids)
    }

    /// Plays `messages`: each conversation lists the indexes of its messages, in order; `ids` names them.
    /// Returns one reply per message, at the message's index.
    public func run(messages: [String], conversations: [[Int]], ids: [String]) -> [ReplayedTurn] {
        precondition(ids.count == conversations.count, "one id per conversation")
        let results = ResultSlots(count: messages.count)
        let engine = engine
        let play: @Sendable (Int) -> Void = { conversationIndex in
            var conversation = Conversation(id: ids[conversationIndex])
            for index in conversations[conversationIndex] {
                results.store(ReplayedTurn(engine.respond(to: messages[index], in: &conversation)), at: index)
            }
        }
        let workers = min(threads, conversations.count)
        if workers <= 1 {
            conversations.indices.forEach(play)
        } else {
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let conversationIndex = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard conversationIndex < conversations.count else { break }
                    play(conversationIndex)
                }
            }
        }
        return results.values()
    }
}

/// One slot per turn, written by whichever worker plays the turn's conversation.
///
/// `@unchecked Sendable`: each slot is written by exactly one worker, and read only after
/// `concurrentPerform` returns (which orders the writes before the reads).
private final class ResultSlots: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<ReplayedTurn?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: ReplayedTurn, at index: Int) {
        slots[index] = value
    }

    func values() -> [ReplayedTurn] {
        slots.map { slot in
            guard let slot else { preconditionFailure("a turn was not played") }
            return slot
        }
    }
}
