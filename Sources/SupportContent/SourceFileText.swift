#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One content file's text and where its lines start, for diagnostics and source lines while
/// the file is read.
final class SourceFileText: Sendable {
    let text: String
    /// The UTF-8 offset at which each line starts; lines end at `\n`, which no line includes.
    private let lineStarts: [UInt32]

    /// Splits on the `\n` byte only, so a `\r` of a CRLF file stays part of its line.
    init(_ text: String) {
        let starts = YAMLTextChecks.withBytes(of: text) { bytes in
            var starts: [UInt32] = [0]
            guard let base = bytes.baseAddress else { return starts }
            starts.reserveCapacity(bytes.count / 32 + 1)
            var offset = 0
            // memchr finds each line feed without a byte-by-byte loop.
            while offset < bytes.count,
                let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset)
            {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(UInt32(offset))
            }
            return starts
        }
        self.text = text
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// Runs `body` on the file's UTF-8 bytes in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        YAMLTextChecks.withBytes(of: text, body)
    }

    /// The UTF-8 offsets of line `number` (1-based), without its `\n`; nil outside the file.
    func lineRange(_ number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = Int(lineStarts[number - 1])
        let end = number < lineStarts.count ? Int(lineStarts[number]) - 1 : text.utf8.count
        return start..<end
    }

    /// The number (1-based) of the line that holds UTF-8 offset `offset`.
    func lineNumber(containing offset: Int) -> Int {
        // The last line starting at or before `offset`.
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    /// Line `number` (1-based) as a new string; nil outside the file.
    func line(_ number: Int) -> String? { lineText(number).map(String.init) }

    /// Line `number` (1-based) in place; nil outside the file.
    func lineText(_ number: Int) -> Substring? {
        guard let range = lineRange(number) else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return Substring(text.unicodeScalars[start..<end])
    }
}
