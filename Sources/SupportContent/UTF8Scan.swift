/// One pass over a content file's bytes that tells whether they are valid UTF-8, as
/// `String(validating:as:)` decides, and whether they hold only characters that
/// ``YAMLBlockParser`` reads as text.
///
/// At 10,000 intents the standard library's validation walked 10 MB of intents byte by byte
/// (any Vietnamese character leaves its all-ASCII fast path), and the block parser's character
/// check walked them again; this skips eight ASCII bytes at a time for both.
enum UTF8Scan {
    struct Result: Equatable {
        var isValid: Bool
        /// No control character but the line feed (no tab, no carriage return), no DEL, no C1
        /// control or NEL, no line or paragraph separator, no byte order mark and no U+FFFE or
        /// U+FFFF; meaningful only for valid bytes.
        var isPlain: Bool
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        guard let base = bytes.baseAddress else { return Result(isValid: true, isPlain: true) }
        let count = bytes.count
        var isPlain = true
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                // Whole words of ASCII in a loop of their own, as most of a file is.
                while index + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    guard word & highBits == 0 else { break }
                    if isPlain && controlsOtherThanLineFeed(word) != 0 { isPlain = false }
                    index += 8
                }
                guard index < count else { break }
                guard index + 8 <= count else {
                    // Past the words, the byte here may start a character of several bytes.
                    let lead = bytes[index]
                    guard lead < 0x80 else { continue }
                    if lead < 0x20 ? lead != UInt8(ascii: "\n") : lead == 0x7F { isPlain = false }
                    index += 1
                    continue
                }
                // The ASCII bytes from here up to the next byte with its high bit set, eight at most.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let high = word & highBits
                let asciiCount = high == 0 ? 8 : high.trailingZeroBitCount / 8
                let asciiBytes = asciiCount == 8 ? UInt64.max : (1 << (8 * asciiCount)) - 1
                if isPlain && controlsOtherThanLineFeed(word) & asciiBytes != 0 { isPlain = false }
                index += asciiCount
                continue
            }
            // Two- and three-byte characters (the Vietnamese letters) whose form needs no table:
            // leads other than those with a narrower second byte, then continuation bytes.
            if lead >= 0xC2 && lead < 0xE0 && index + 1 < count && bytes[index + 1] & 0xC0 == 0x80 {
                if lead == 0xC2 && bytes[index + 1] < 0xA0 { isPlain = false }
                index += 2
                continue
            }
            if lead >= 0xE1 && lead < 0xF0 && lead != 0xED && index + 2 < count && bytes[index + 1] & 0xC0 == 0x80
                && bytes[index + 2] & 0xC0 == 0x80
            {
                if isPlain && (lead == 0xE2 || lead == 0xEF) && !isPlainCharacter(bytes, at: index) { isPlain = false }
                index += 3
                continue
            }
            guard let length = sequenceLength(bytes, at: index) else { return Result(isValid: false, isPlain: false) }
            if isPlain && (lead == 0xC2 || lead == 0xE2 || lead == 0xEF) && !isPlainCharacter(bytes, at: index) {
                isPlain = false
            }
            index += length
        }
        return Result(isValid: true, isPlain: isPlain)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` (in memory order from the low byte) that is a control
    /// other than `\n`, or DEL. Exact for each ASCII byte below the first that is not: adding
    /// 0x60 or 0x7F to an ASCII byte carries into no other, and a carry only moves up.
    private static func controlsOtherThanLineFeed(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let belowSpace = ~(word &+ 0x60 &* ones) & highBits
        let lineFeed = ~((word ^ 0x0A &* ones) &+ 0x7F &* ones) & highBits
        let delete = ~((word ^ 0x7F &* ones) &+ 0x7F &* ones) & highBits
        return (belowSpace & ~lineFeed) | delete
    }

    /// The length of the well-formed multi-byte sequence at `index`, nil when there is none
    /// (overlong forms, surrogates and values above U+10FFFF are not well-formed).
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// Whether the well-formed sequence at `index` is a character the block parser takes:
    /// not U+0080...U+009F, U+2028, U+2029, U+FEFF, U+FFFE or U+FFFF.
    private static func isPlainCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        switch bytes[index] {
        case 0xC2: return bytes[index + 1] >= 0xA0
        case 0xE2: return bytes[index + 1] != 0x80 || (bytes[index + 2] != 0xA8 && bytes[index + 2] != 0xA9)
        case 0xEF:
            return !(bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF)
                && !(bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE)
        default: return true
        }
    }
}
