import Foundation
import SupportBot

/// One message of a workload, in the order it is sent.
public struct BenchMessage: Sendable, Hashable {
    public var text: String
    /// Whether the message has a known right answer (`expectedIntent`, nil: must not be answered).
    public var isLabelled: Bool
    public var expectedIntent: String?
    /// The first message of a conversation: a fresh ``Conversation`` starts here.
    public var startsConversation: Bool

    public init(text: String, isLabelled: Bool = false, expectedIntent: String? = nil, startsConversation: Bool = true)
    {
        self.text = text
        self.isLabelled = isLabelled
        self.expectedIntent = expectedIntent
        self.startsConversation = startsConversation
    }
}

/// Content and the messages to send it: what one column of the report measures.
struct BenchWorkload {
    /// The key in `--json` (`shipped`, `synthetic_1000`, `workload_N5000`).
    var name: String
    /// The column heading.
    var title: String
    var directory: URL
    var messages: [BenchMessage]
    /// Where the messages come from, for the report.
    var messageSource: String
    /// Generated content, kept alive (and its directory on disk) while the workload runs.
    var generated: GeneratedContent?
    /// Keys of `--json` this workload's figures are reported under at the top level too.
    var isShipped = false
    var isNeutral = false
    var syntheticSize: Int?
}
