import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@Suite("Broken content is refused whole, with every problem located")
struct ContentLoaderErrorTests {
    /// Lint errors after `edit`; unless `lintOnly`, the engine must also refuse to load.
    private func diagnostics(lintOnly: Bool = false, _ edit: (TemporaryContent) throws -> Void) throws
        -> [ContentDiagnostic]
    {
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        try edit(content)
        if !lintOnly {
            do {
                _ = try SupportEngine.load(contentDirectory: content.directory)
                Issue.record("the broken content loaded")
            } catch {}
        }
        return ContentLint.run(contentDirectory: content.directory).filter { $0.severity == .error }
    }

    @Test("The fixture itself loads and lints clean")
    func fixtureIsClean() throws {
        let found = ContentLint.run(contentDirectory: Fixtures.minimalContent)
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test("An unknown route is named with the choices")
    func unknownRoute() throws {
        let found = try diagnostics {
            try $0.replace("route: escalate", with: "route: handover", in: "intents/test.yaml")
        }
        let error = try #require(found.first)
        #expect(error.message == "unknown route 'handover' (expected one of: answer, security, escalate)")
        #expect(error.location.file == "intents/test.yaml")
        #expect(error.location.line == 23)
        #expect(error.location.column == 12)
    }

    @Test("A duplicate id names the first definition")
    func duplicateID() throws {
        let found = try diagnostics {
            try $0.replace("- id: fees.trading", with: "- id: fees.withdrawal", in: "intents/test.yaml")
        }
        #expect(
            found.contains {
                $0.message.hasPrefix("duplicate intent id 'fees.withdrawal' (first defined at intents/test.yaml:")
            })
    }

    @Test("A missing answer for a language is an error at the intent")
    func missingAnswer() throws {
        let found = try diagnostics { try $0.remove("faq/vi/fees.trading.md") }
        #expect(found.contains { $0.message == "intent 'fees.trading' has no vi answer (faq/vi/fees.trading.md)" })
    }

