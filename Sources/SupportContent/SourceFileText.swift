#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One content file's text and where its lines start, for diagnostics and source lines while
/// the file is read.
///
/// Kept as UTF-8 bytes: the loader reads them, and the file as a `String` is made only for the
/// few files libyaml or Yams must read.
final class SourceFileText: Sendable {
    /// Valid UTF-8.
    let bytes: [UInt8]
    /// The UTF-8 offset at which each line starts; lines end at `\n`, which no line includes.
    let lineStarts: [UInt32]

    /// Splits on the `\n` byte only, so a `\r` of a CRLF file stays part of its line.
    convenience init(_ text: String) {
        self.init(validUTF8: Array(text.utf8))
    }

    /// The text whose UTF-8 is `bytes`, which must be valid.
    init(validUTF8 bytes: [UInt8]) {
        let starts = bytes.withUnsafeBufferPointer { bytes in
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
        self.bytes = bytes
        lineStarts = starts
    }

    /// The whole file as a new string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    var lineCount: Int { lineStarts.count }

    /// Runs `body` on the file's UTF-8 bytes in place.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer(body)
    }

    /// The UTF-8 offsets of line `number` (1-based), without its `\n`; nil outside the file.
    func lineRange(_ number: Int) -> Range<Int>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = Int(lineStarts[number - 1])
        let end = number < lineStarts.count ? Int(lineStarts[number]) - 1 : bytes.count
        return start..<end
    }

    /// The number (1-based) of the first line with more than `spaces` leading spaces.
    func firstLine(indentedDeeperThan spaces: Int) -> Int? {
        withBytes { bytes in
            for (position, start) in lineStarts.enumerated() {
                // Only a line whose byte after `spaces` spaces is a space can be one.
                let start = Int(start)
                let end = position + 1 < lineStarts.count ? Int(lineStarts[position + 1]) - 1 : bytes.count
                guard start + spaces < end, bytes[start + spaces] == UInt8(ascii: " ") else { continue }
                if !bytes[start..<(start + spaces)].contains(where: { $0 != UInt8(ascii: " ") }) {
                    return position + 1
                }
            }
            return nil
        }
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

    /// ``lineNumber(containing:)`` for an offset at or after the start of line `line`: a few
    /// lines forward from there before a search, for callers that go through the file in order
    /// and find their next line close by.
    func lineNumber(containing offset: Int, from line: Int) -> Int {
        var number = max(line, 1)
        for _ in 0..<8 {
            guard number < lineStarts.count, Int(lineStarts[number]) <= offset else { return number }
            number += 1
        }
        return lineNumber(containing: offset)
    }

    /// Line `number` (1-based) as a new string; nil outside the file.
    func line(_ number: Int) -> String? {
        guard let range = lineRange(number) else { return nil }
        return withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }
}
