/// Parses the pattern language (README, "The pattern language") into ``ParsedPattern``.
///
/// Offsets count Unicode scalars, as YAML columns do, so errors point at the right column.
///
/// The parser reads the text's UTF-8 bytes in place and counts scalars as it goes: every byte
/// the language gives a meaning to is ASCII, so only whitespace needs a scalar decoded, and only
/// for non-ASCII bytes. (Decoding every scalar into an array and asking each for its Unicode
/// properties was most of the cost of compiling 80,000 patterns.)
struct PatternParser {
    /// The widest gap a pattern may ask for; a wider one would let any two words match.
    static let maximumGap = 8
    static let defaultGap = 4
    static let maximumDepth = 16

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The byte being read.
    private var position = 0
    /// The scalar offset of `position`: what errors and syntax nodes report.
    private var offset = 0
    private var depth = 0

    /// `bytes` must outlive the parser.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ text: String) throws(PatternSyntaxError) -> ParsedPattern {
        var text = text
        // `withUTF8` cannot throw a typed error through its closure: carry the result out.
        let result: Result<ParsedPattern, PatternSyntaxError> = text.withUTF8 { bytes in
            do throws(PatternSyntaxError) {
                return .success(try parse(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a pattern's UTF-8 text; its words are ranges of `bytes`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(PatternSyntaxError) -> ParsedPattern {
        var parser = PatternParser(bytes)
        return try parser.parsePattern()
    }

    private var isAtEnd: Bool { position >= bytes.count }

    /// Moves past one ASCII byte.
    private mutating func advanceASCII() {
        position += 1
        offset += 1
    }

    /// The length in bytes of the UTF-8 sequence that starts with `lead`.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Whether the scalar at `position` is whitespace (the Unicode property, as messages use).
    ///
    /// Outside ASCII, White_Space has U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
    /// U+202F, U+205F and U+3000: their UTF-8 starts with 0xC2, 0xE1, 0xE2 or 0xE3, so a
    /// letter with any other first byte (most Vietnamese ones) is no space without decoding it,
    /// nor is one after 0xE1 whose second byte is not U+1680's 0x9A (ạ, ế, ự... are 0xE1 0xBA/0xBB).
    @inline(__always)
    private func isWhitespace() -> Bool {
        let byte = bytes[position]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) }
        return isNonASCIIWhitespace(byte)
    }

    private func isNonASCIIWhitespace(_ byte: UInt8) -> Bool {
        guard byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || (byte == 0xE1 && bytes[position + 1] == 0x9A) else {
            return false
        }
        var iterator = UnsafeBufferPointer(rebasing: bytes[position...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isWhitespace
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "!"):
            return true
        default:
            return false
        }
    }

    /// The text of the bytes from `start` to `position`.
    private func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func parsePattern() throws(PatternSyntaxError) -> ParsedPattern {
        // Room for most patterns at once: growing these arrays an element at a time was a fifth of parsing.
        var items: [PatternSyntax] = []
        items.reserveCapacity(8)
        var vetoes: [PatternSyntax] = []
        var shape = ParsedPattern.Shape.sequence
        var sawSet = false
        skipSpaces()
        while !isAtEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "!") {
                advanceASCII()
                guard !isAtEnd, !isWhitespace() else {
                    throw PatternSyntaxError(
                        message: "'!' must be followed by a word, a (group) or a ~concept", offset: offset - 1)
                }
                vetoes.append(try parseItem())
            } else if byte == UInt8(ascii: "{") {
                if sawSet || !items.isEmpty {
                    throw PatternSyntaxError(
                        message: "an unordered set {...} must be the whole pattern (vetoes may follow it)",
                        offset: offset)
                }
                sawSet = true
                shape = .unordered
                let opening = offset
                advanceASCII()
                items = try parseItems(until: UInt8(ascii: "}"), opening: opening, openingText: "{")
                if items.isEmpty {
                    throw PatternSyntaxError(message: "empty set {}", offset: opening)
                }
                if items.contains(where: { if case .gap = $0 { return true } else { return false } }) {
                    throw PatternSyntaxError(
                        message: "a gap '*' means nothing inside an unordered set", offset: opening)
                }
            } else if sawSet {
                throw PatternSyntaxError(
                    message: "only vetoes (!word) may follow an unordered set {...}", offset: offset)
            } else {
                items.append(try parseItem())
            }
            skipSpaces()
        }
        if !items.contains(where: { !$0.isOptionalOrGap }) {
            throw PatternSyntaxError(
                message: items.isEmpty ? "empty pattern" : "pattern has no required word (everything is optional)",
                offset: 0)
        }
        if case .gap = items.first {
            throw PatternSyntaxError(message: "a pattern cannot start with a gap '*'", offset: 0)
        }
        if case .gap = items.last {
            // The parser stopped at the end of the text, where `offset` counts every scalar.
            throw PatternSyntaxError(message: "a pattern cannot end with a gap '*'", offset: offset - 1)
        }
        return ParsedPattern(shape: shape, items: items, vetoes: vetoes)
    }

    /// Items up to the closing `terminator`, which is consumed.
    private mutating func parseItems(
        until terminator: UInt8, opening: Int, openingText: Character
    ) throws(PatternSyntaxError) -> [PatternSyntax] {
        var items: [PatternSyntax] = []
        items.reserveCapacity(8)
        skipSpaces()
        while !isAtEnd, bytes[position] != terminator {
            let byte = bytes[position]
            if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "!") {
                throw PatternSyntaxError(message: "unexpected '\(Character(Unicode.Scalar(byte)))'", offset: offset)
            }
            items.append(try parseItem())
            skipSpaces()
        }
        guard !isAtEnd else {
            throw PatternSyntaxError(message: "'\(openingText)' is never closed", offset: opening)
        }
        advanceASCII()
        return items
    }

    private mutating func parseItem() throws(PatternSyntaxError) -> PatternSyntax {
        let byte = bytes[position]
        let start = offset
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth {
                throw PatternSyntaxError(message: "groups nested too deeply", offset: start)
            }
            advanceASCII()
            let isGroup = byte == UInt8(ascii: "(")
            let alternatives = try parseAlternatives(
                closing: isGroup ? UInt8(ascii: ")") : UInt8(ascii: "]"), opening: start,
                openingText: isGroup ? "(" : "[")
            let group: PatternSyntax = alternatives.count == 1 ? alternatives[0] : .alternatives(alternatives)
            return isGroup ? group : .optional(group)
        case UInt8(ascii: "*"):
            advanceASCII()
            let digitsStart = position
            while !isAtEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { advanceASCII() }
            let digits = text(from: digitsStart)
            let maximum = digits.isEmpty ? Self.defaultGap : Int(digits) ?? Int.max
            guard maximum >= 1, maximum <= Self.maximumGap else {
                throw PatternSyntaxError(message: "a gap may span 1 to \(Self.maximumGap) words", offset: start)
            }
            return .gap(maximum: maximum)
        case UInt8(ascii: "~"):
            advanceASCII()
            let nameStart = position
            while !isAtEnd, Self.isNameByte(bytes[position]) { advanceASCII() }
            guard position > nameStart else {
                throw PatternSyntaxError(message: "'~' must be followed by a concept name", offset: start)
            }
            return .concept(text(from: nameStart), offset: start)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "|"):
            throw PatternSyntaxError(message: "unexpected '\(Character(Unicode.Scalar(byte)))'", offset: start)
        case UInt8(ascii: "{"):
            throw PatternSyntaxError(message: "an unordered set {...} must be the whole pattern", offset: start)
        default:
            let wordStart = position
            while !isAtEnd, !Self.isSpecial(bytes[position]), !isWhitespace() {
                position += Self.sequenceLength(bytes[position])
                offset += 1
            }
            return .word(bytes: wordStart..<position, offset: start)
        }
    }

    private mutating func parseAlternatives(
        closing: UInt8, opening: Int, openingText: Character
    ) throws(PatternSyntaxError) -> [PatternSyntax] {
        var alternatives: [PatternSyntax] = []
        alternatives.reserveCapacity(4)
        var current: [PatternSyntax] = []
        current.reserveCapacity(4)
        skipSpaces()
        while true {
            guard !isAtEnd else {
                throw PatternSyntaxError(message: "'\(openingText)' is never closed", offset: opening)
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "|") || byte == closing {
                if current.isEmpty {
                    throw PatternSyntaxError(message: "empty alternative", offset: offset)
                }
                alternatives.append(current.count == 1 ? current[0] : .sequence(current))
                // A one-word alternative (most) leaves the buffer free for the next.
                current.removeAll(keepingCapacity: true)
                advanceASCII()
                if byte == closing { return alternatives }
            } else if byte == UInt8(ascii: "!") {
                throw PatternSyntaxError(message: "vetoes (!) belong at the top level of a pattern", offset: offset)
            } else {
                current.append(try parseItem())
            }
            skipSpaces()
        }
    }

    private mutating func skipSpaces() {
        while !isAtEnd, isWhitespace() {
            position += Self.sequenceLength(bytes[position])
            offset += 1
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }
}

extension PatternSyntax {
    var isOptionalOrGap: Bool {
        switch self {
        case .optional, .gap: return true
        default: return false
        }
    }
}
