/// Collects every problem of a load so all are reported at once.
final class DiagnosticLog {
    private(set) var diagnostics: [ContentDiagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func error(_ location: SourceLocation, _ message: String, sourceLine: String? = nil) {
        diagnostics.append(ContentDiagnostic(.error, at: location, message, sourceLine: sourceLine))
    }

    func warning(_ location: SourceLocation, _ message: String, sourceLine: String? = nil) {
        diagnostics.append(ContentDiagnostic(.warning, at: location, message, sourceLine: sourceLine))
    }

    func append(_ diagnostic: ContentDiagnostic) {
        diagnostics.append(diagnostic)
    }
}
