import SupportBot

/// One user turn of a transcript: a line of a JSON Lines file.
public struct TranscriptTurn: Sendable, Hashable {
    /// The file, as it was named to the reader.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The `conversation` field as written; nil when the line is a conversation of its own.
    public var conversation: String?
    /// The `user` field: the message played.
    public var message: String
    public var expectation: Expectation
    /// Every other field (`source`, `note`, ...): ignored by scoring, carried into failure reports.
    public var extra: [String: JSONValue]

    public init(
        file: String, line: Int, conversation: String? = nil, message: String,
        expectation: Expectation = Expectation(), extra: [String: JSONValue] = [:]
    ) {
        self.file = file
        self.line = line
        self.conversation = conversation
        self.message = message
        self.expectation = expectation
        self.extra = extra
    }

    /// `file:line`.
    public var location: String { "\(file):\(line)" }

    /// The message as reports may show it: secrets and personal data replaced by markers, because
    /// reports land in CI logs and dashboards.
    public var reportedMessage: String { Self.scanner.redact(message).text }

    private static let scanner = SensitiveDataScanner()

    /// The conversation id the engine gets: the written one, or `file:line` for a line of its own.
    public var conversationID: String { conversation ?? location }
}
