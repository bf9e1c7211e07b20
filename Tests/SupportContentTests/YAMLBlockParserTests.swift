import Foundation
import SupportBotTestSupport
import Testing

@testable import SupportContent

/// The line reader must give libyaml's tree for every file it takes, and leave the rest alone.
@Suite("The block-style YAML reader agrees with libyaml")
struct YAMLBlockParserTests {
    private static func blockTree(_ text: String) -> YAMLTree? {
        YAMLTextChecks.withBytes(of: text) { YAMLBlockParser.build($0, maximumNodes: 200_000) }
    }

    private static func eventTree(_ text: String) -> YAMLTree? {
        YAMLTextChecks.withBytes(of: text) { YAMLTreeBuilder.build($0, maximumNodes: 200_000) }
    }

    /// Nodes, texts, styles, positions and child lists, in order. A scalar's text, not where
    /// its bytes are: the reader leaves them in the file, libyaml's tree copies them.
    private static func dump(_ tree: YAMLTree) -> [String] {
        tree.entries.indices.map { index in
            let entry = tree.entries[index]
            let place =
                entry.kind == .scalar
                ? "text \(tree.string(Int32(index)).debugDescription)" : "\(entry.first) \(entry.count)"
            return "\(entry.kind) \(entry.style) \(entry.line):\(entry.column) \(place)"
        } + tree.children.map { "child \($0)" }
    }

    /// Whether the reader took `text`; when it did, libyaml must have built the same tree.
    @discardableResult
    private static func agree(_ text: String, _ comment: Comment? = nil) -> Bool {
        guard let block = blockTree(text) else { return false }
        guard let events = eventTree(text) else {
            Issue.record("libyaml refused what the reader took: \(text.debugDescription)")
            return true
        }
        #expect(dump(block) == dump(events), comment ?? Comment(rawValue: text.debugDescription))
        return true
    }

    @Test("Every shipped and fixture YAML file is taken, with libyaml's tree")
    func shippedFiles() throws {
        var files: [URL] = []
        for folder in ["intents", "locales", "Tests/Fixtures/minimal-content/intents"] {
            let url = Repository.root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".yaml") {
                files.append(url.appendingPathComponent(name))
            }
        }
        files.append(Repository.root.appendingPathComponent("bot.yaml"))
        var refused: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            if !Self.agree(text, Comment(rawValue: file.path)) { refused.append(file.lastPathComponent) }
        }
        // Shipped intent files are in the block style; the locales and the fixture use flow
        // lists, which libyaml reads.
        #expect(refused.count <= 5, Comment(rawValue: refused.joined(separator: ", ")))
        let intents = try FileManager.default.contentsOfDirectory(
            atPath: Repository.root.appendingPathComponent("intents").path)
        for name in intents where name.hasSuffix(".yaml") {
            let text = try String(
                contentsOf: Repository.root.appendingPathComponent("intents/" + name), encoding: .utf8)
            #expect(Self.blockTree(text) != nil, Comment(rawValue: name))
        }
    }

    static let taken: [String] = [
        "a: b\n",
        "a: b",
        "# head\n\na: b   \n\n  # indented comment\nc: \"d # e\"  # f\n",
        "intents:\n  - id: x.y\n    route: answer\n    patterns:\n      en:\n        - \"a (b|c) ~d\"\n        - 'it is'\n",
        "list:\n- a\n- b\nnext: c\n",
        "-   id: x\n    n: 1\n-  y\n- z\n",
        "- a\n- b: c\n  d: e\n- - \n",
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "vi: \"rút tiền chưa về\"\nen: chủ đề thử 1\nx: ca\u{0301}c\n",
        "url: http://x.y/z\nb: a:b\nc: a#b\nd: a, b\ne: 'a \"b\"'\nf: \"a 'b'\"\ng: \"[c] {d}\" # e\n",
        "true: yes\n1: 2\nnull: ~\nk-e.y_: v\n",
        "a:\n    - x\n    - y\n",
        "- a\n\n   \n- b\n",
        "a:\n  - id: p\n    patterns:\n    - x\n    - y\n  - id: q\n",
        "a: b\n  # deeper comment\nc: d\n",
        "a:  \"x\"\nb:\n  # comment before the block\n  - y\n",
        "a: \"\"\nb: ''\n",
        "priority: -1\nb: ?x\nc: :y\nd: -x\n",
        "a: \"x\\\" y\"\n",
        "a: 'it''s'\n",
        "a: b # [c]\n", "# [x]\na: b\n", "a: \"b\" # {c}\n", "a: # ]\n  b: c\n",
    ]

    @Test("Block-style files are taken, and read as libyaml reads them", arguments: taken)
    func takenFiles(_ text: String) {
        // Two of them carry escapes, which the reader leaves to libyaml.
        let expectedTaken = !text.contains("\\") && !text.contains("''s") && !text.contains("- - ")
        #expect(Self.agree(text) == expectedTaken)
    }

    static let refused: [String] = [
        "", "# only a comment\n", "a: [b, c]\n", "a: {b: c}\n", "a: |\n  b\n", "a: >\n  b\n", "a:\n", "a:\nb: c\n",
        "a: b\n  c\n", "a: - b\n", "a: ? b\n", "a: : b\n", "a: -\n", "a: b\n c: d\n", "a: b\na: c\n", "a:\tb\n",
        "a: b\r\n", "\u{FEFF}a: b\n", "---\na: b\n",
        "a: b\n...\n", "a: b\n---\nc: d\n", "? a\n: b\n", "<<: {a: b}\n", "=: b\n", "a: !!str b\n",
        "a: &x b\n", "a: *x\n", "a: \"b\n  c\"\n", "a: b: c\n", "a: b:\n", "a: \"b\" c\n", "a: \"b\"#c\n",
        "  a: b\n", "a b: c\n", "\"a\": b\n", "- a\n - b\n", "a:\n    b: c\n  d: e\n", "-\n  a: b\n", "- # c\n",
        "a: b\u{2028}c\n", "a: b\u{85}\n", "a: %b\n", "a: @b\n", "a: `b`\n", "scalar\n", "a:\n  plain\n",
        "a:\n  - x\n  y: z\n", "- a\nb: c\n", "a: b - *c\n", "a: b &c\n", "- b*\n",
        "d: a, b [c] {d}\n", "a: \"b\\nc\"\n", "a: 'b\\c'\nd: \"e\\\"\"\n",
    ]

    @Test("Anything else is left to libyaml", arguments: refused)
    func refusedFiles(_ text: String) {
        #expect(Self.blockTree(text) == nil)
    }

    /// Random files from block-style fragments, some valid and some not: whenever the reader
    /// takes one, libyaml builds the same tree.
    @Test("Random block-style files")
    func randomFiles() {
        var generator = SeededRandom(seed: 7)
        let indents = ["", " ", "  ", "    ", "      "]
        let leads = ["", "- ", "-  ", "- - ", "key: ", "k2: ", "key:", "- k3: ", "a b: ", "k.x-y: "]
        let values = [
            "word", "two words", "\"quoted # not\"", "'single'", "plain # comment", "a:b", "x: y", "\"é ü\"",
            "rút tiền", "[flow]", "-dash", "", "  ", "# comment", "\"open", "a#b", "true", "~", "\"a\"  # c",
        ]
        var taken = 0
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...7, using: &generator) {
                lines.append(
                    indents.randomElement(using: &generator)! + leads.randomElement(using: &generator)!
                        + values.randomElement(using: &generator)!)
            }
            if Self.agree(lines.joined(separator: "\n") + "\n") { taken += 1 }
        }
        #expect(taken > 20)
    }
}
