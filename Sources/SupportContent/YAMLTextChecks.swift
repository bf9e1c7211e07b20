#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks on a content file's text made before libyaml sees it, byte by byte and without
/// allocating: anchors and aliases where a node starts, and nesting too deep to be content.
///
/// They answer exactly as the line-by-line checks they replace (which copied every line into
/// an array and split it on spaces), so the same files are refused at the same spots.
enum YAMLTextChecks {
    /// The line and column (in Unicode scalars) of the first `&anchor` or `*alias` that starts
    /// a node, outside quotes, comments and block scalars.
    ///
    /// Checked on the text because the parser resolves aliases before we could see them, and
    /// nested aliases are how a small file expands into billions of nodes.
    static func firstAnchorOrAlias(_ file: SourceFileText) -> (line: Int, column: Int)? {
        file.withBytes { text in
            // Only lines holding one of these bytes can hold an anchor or start a block scalar.
            var lines = LinesHolding(
                [UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "|"), UInt8(ascii: ">")], in: text, file: file)
            var from = 0
            while let number = lines.first(from: from) {
                let range = file.lineRange(number)!
                let bytes = UnsafeBufferPointer(rebasing: text[range])
                from = range.upperBound + 1
                if hasByte(bytes, UInt8(ascii: "&")) || hasByte(bytes, UInt8(ascii: "*")),
                    let offset = firstAnchorStart(bytes)
                {
                    let column = bytes[..<offset].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } + 1
                    return (number, column)
                }
                if startsBlockScalar(bytes, file: file, range: range) {
                    // The block's lines (blank or indented deeper) are text: go on after them.
                    let indentation = leadingSpaces(bytes)
                    var next = number + 1
                    while let line = file.lineRange(next) {
                        let lineBytes = UnsafeBufferPointer(rebasing: text[line])
                        let lineIndentation = leadingSpaces(lineBytes)
                        guard lineIndentation == lineBytes.count || lineIndentation > indentation else { break }
                        from = line.upperBound + 1
                        next += 1
                    }
                }
            }
            return nil
        }
    }

    /// The numbers of the lines that hold any of some bytes, in order: one memchr sweep over the
    /// whole file for each byte, instead of a call per byte and line.
    private struct LinesHolding {
        let targets: [UInt8]
        let text: UnsafeBufferPointer<UInt8>
        let file: SourceFileText
        /// Where each target is next found, at or after the last offset asked from.
        var found: [Int]
        /// The last line answered: offsets are asked for in order, so the next is on it or after.
        var lastLine = 1

        init(_ targets: [UInt8], in text: UnsafeBufferPointer<UInt8>, file: SourceFileText) {
            self.targets = targets
            self.text = text
            self.file = file
            found = Array(repeating: -1, count: targets.count)
        }

        /// The first line that holds a target at or after offset `from`; nil when none does.
        mutating func first(from: Int) -> Int? {
            guard from < text.count, let base = text.baseAddress else { return nil }
            for position in targets.indices where found[position] < from {
                let next = memchr(base + from, Int32(targets[position]), text.count - from)
                found[position] = next.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? text.count
            }
            let first = found.min()!
            guard first < text.count else { return nil }
            lastLine = file.lineNumber(containing: first, from: lastLine)
            return lastLine
        }
    }

    /// The offset in `bytes` (one line) of an anchor or alias that starts a node.
    private static func firstAnchorStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
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
    private static func startsBlockScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, file: SourceFileText, range: Range<Int>
    ) -> Bool {
        // A word starts at the line's start or after a space byte (a space is a character of
        // its own byte), so without `|` or `>` there, as in a pattern's `(a|b)`, no word starts
        // with one.
        guard startsWord(with: UInt8(ascii: "|"), in: bytes) || startsWord(with: UInt8(ascii: ">"), in: bytes)
        else { return false }
        if let answer = lastWordStartsBlockScalar(bytes) { return answer }
        // The line and the `\n` after it, as characters: a `\r` before it joins it, as in the
        // whole file, and nothing before a line or after its `\n` joins the line's characters.
        let text = file.withBytes { all in
            let through = range.upperBound < all.count ? range.upperBound + 1 : range.upperBound
            return String(decoding: UnsafeBufferPointer(rebasing: all[range.lowerBound..<through]), as: UTF8.self)
        }
        let utf8 = text.utf8
        var line = text[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: range.count)]
        while line.last == " " { line.removeLast() }
        guard !line.isEmpty else { return false }
        let word = line.lastIndex(of: " ").map { line[line.index(after: $0)...] } ?? line
        return word.first == "|" || word.first == ">"
    }

    /// ``startsBlockScalar(_:file:range:)`` over bytes, when the bytes around the last word are
    /// ASCII and so make the same characters; nil when characters must decide.
    private static func lastWordStartsBlockScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
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

    /// Whether `byte` is in `bytes` at the start or after a space.
    private static func startsWord(with byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var from = 0
        while from < bytes.count, let found = memchr(base + from, Int32(byte), bytes.count - from) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if offset == 0 || bytes[offset - 1] == UInt8(ascii: " ") { return true }
            from = offset + 1
        }
        return false
    }

    static func hasByte(_ bytes: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    private static func isAnchorNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// The first line nested deeper than `maximumDepth`: by indentation (four spaces a level)
    /// or by open flow brackets, counted across lines outside quotes.
    ///
    /// A cheap look before the parser, whose composer recurses once per level.
    static func firstOverlyNestedLine(_ file: SourceFileText, maximumDepth: Int) -> Int? {
        file.withBytes { text in
            let firstDeep = file.firstLine(indentedDeeperThan: maximumDepth * 4)
            // Depth changes only on lines with a bracket.
            var lines = LinesHolding(
                [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "]"), UInt8(ascii: "}")], in: text, file: file)
            var from = 0
            var depth = 0
            while let number = lines.first(from: from), number < firstDeep ?? Int.max {
                let range = file.lineRange(number)!
                from = range.upperBound + 1
                var quote: UInt8?
                var index = range.lowerBound
                while index < range.upperBound {
                    // Outside quotes, eight bytes at a time while none is a quote or bracket.
                    if quote == nil && index + 8 <= range.upperBound
                        && !mayHoldQuoteOrBracket(
                            UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    {
                        index += 8
                        continue
                    }
                    if let open = quote {
                        // Inside quotes only the closing quote counts: found by memchr, not byte
                        // by byte (a pattern's whole text is in quotes).
                        let found = memchr(text.baseAddress! + index, Int32(open), range.upperBound - index)
                        guard let found else { break }
                        index = text.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                        quote = nil
                        continue
                    }
                    let byte = text[index]
                    index += 1
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                    case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                    default: continue
                    }
                    if depth > maximumDepth { return number }
                }
            }
            return firstDeep
        }
    }

    /// Whether any of the eight bytes of `word` is `"`, `'` or a bracket (`[`, `{`, `]`, `}`);
    /// never false when one is.
    private static func mayHoldQuoteOrBracket(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Whether a byte of `word` is zero (a borrow past a zero byte only adds false alarms).
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & (ones &* 0x80) != 0 }
        // `[` and `{`, `]` and `}` differ only in the bit 0x20.
        let folded = word | (ones &* 0x20)
        return hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x27))
            || hasZeroByte(folded ^ (ones &* 0x7B)) || hasZeroByte(folded ^ (ones &* 0x7D))
    }

    private static func leadingSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.firstIndex { $0 != UInt8(ascii: " ") } ?? bytes.count
    }

    /// Runs `body` on the UTF-8 bytes of `text` in place (a native string always has them).
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
