import Foundation
import SupportBotTestSupport
import Testing

@testable import SupportContent

/// The text checks visit only the lines holding the bytes they look for; they must answer as
/// the line-by-line checks they replaced, kept here as the reference.
@Suite("Text checks answer as the line-by-line reference")
struct YAMLTextChecksTests {
    static let fragments = [
        "a", "word", " ", "  ", "- ", "key: ", "&x", "*y", "& ", "|", ">", "|-", "> ", "[", "]", "{", "}", "\"",
        "'", "#", " #", ",", ":", "é", "e\u{301}", "|\u{301}", " \u{301}", "\u{600} ", "\r", "rút tiền", "(a|b)",
    ]

    private static func randomFile(_ generator: inout SeededRandom) -> String {
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...12, using: &generator) {
            let indentation = [0, 2, 4, 6, 255, 256, 257, 300].randomElement(using: &generator)!
            var line = String(repeating: " ", count: Int.random(in: 0...3, using: &generator) == 0 ? indentation : 2)
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                line += fragments.randomElement(using: &generator)!
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
    }

    @Test("Random files: anchors, block scalars, brackets, deep indentation")
    func randomFiles() {
        var generator = SeededRandom(seed: 11)
        var found = (anchors: 0, nesting: 0)
        for _ in 0..<4000 {
            var text = Self.randomFile(&generator)
            if Int.random(in: 0..<20, using: &generator) == 0 {
                text += String(repeating: "[", count: 70)
            }
            let file = SourceFileText(text)
            let anchor = YAMLTextChecks.firstAnchorOrAlias(file)
            let expected = ReferenceTextChecks.firstAnchorOrAlias(file)
            #expect(
                anchor?.line == expected?.line && anchor?.column == expected?.column,
                Comment(rawValue: text.debugDescription))
            let nested = YAMLTextChecks.firstOverlyNestedLine(file, maximumDepth: 64)
            #expect(
                nested == ReferenceTextChecks.firstOverlyNestedLine(file, maximumDepth: 64),
                Comment(rawValue: text.debugDescription))
            if expected != nil { found.anchors += 1 }
            if nested != nil { found.nesting += 1 }
        }
        #expect(found.anchors > 100 && found.nesting > 100)
    }
}

/// The checks as they were before they skipped lines (line by line, several memchr calls each).
private enum ReferenceTextChecks {

