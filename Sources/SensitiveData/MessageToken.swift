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

        // Unions as constants: an array literal of options can cost an allocation on a hot path.
        static let notWord = Flags(rawValue: hasDigit.rawValue | hasSymbol.rawValue)
        static let notNumber = Flags(rawValue: hasLetter.rawValue | hasSymbol.rawValue | nonASCII.rawValue)
        static let valueStart = Flags(rawValue: colonBefore.rawValue | quoteBefore.rawValue)
        static let notKeyword = Flags(rawValue: hasSymbol.rawValue | endsSentence.rawValue)
    }

    var length: Int { end - start }
    /// Letters only (any script).
    var isWord: Bool { flags.isDisjoint(with: .notWord) }
    /// ASCII digits only.
    var isNumber: Bool { flags.isDisjoint(with: .notNumber) }
    var isASCII: Bool { !flags.contains(.nonASCII) }
}

/// What the tokenizer learnt about a whole message, for the detectors' early exits.
struct MessageSummary {
    var digitCount = 0
    var hasAt = false
    var hasPlus = false
    /// The longest token, in bytes.
    var longestToken = 0
    /// The A–Z bytes and the scalars beyond ASCII in the tokens: at least as many as the
    /// message's capital letters (no separator is a letter), for the policy's shouting check.
    var possibleCapitals = 0
}

enum MessageTokenizer {
    enum Separator {
        case space, colon, openingQuote, sentenceEnd
    }

    /// The most tokens `byteCount` bytes can hold: a token and a separator take two bytes.
    static func capacity(forByteCount byteCount: Int) -> Int { byteCount / 2 + 1 }

