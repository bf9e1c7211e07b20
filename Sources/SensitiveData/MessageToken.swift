/// A run of a message between separators, as UTF-8 byte offsets: the unit the word-level
/// detectors (seed phrases, keyword-led codes and passwords, transaction context) look at.
///
/// Separators are white space (including the ideographic space), `, ; | / : = - * ( ) [ ] { } < >`
/// and quotes, and their full-width or typographic forms. `.`, `!` and `?` at the end of a token
/// are cut off and recorded as `endsSentence`; inside a token (`etherscan.io`, `1.000.000`) they
/// stay.
struct MessageToken {
    var start: Int
    var end: Int
    var flags: Flags

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let hasLetter = Flags(rawValue: 1 << 0)
        static let hasDigit = Flags(rawValue: 1 << 1)
        /// ASCII that is neither a letter nor a digit (`@`, `_`, an inner `.`...).
        static let hasSymbol = Flags(rawValue: 1 << 2)
        /// A scalar beyond ASCII: treated as a letter (Vietnamese, Japanese, Korean...).
        static let nonASCII = Flags(rawValue: 1 << 3)
        /// The separators before this token held `:` or `=`.
        static let colonBefore = Flags(rawValue: 1 << 4)
        /// An opening quote comes right before this token.
        static let quoteBefore = Flags(rawValue: 1 << 5)
        /// `.`, `!`, `?` or `。` ended this token.
        static let endsSentence = Flags(rawValue: 1 << 6)
    }

    var length: Int { end - start }
    /// Letters only (any script).
    var isWord: Bool { flags.isDisjoint(with: [.hasDigit, .hasSymbol]) }
    /// ASCII digits only.
    var isNumber: Bool { flags.isDisjoint(with: [.hasLetter, .hasSymbol, .nonASCII]) }
    var isASCII: Bool { !flags.contains(.nonASCII) }
}

/// What the tokenizer learnt about a whole message, for the detectors' early exits.
struct MessageSummary {
    var digitCount = 0
    var hasAt = false
    var hasPlus = false
    /// The longest token, in bytes.
    var longestToken = 0
}

enum MessageTokenizer {
    enum Separator {
        case space, colon, openingQuote, sentenceEnd
    }

    /// Splits `bytes` into tokens.
    ///
    /// - Complexity: O(n), one pass; one allocation for the token array.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> ([MessageToken], MessageSummary) {
        var tokens: [MessageToken] = []
        tokens.reserveCapacity(bytes.count / 5 + 2)
        var summary = MessageSummary()
        var pending: MessageToken.Flags = []
        let count = bytes.count
        var index = 0
        while index < count {
            let (found, width) = separator(in: bytes, at: index)
            if let found {
                switch found {
                case .space:
                    pending.remove(.quoteBefore)
                case .colon:
                    pending.insert(.colonBefore)
                    pending.remove(.quoteBefore)
                case .openingQuote:
                    pending.insert(.quoteBefore)
                case .sentenceEnd:
                    if !tokens.isEmpty { tokens[tokens.count - 1].flags.insert(.endsSentence) }
                    pending.remove(.quoteBefore)
                }
                index += width
                continue
            }
            // A token: up to the next separator.
            let start = index
            var flags = pending
            pending = []
            var sentencePunctuation = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if asciiSeparator(byte) != nil { break }
                    if ASCII.isLetter(byte) {
                        flags.insert(.hasLetter)
                    } else if ASCII.isDigit(byte) {
                        flags.insert(.hasDigit)
                        summary.digitCount += 1
                    } else if byte == 0x2E || byte == 0x21 || byte == 0x3F {  // . ! ?
                        sentencePunctuation += 1
                    } else {
                        flags.insert(.hasSymbol)
                        if byte == 0x40 { summary.hasAt = true } else if byte == 0x2B { summary.hasPlus = true }
                    }
                    index += 1
                } else {
                    let (inner, width) = separator(in: bytes, at: index)
                    if inner != nil { break }
                    flags.insert(.nonASCII)
                    index += width
                }
            }
            var end = index
            if sentencePunctuation > 0 {
                while end > start, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x21 || bytes[end - 1] == 0x3F {
                    end -= 1
                    sentencePunctuation -= 1
                    flags.insert(.endsSentence)
                }
                if sentencePunctuation > 0 { flags.insert(.hasSymbol) }
            }
            if end == start {  // only "...", "?!"
                if !tokens.isEmpty { tokens[tokens.count - 1].flags.insert(.endsSentence) }
                continue
            }
            summary.longestToken = max(summary.longestToken, end - start)
            tokens.append(MessageToken(start: start, end: end, flags: flags))
        }
        return (tokens, summary)
    }

    @inline(__always)
    static func asciiSeparator(_ byte: UInt8) -> Separator? {
        switch byte {
        case 0x20, 0x09...0x0D, 0x2C, 0x3B, 0x7C, 0x2F, 0x5C, 0x2D, 0x2A, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x3C,
            0x3E:
            // space, tab/newlines, , ; | / \ - * ( ) [ ] { } < >
            .space
        case 0x3A, 0x3D: .colon  // : =
        case 0x22, 0x27, 0x60: .openingQuote  // " ' `
        default: nil
        }
    }

    /// The separator at `index` (ASCII or not) and the width of its scalar in bytes.
    @inline(__always)
    static func separator(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Separator?, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (asciiSeparator(lead), 1) }
        let (scalar, width) = UTF8Scalar.decode(bytes, at: index)
        return (unicodeSeparator(scalar), width)
    }

    static func unicodeSeparator(_ scalar: UInt32) -> Separator? {
        switch scalar {
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            .space
        case 0x3001, 0xFF0C, 0xFF1B, 0x2010...0x2015, 0x2022, 0x30FB, 0x2019, 0x201D, 0x00BB, 0x300D, 0x300F,
            0xFF08, 0xFF09:
            // 、，；dashes • ・ ’ ” » 」』（）
            .space
        case 0xFF1A, 0xFF1D: .colon  // ：＝
        case 0x201C, 0x2018, 0x00AB, 0x300C, 0x300E: .openingQuote  // “ ‘ « 「 『
        case 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x2026: .sentenceEnd  // 。！？．…
        default: nil
        }
    }
}

/// Decoding one scalar from valid UTF-8 (a Swift string's bytes are always valid).
enum UTF8Scalar {
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }
}