    @Test("An answer for no intent is a warning, and every other answer is still read")
    func answerForUnknownIntent() throws {
        // Answers are read by id unless a file is left over; then the folder is listed again.
        let content = try TemporaryContent(copying: Fixtures.minimalContent)
        try content.write("faq/en/no.such.intent.md", "Hello\n")
        try content.write("faq/vi/other.topic.md", "Phí\n")
        let found = ContentLint.run(contentDirectory: content.directory)
        #expect(
            found.map(\.description) == [
                "faq/en/no.such.intent.md: warning: answer for unknown intent 'no.such.intent'",
                "faq/vi/other.topic.md: warning: answer for unknown intent 'other.topic'",
            ])
    }

    @Test("A placeholder with no value is located in the answer file")
    func missingPlaceholder() throws {
        let found = try diagnostics { try $0.write("faq/en/fees.trading.md", "Fees\nSee {{fee_page}} now.\n") }
        let error = try #require(found.first { $0.message.contains("fee_page") })
        #expect(
            error.description.hasPrefix(
                "faq/en/fees.trading.md:2:5: error: placeholder '{{fee_page}}' has no value in bot.yaml"))
    }

    @Test("Two intents whose patterns are identical once diacritics are stripped")
    func identicalPatterns() throws {
        let found = try diagnostics {
            try $0.replace(
                #"vi: ["~fee giao dịch"]"#, with: #"vi: ["{~withdraw ~fee} !~card", "phi giao dich"]"#,
                in: "intents/test.yaml"
            )
        }
        #expect(
            found.contains {
                $0.message.contains("identical, once diacritics are stripped, to one of intent 'fees.withdrawal'")
            })
    }

    @Test("A concept that is used but not defined")
    func undefinedConcept() throws {
        let found = try diagnostics {
            try $0.replace(#"trading ~fee"#, with: #"trading ~fees_list"#, in: "intents/test.yaml")
        }
        #expect(found.contains { $0.message.hasPrefix("unknown concept '~fees_list'") })
    }

    @Test("An example that routes to another intent")
    func misroutedExample() throws {
        let found = try diagnostics(lintOnly: true) {
            try $0.replace("trading fee please", with: "withdrawal fee please", in: "intents/test.yaml")
        }
        #expect(found.contains { $0.message.hasPrefix("example of 'fees.trading' routes to intent 'fees.withdrawal'") })
    }

    @Test("Too few examples, a missing system message, a wrong type, an unknown key: all reported at once")
    func manyProblemsAtOnce() throws {
        let found = try diagnostics {
            try $0.replace(
                "examples:\n      en: [trading fee, trading fees, ", with: "examples:\n      en: [",
                in: "intents/test.yaml")
            try $0.replace("  empty_message: \"[en] empty\"\n", with: "", in: "locales/en.yaml")
            try $0.replace(
                "    ask_satisfaction: false\n    title: {en: a greeting",
                with: "    ask_satisfaction: maybe\n    titel: x\n    title: {en: a greeting", in: "intents/test.yaml")
        }
        let messages = found.map(\.message)
        #expect(messages.contains("intent 'fees.trading' has 3 en examples; at least 5 are needed"))
        #expect(messages.contains("missing system message 'empty_message' under 'messages'"))
        #expect(messages.contains("'ask_satisfaction' must be true or false"))
        #expect(messages.contains { $0.hasPrefix("unknown key 'titel' in intent 'greeting'") })
    }

    @Test("YAML syntax errors are located")
    func yamlSyntax() throws {
        let found = try diagnostics { try $0.write("intents/broken.yaml", "intents:\n  - id: x\n    route: [answer\n") }
        let error = try #require(found.first { $0.location.file == "intents/broken.yaml" })
        #expect(error.message.hasPrefix("YAML syntax:"))
        #expect(error.location.line > 0)
    }

    @Test("Anchors and aliases (the 'billion laughs' shape) are refused quickly")
    func aliasBomb() throws {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            yaml +=
                "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        let bomb = yaml
        let found = try diagnostics { try $0.write("intents/bomb.yaml", bomb) }
        #expect(found.contains { $0.message == "anchors and aliases (&, *) are not allowed in content files" })
    }

    @Test("An alias after a dash in a plain text is refused in a block-style file too")
    func aliasInPlainText() throws {
        let found = try diagnostics {
            try $0.write("intents/plain.yaml", "intents:\n  - id: plain.alias\n    route: answer - *later\n")
        }
        let error = try #require(found.first { $0.location.file == "intents/plain.yaml" })
        #expect(error.message == "anchors and aliases (&, *) are not allowed in content files")
        #expect(error.location.line == 3)
        #expect(error.location.column == 21)
    }

    @Test("Brackets in a plain text of a block-style file count as nesting, as they always have")
    func bracketsInPlainText() throws {
        let found = try diagnostics {
            try $0.write(
                "intents/plain.yaml",
                "intents:\n  - id: plain.brackets\n    route: answer " + String(repeating: "[", count: 65) + "\n")
        }
        let error = try #require(found.first { $0.location.file == "intents/plain.yaml" })
        #expect(error.message == "nesting is deeper than 64 levels")
        #expect(error.location.line == 3)
    }

    @Test("Brackets in a comment of a block-style file count as nesting, as they always have")
    func bracketsInComment() throws {
        let found = try diagnostics {
            try $0.write(
                "intents/plain.yaml",
                "intents:\n  - id: plain.brackets  # " + String(repeating: "{", count: 65) + "\n    route: answer\n")
        }
        let error = try #require(found.first { $0.location.file == "intents/plain.yaml" })
        #expect(error.message == "nesting is deeper than 64 levels")
        #expect(error.location.line == 2)
    }

    @Test("Deep indentation in a block-style file is refused before the block parser recurses")
    func deepIndentation() throws {
        // 130 mappings, each two spaces further in: from line 133 on, more than 256 leading spaces.
        let levels = (0..<130).map { String(repeating: " ", count: 2 * $0) + "k\($0):" }.joined(separator: "\n")
        let found = try diagnostics {
            try $0.write("intents/deep.yaml", "intents:\n  - id: deep.keys\n    route: answer\n" + levels + " x\n")
        }
        let error = try #require(found.first { $0.location.file == "intents/deep.yaml" })
        #expect(error.message == "nesting is deeper than 64 levels")
        #expect(error.location.line == 133)
    }

    @Test("Deep nesting is refused before the parser recurses")
    func deepNesting() throws {
        let found = try diagnostics {
            try $0.write("intents/deep.yaml", "intents: " + String(repeating: "[", count: 100_000))
        }
        #expect(found.contains { $0.message == "nesting is deeper than 64 levels" })
    }
}
