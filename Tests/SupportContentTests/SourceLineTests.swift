import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// Each pattern and example keeps only what surrounds its text on its line; the line it gives
/// back must be the file's line byte for byte, whatever the quoting, escapes or script.
@Suite("Source lines of loaded texts are the lines as written")
struct SourceLineTests {
    /// Every text of the content in `directory` against the lines of its file.
    private func checkSourceLines(_ directory: URL) throws -> Int {
        let content = try ContentLoader.load(from: directory)
        var lines: [String: [Substring]] = [:]
        var checked = 0
        var texts: [SourceText] = []
        for intent in content.intents {
            texts += intent.patterns.values.joined()
            texts += intent.examples.values.joined()
        }
        for locale in content.locales.values {
            texts += locale.concepts.values.joined()
            texts += locale.yesWords + locale.noWords + locale.frustration
        }
        for text in texts {
            let file = text.location.file
            if lines[file] == nil {
                let data = try Data(contentsOf: directory.appendingPathComponent(file))
                let whole = String(decoding: data, as: UTF8.self)
                lines[file] = whole.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
                    whole[$0.startIndex..<$0.endIndex]
                }
            }
            let expected = try #require(lines[file]?[text.location.line - 1])
            #expect(text.sourceLine == String(expected), Comment(rawValue: text.location.description))
            checked += 1
        }
        return checked
    }

    @Test("The shipped content")
    func shipped() throws {
        #expect(try checkSourceLines(Repository.root) > 1000)
    }

    @Test("Quotes, escapes, flow lists, block scalars, combining marks and CRLF")
    func tricky() throws {
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        let examples = """
                  en: ["a \\"quoted\\" one", 'it''s two', plain three, "tab\\there", "e\\u0301 five", six]
                  vi:
                    - "ca\u{0301}c một"   # a comment after
                    - 'hai'
                    - ba  
                    - "bốn
                      dòng"
                    - |
                      năm
                    - sáu
                    - >-
                      bảy
            """
        let yaml = """
            intents:
              - id: zz.lines
                route: answer
                patterns:
                  en: ["zeta word", "(a|b) zeta"]
                  vi: ["  từ zeta  "]
                examples:
            \(examples)

            """
        try content.write("intents/zz.yaml", yaml.replacingOccurrences(of: "\n", with: "\r\n"))
        try content.write("faq/en/zz.lines.md", "An answer.\n")
        try content.write("faq/vi/zz.lines.md", "Trả lời.\n")
        #expect(try checkSourceLines(content.directory) > 20)
    }

    @Test("A text changed after loading keeps showing the line as written")
    func changedText() throws {
        let content = try ContentLoader.load(from: Fixtures.minimalContent)
        var text = try #require(content.intents.first?.patterns.values.first?.first)
        let line = text.sourceLine
        text.text = "something else"
        #expect(text.sourceLine == line)
        text.sourceLine = nil
        #expect(text.sourceLine == nil)
    }
}