    /// The line and column (in Unicode scalars) of the first `&anchor` or `*alias` that starts
    /// a node, outside quotes, comments and block scalars.
    ///
    /// Checked on the text because the parser resolves aliases before we could see them, and
    /// nested aliases are how a small file expands into billions of nodes.
    static func firstAnchorOrAlias(_ file: SourceFileText) -> (line: Int, column: Int)? {
        YAMLTextChecks.withBytes(of: file.text) { text in
            var blockIndentation: Int?
            for number in 1...file.lineCount {
                let range = file.lineRange(number)!
                let bytes = UnsafeBufferPointer(rebasing: text[range])
                let indentation = leadingSpaces(bytes)
                if let block = blockIndentation {
                    if indentation == bytes.count || indentation > block { continue }
                    blockIndentation = nil
                }
                // Most lines hold none of `&`, `*`, `|`, `>`: memchr says so at a fraction of a
                // byte-by-byte walk.
                if YAMLTextChecks.hasByte(bytes, UInt8(ascii: "&")) || YAMLTextChecks.hasByte(bytes, UInt8(ascii: "*")),
                    let offset = firstAnchorStart(bytes)
                {
                    let column = bytes[..<offset].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } + 1
                    return (number, column)
                }
                if startsBlockScalar(bytes, file: file, range: range) { blockIndentation = indentation }
            }
            return nil
        }
    }

    /// The offset in `bytes` (one line) of an anchor or alias that starts a node.
    fileprivate static func firstAnchorStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var atNodeStart = true
        var quote: UInt8?
        var previous = UInt8(ascii: " ")
        for offset in bytes.indices {
            let byte = bytes[offset]
            if let open = quote {
                if byte == open { quote = nil }
                previous = byte
                continue
            }
            let next: UInt8? = offset + 1 < bytes.count ? bytes[offset + 1] : nil
            if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { break }
            if atNodeStart, byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), let next, isAnchorNameStart(next) {
                return offset
            }
            switch byte {
            case UInt8(ascii: " "): break
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): atNodeStart = true
            case UInt8(ascii: "-") where next == nil || next == UInt8(ascii: " "): atNodeStart = true
            case UInt8(ascii: ":") where next == nil || next == UInt8(ascii: " "): atNodeStart = true
            default: atNodeStart = false
            }
            previous = byte
        }
        return nil
    }

    /// Whether the line's last space-separated word starts with `|` or `>` (a block scalar
    /// follows, whose lines are text, not nodes).
    ///
    /// Words are split by `Character`, as `line.split(separator: " ")` did: a space that a
    /// combining mark joins does not split. Only lines holding a `|` or `>` byte can answer
    /// yes, and walking back over the last word costs its length, not the line's.
    fileprivate static func startsBlockScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, file: SourceFileText, range: Range<Int>
    ) -> Bool {
        guard YAMLTextChecks.hasByte(bytes, UInt8(ascii: "|")) || YAMLTextChecks.hasByte(bytes, UInt8(ascii: ">"))
        else { return false }
        if let answer = lastWordStartsBlockScalar(bytes) { return answer }
        let utf8 = file.text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        var line = file.text[start..<utf8.index(start, offsetBy: range.count)]
        while line.last == " " { line.removeLast() }
        guard !line.isEmpty else { return false }
        let word = line.lastIndex(of: " ").map { line[line.index(after: $0)...] } ?? line
        return word.first == "|" || word.first == ">"
    }

    /// ``startsBlockScalar(_:file:range:)`` over bytes, when the bytes around the last word are
    /// ASCII and so make the same characters; nil when characters must decide.
    fileprivate static func lastWordStartsBlockScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end = bytes.count
        while end > 0 && bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > 0 else { return false }
        guard bytes[end - 1] < 0x80 else { return nil }
        var space = end - 1
        while space >= 0 && bytes[space] != UInt8(ascii: " ") { space -= 1 }
        let wordStart = space + 1
        guard bytes[wordStart] < 0x80, wordStart + 1 == end || bytes[wordStart + 1] < 0x80,
            space <= 0 || bytes[space - 1] < 0x80
        else { return nil }
        return bytes[wordStart] == UInt8(ascii: "|") || bytes[wordStart] == UInt8(ascii: ">")
    }

    static func hasByte(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    fileprivate static func isAnchorNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// The first line nested deeper than `maximumDepth`: by indentation (four spaces a level)
    /// or by open flow brackets, counted across lines outside quotes.
    ///
    /// A cheap look before the parser, whose composer recurses once per level.
    static func firstOverlyNestedLine(_ file: SourceFileText, maximumDepth: Int) -> Int? {
        YAMLTextChecks.withBytes(of: file.text) { text in
            var depth = 0
            for number in 1...file.lineCount {
                let bytes = UnsafeBufferPointer(rebasing: text[file.lineRange(number)!])
                if leadingSpaces(bytes) > maximumDepth * 4 { return number }
                // Depth changes only on lines with a bracket; memchr rules out the others.
                guard
                    YAMLTextChecks.hasByte(bytes, UInt8(ascii: "[")) || YAMLTextChecks.hasByte(bytes, UInt8(ascii: "{"))
                        || YAMLTextChecks.hasByte(bytes, UInt8(ascii: "]"))
                        || YAMLTextChecks.hasByte(bytes, UInt8(ascii: "}"))
                else { continue }
                var quote: UInt8?
                for byte in bytes {
                    if let open = quote {
                        if byte == open { quote = nil }
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                    case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                    default: continue
                    }
                    if depth > maximumDepth { return number }
                }
            }
            return nil
        }
    }

    fileprivate static func leadingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.count
    }
}
