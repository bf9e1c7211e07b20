/// One problem in a transcript, at a line: `file:line: error: message`.
public struct TranscriptDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole (unreadable, empty).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}

/// Transcripts that cannot be replayed: every problem found, in file and line order.
public struct TranscriptError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostics: [TranscriptDiagnostic]

    public init(_ diagnostics: [TranscriptDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