    /// Splits `bytes` into tokens, written to the start of `storage`, which must hold
    /// `capacity(forByteCount: bytes.count)` tokens; returns how many there are.
    ///
    /// - Complexity: O(n), one pass, a table lookup per ASCII byte; no allocation.
    static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, into storage: UnsafeMutableBufferPointer<MessageToken>
    ) -> (count: Int, summary: MessageSummary) {
        byteClasses.withUnsafeBufferPointer { classes in
            tokenize(bytes, into: storage, classes: classes)
        }
    }

    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, into storage: UnsafeMutableBufferPointer<MessageToken>,
        classes: UnsafeBufferPointer<UInt8>
    ) -> (count: Int, summary: MessageSummary) {
        var tokenCount = 0
        var summary = MessageSummary()
        var pending: UInt8 = 0  // colonBefore and quoteBefore for the next token
        let count = bytes.count
        var index = 0
        while index < count {
            // A plain space, the most common separator, skips the class lookup and the switch.
            if bytes[index] == 0x20 {
                pending &= ~MessageToken.Flags.quoteBefore.rawValue
                index += 1
                continue
            }
            var byteClass = classes[Int(bytes[index])]
            var separator: Separator? = nil
            var width = 1
            if byteClass & ByteClass.separator != 0 {
                separator =
                    byteClass & ByteClass.colon != 0
                    ? .colon : byteClass & ByteClass.quote != 0 ? .openingQuote : .space
            } else if byteClass & ByteClass.multibyte != 0 {
                (separator, width) = self.separator(in: bytes, at: index)
            }
            if let separator {
                switch separator {
                case .space: pending &= ~MessageToken.Flags.quoteBefore.rawValue
                case .colon: pending = MessageToken.Flags.colonBefore.rawValue
                case .openingQuote: pending |= MessageToken.Flags.quoteBefore.rawValue
                case .sentenceEnd:
                    if tokenCount > 0 { storage[tokenCount - 1].flags.insert(.endsSentence) }
                    pending &= ~MessageToken.Flags.quoteBefore.rawValue
                }
                index += width
                continue
            }
            // A token: up to the next separator.
            let start = index
            var flags = pending
            pending = 0
            // The classes of the token's ASCII bytes, or-ed: what they hold is counted afterwards,
            // for the few tokens with digits or sentence punctuation, to keep this loop short.
            var asciiClasses: UInt8 = 0
            while index < count {
                byteClass = classes[Int(bytes[index])]
                if byteClass & (ByteClass.separator | ByteClass.multibyte) == 0 {
                    asciiClasses |= byteClass
                    index += 1
                    continue
                }
                if byteClass & ByteClass.separator != 0 { break }
                // Beyond ASCII. Vietnamese letters (U+00C0–U+01BF, U+1EA0–U+1EFF) skip the decoding.
                let lead = bytes[index]
                if lead >= 0xC3 && lead <= 0xC6 {
                    width = 2
                } else if lead == 0xE1 && index + 1 < count && (bytes[index + 1] == 0xBA || bytes[index + 1] == 0xBB) {
                    width = 3
                } else {
                    let (inner, innerWidth) = self.separator(in: bytes, at: index)
                    if inner != nil { break }
                    width = innerWidth
                }
                flags |= MessageToken.Flags.nonASCII.rawValue
                summary.possibleCapitals &+= 1
                index += width
            }
            flags |= asciiClasses & ByteClass.tokenFlags
            if asciiClasses & ByteClass.capital != 0 {
                summary.possibleCapitals &+= occurrences(of: ByteClass.capital, in: start..<index, bytes, classes)
            }
            if asciiClasses & ByteClass.digit != 0 {
                summary.digitCount &+= occurrences(of: ByteClass.digit, in: start..<index, bytes, classes)
            }
            var end = index
            if asciiClasses & ByteClass.sentence != 0 {
                var sentencePunctuation = occurrences(of: ByteClass.sentence, in: start..<index, bytes, classes)
                while end > start, bytes[end - 1] == 0x2E || bytes[end - 1] == 0x21 || bytes[end - 1] == 0x3F {
                    end -= 1
                    sentencePunctuation -= 1
                    flags |= MessageToken.Flags.endsSentence.rawValue
                }
                if sentencePunctuation > 0 { flags |= MessageToken.Flags.hasSymbol.rawValue }
            }
            if end == start {  // only "...", "?!"
                if tokenCount > 0 { storage[tokenCount - 1].flags.insert(.endsSentence) }
                continue
            }
            if flags & MessageToken.Flags.hasSymbol.rawValue != 0 {
                for position in start..<end {
                    if bytes[position] == 0x40 { summary.hasAt = true }  // @
                    if bytes[position] == 0x2B { summary.hasPlus = true }  // +
                }
            }
            summary.longestToken = max(summary.longestToken, end - start)
            storage[tokenCount] = MessageToken(start: start, end: end, flags: MessageToken.Flags(rawValue: flags))
            tokenCount += 1
        }
        return (tokenCount, summary)
    }

    /// How many of the bytes in `range` have the class bit `byteClass`.
    private static func occurrences(
        of byteClass: UInt8, in range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>,
        _ classes: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var count = 0
        for index in range where classes[Int(bytes[index])] & byteClass != 0 { count += 1 }
        return count
    }

    /// Bits of `byteClasses`. The low three are `MessageToken.Flags` bits.
    private enum ByteClass {
        static let letter: UInt8 = 0x01  // = Flags.hasLetter
        static let digit: UInt8 = 0x02  // = Flags.hasDigit
        static let symbol: UInt8 = 0x04  // = Flags.hasSymbol
        static let tokenFlags: UInt8 = 0x07
        static let multibyte: UInt8 = 0x08  // a byte >= 0x80
        static let sentence: UInt8 = 0x10  // . ! ?
        static let separator: UInt8 = 0x20  // white space, , ; | / \ - * ( ) [ ] { } < > : = " ' `
        static let colon: UInt8 = 0x40  // : =
        static let quote: UInt8 = 0x80  // " ' `
        /// A–Z, with `letter`. Shares `colon`'s bit, which only separators carry besides.
        static let capital: UInt8 = 0x40
    }

    /// The class of each byte value.
    private static let byteClasses: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        if byte >= 0x80 { return ByteClass.multibyte }
        if ASCII.isUppercase(byte) { return ByteClass.letter | ByteClass.capital }
        if ASCII.isLetter(byte) { return ByteClass.letter }
        if ASCII.isDigit(byte) { return ByteClass.digit }
        switch byte {
        case 0x2E, 0x21, 0x3F: return ByteClass.sentence
        case 0x3A, 0x3D: return ByteClass.separator | ByteClass.colon
        case 0x22, 0x27, 0x60: return ByteClass.separator | ByteClass.quote
        case 0x20, 0x09...0x0D, 0x2C, 0x3B, 0x7C, 0x2F, 0x5C, 0x2D, 0x2A, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x3C,
            0x3E:
            return ByteClass.separator
        default: return ByteClass.symbol
        }
    }

    @inline(__always)
    static func asciiSeparator(_ byte: UInt8) -> Separator? {
        switch byte {
        case 0x3A, 0x3D: .colon
        case 0x22, 0x27, 0x60: .openingQuote
        case 0x20, 0x09...0x0D, 0x2C, 0x3B, 0x7C, 0x2F, 0x5C, 0x2D, 0x2A, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x3C,
            0x3E:
            .space
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
