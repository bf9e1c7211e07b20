import ArgumentParser
import Foundation
import SupportBot

/// `supportbot normalize`: what the matcher will compare, one input line at a time. The content
/// authors' debugging tool, and a filter for scripts with `--json`.
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print, per line of standard input, its language and normalized tokens.",
        discussion: """
            Each line is folded, segmented, expanded and repaired the way the matcher sees \
            messages. Plain output: the language ("vi", "en" or "unknown", followed by "mixed" \
            when both languages have clear evidence), a tab, and the diacritic-free words. \
            Only locales/*.lexicon.yaml of the content directory is read.
            """)

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "Print one JSON object per line: language, mixed, and tokens (text, folded, plain, kind).")
    var json = false

    func run() throws {
        let directory = try contentOptions.directory()
        let lexicon: NormalizationLexicon
        do {
            lexicon = try LexiconFile.load(localesDirectory: directory.appendingPathComponent("locales"))
        } catch {
            StandardError.print(String(describing: error))
            throw ExitCode(2)
        }
        let normalizer = TextNormalizer(lexicon: lexicon)
        var output = StandardOutputBuffer()
        var input = StandardInputLines()
        while let line = input.next() {
            let message = normalizer.normalize(line)
            output.write(json ? Self.json(message) : Self.text(message))
            if input.isInteractive { output.flush() }
        }
        output.flush()
    }

    static func text(_ message: NormalizedMessage) -> String {
        let language = message.language.rawValue + (message.isMixed ? " mixed" : "")
        return language + "\t" + message.tokens.map(\.plain).joined(separator: " ") + "\n"
    }

    static func json(_ message: NormalizedMessage) -> String {
        var result = "{\"language\": \"\(message.language.rawValue)\", \"mixed\": \(message.isMixed), \"tokens\": ["
        for (index, token) in message.tokens.enumerated() {
            if index > 0 { result += ", " }
            result += "{\"text\": \(quoted(token.text)), \"folded\": \(quoted(token.folded)), "
            result += "\"plain\": \(quoted(token.plain)), \"kind\": \"\(token.kind.rawValue)\"}"
        }
        return result + "]}\n"
    }

    static func quoted(_ text: String) -> String { JSONStringLiteral.quoted(text) }
}

/// Lines of standard input as bytes, decoded as UTF-8 with U+FFFD for invalid sequences, so
/// that no input can stop the command. A final `\r` is dropped.
struct StandardInputLines {
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    let isInteractive = isatty(STDIN_FILENO) != 0

    mutating func next() -> String? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                defer { start = newline + 1 }
                return line(buffer[start..<newline])
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return line(buffer[start...])
            }
            buffer.removeFirst(start)
            start = 0
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty {
                atEnd = true
            } else {
                buffer.append(contentsOf: chunk)
            }
        }
    }

    private func line(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self)
    }
}

/// Standard output written in large pieces.
struct StandardOutputBuffer {
    private var pending: [UInt8] = []

    mutating func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
