import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@Suite("Pattern syntax errors point at the spot")
struct PatternSyntaxErrorTests {
    /// Replaces the first pattern of withdrawal.pending (en) and returns the rendered errors.
    private func errors(forPattern pattern: String) throws -> [ContentDiagnostic] {
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        try content.replace(#"en: ["{~withdraw ~pending}"]"#, with: "en: ['\(pattern)']", in: "intents/test.yaml")
        let (_, diagnostics) = ContentLoader.diagnose(content.directory)
        guard let loaded = try? ContentLoader.load(from: content.directory) else { return diagnostics }
        return IntentIndex.compileReporting(loaded).1.filter { $0.severity == .error }
    }

    @Test(
        "Each syntax error has a plain message and a column",
        arguments: [
            ("(pending|stuck", "'(' is never closed", 0),
            ("pending)", "unexpected ')'", 7),
            ("~withdrwa pending", "unknown concept '~withdrwa' (did you mean '~withdraw'?)", 0),
            ("withdraw *9 pending", "a gap may span 1 to 8 words", 9),
            ("[pending]", "pattern has no required word", 0),
            ("{}", "empty set {}", 0),
            ("pending {stuck}", "an unordered set {...} must be the whole pattern", 8),
            ("(a||b)", "empty alternative", 3),
            ("~", "'~' must be followed by a concept name", 0),
            ("* pending", "a pattern cannot start with a gap", 0),
        ])
    func syntaxError(pattern: String, message: String, offset: Int) throws {
        let found = try errors(forPattern: pattern)
        let error = try #require(found.first, "no error for \(pattern)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.location.file == "intents/test.yaml")
        // The pattern is single-quoted on its line: its text starts one column after the quote.
        let line = try #require(error.sourceLine)
        let quote = try #require(line.firstIndex(of: "'"))
        let patternColumn = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: quote) + 2
        #expect(error.location.column == patternColumn + offset, "\(error)")
    }

    @Test("A rendered error reads like a compiler's, with a caret under the spot")
    func rendering() throws {
        let error = try #require(try errors(forPattern: "~withdrwa pending").first)
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("intents/test.yaml:"))
        #expect(lines[0].hasSuffix("error: unknown concept '~withdrwa' (did you mean '~withdraw'?)"))
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let column = lines[2].distance(from: lines[2].startIndex, to: caret)
        let tilde = try #require(lines[1].firstIndex(of: "~"))
        #expect(column == lines[1].distance(from: lines[1].startIndex, to: tilde))
    }

    @Test("A concept that refers to itself is refused with the cycle")
    func conceptCycle() throws {
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        try content.replace(
            "  card: [card]", with: "  card: [\"~loop\"]\n  loop: [\"bank ~card\"]", in: "locales/en.yaml")
        try content.replace(#"!~card"#, with: "!~card", in: "intents/test.yaml")
        let loaded = try ContentLoader.load(from: content.directory)
        let errors = IntentIndex.compileReporting(loaded).1.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("refers to itself: ~card → ~loop → ~card") }, "\(errors)")
    }
}
