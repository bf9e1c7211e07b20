/// One problem found in the content, with where it is.
public struct ContentDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The source line, for the caret under the spot.
    public var sourceLine: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, sourceLine: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
    }

    /// `file:line:column: error: message`, then the line and a caret when known.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let sourceLine, location.column > 0 {
            let caretColumn = min(location.column - 1, sourceLine.unicodeScalars.count)
            text += "\n" + sourceLine + "\n" + String(repeating: " ", count: caretColumn) + "^"
        }
        return text
    }
}

/// Content that cannot be served: every problem found, in file order.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [ContentDiagnostic]

    public init(diagnostics: [ContentDiagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public var errors: [ContentDiagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let count = errors.count
        let summary = "\(count) error\(count == 1 ? "" : "s") in the content"
        return (diagnostics.map(\.description) + [summary]).joined(separator: "\n")
    }
}
