/// Parses the pattern language (README, "The pattern language") into ``ParsedPattern``.
///
/// Offsets count Unicode scalars, as YAML columns do, so errors point at the right column.
///
/// The parser reads the text's UTF-8 bytes in place and counts scalars as it goes: every byte
/// the language gives a meaning to is ASCII, so only whitespace needs a scalar decoded, and only
/// for non-ASCII bytes. (Decoding every scalar into an array and asking each for its Unicode
/// properties was most of the cost of compiling 80,000 patterns.)
///
/// Nodes are appended to one flat array as they are read; a group's node is put in front of
/// its children once the group turns out to need one (`(a|b)` does, `(a)` does not).
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
    /// The pattern's nodes so far: its items', a veto's while it is read.
    private var nodes: [PatternSyntax] = []
    /// The vetoes' nodes, moved out of `nodes` as each is read.
    private var vetoNodes: [PatternSyntax] = []

    /// `bytes` must outlive the parser.
    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ text: String) throws(PatternSyntaxError) -> ParsedPattern {
        var text = text
        // `withUTF8` cannot throw a typed error through its closure: carry the result out.
        let result: Result<ParsedPattern, PatternSyntaxError> = text.withUTF8 { bytes in
            var parsed = ParsedPattern()
            do throws(PatternSyntaxError) {
                try parse(bytes, into: &parsed)
                return .success(parsed)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a pattern's UTF-8 text into `parsed`, whose array is reused (its words are ranges
    /// of `bytes`).
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, into parsed: inout ParsedPattern
    ) throws(PatternSyntaxError) {
        var parser = PatternParser(bytes)
        swap(&parser.nodes, &parsed.nodes)
        defer { swap(&parser.nodes, &parsed.nodes) }
        parser.nodes.removeAll(keepingCapacity: true)
        parsed.shape = try parser.parsePattern()
        parsed.vetoStart = parser.nodes.count
        if !parser.vetoNodes.isEmpty { parser.nodes += parser.vetoNodes }
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
    private func isWhitespace() -> Bool { isWhitespace(at: position) }

    /// Whether the scalar at `position` is whitespace (see ``isWhitespace()``).
    @inline(__always)
    private func isWhitespace(at position: Int) -> Bool {
        let byte = bytes[position]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) }
        // Told apart here, without a call, for the many Vietnamese letters.
        guard byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || (byte == 0xE1 && bytes[position + 1] == 0x9A) else {
            return false
        }
        return isNonASCIIWhitespace(at: position)
    }

    /// Whether the scalar at `position`, one that may be whitespace, is.
    private func isNonASCIIWhitespace(at position: Int) -> Bool {
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

    /// Reads the whole pattern into `nodes`, items then vetoes, and returns its shape.
    private mutating func parsePattern() throws(PatternSyntaxError) -> ParsedPattern.Shape {
        var shape = ParsedPattern.Shape.sequence
        var sawSet = false
        // Noted as items are read, rather than found by walking the items again three times.
        var hasRequiredItem = false
        var lastItem: Int?
        skipSpaces()
        while !isAtEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "!") {
                advanceASCII()
                guard !isAtEnd, !isWhitespace() else {
                    throw PatternSyntaxError(
                        message: "'!' must be followed by a word, a (group) or a ~concept", offset: offset - 1)
                }
                let vetoStart = nodes.count
                try parseItem()
                vetoNodes += nodes[vetoStart...]
                nodes.removeSubrange(vetoStart...)
            } else if byte == UInt8(ascii: "{") {
                if sawSet || !nodes.isEmpty {
                    throw PatternSyntaxError(
                        message: "an unordered set {...} must be the whole pattern (vetoes may follow it)",
                        offset: offset)
                }
                sawSet = true
                shape = .unordered
                let opening = offset
                advanceASCII()
                try parseItems(until: UInt8(ascii: "}"), opening: opening, openingText: "{")
                if nodes.isEmpty {
                    throw PatternSyntaxError(message: "empty set {}", offset: opening)
                }
                if topLevelItems.contains(where: { nodes[$0].kind == .gap }) {
                    throw PatternSyntaxError(
                        message: "a gap '*' means nothing inside an unordered set", offset: opening)
                }
                hasRequiredItem = topLevelItems.contains { !nodes[$0].isOptionalOrGap }
            } else if sawSet {
                throw PatternSyntaxError(
                    message: "only vetoes (!word) may follow an unordered set {...}", offset: offset)
            } else {
                let item = nodes.count
                try parseItem()
                hasRequiredItem = hasRequiredItem || !nodes[item].isOptionalOrGap
                lastItem = item
            }
            skipSpaces()
        }
        if !hasRequiredItem {
            throw PatternSyntaxError(
                message: nodes.isEmpty ? "empty pattern" : "pattern has no required word (everything is optional)",
                offset: 0)
        }
        if nodes[0].kind == .gap {
            throw PatternSyntaxError(message: "a pattern cannot start with a gap '*'", offset: 0)
        }
        // A set's items are no gaps: only a sequence's last item can be one.
        if let lastItem, nodes[lastItem].kind == .gap {
            // The parser stopped at the end of the text, where `offset` counts every scalar.
            throw PatternSyntaxError(message: "a pattern cannot end with a gap '*'", offset: offset - 1)
        }
        return shape
    }

    /// The items read so far (positions in `nodes`).
    private var topLevelItems: ParsedPattern.Subtrees {
        ParsedPattern.Subtrees(nodes: nodes, position: 0, end: nodes.count)
    }

    /// Items up to the closing `terminator`, which is consumed.
    private mutating func parseItems(
        until terminator: UInt8, opening: Int, openingText: Character
    ) throws(PatternSyntaxError) {
        skipSpaces()
        while !isAtEnd, bytes[position] != terminator {
            let byte = bytes[position]
            if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "!") {
                throw PatternSyntaxError(message: "unexpected '\(Character(Unicode.Scalar(byte)))'", offset: offset)
            }
            try parseItem()
            skipSpaces()
        }
        guard !isAtEnd else {
            throw PatternSyntaxError(message: "'\(openingText)' is never closed", offset: opening)
        }
        advanceASCII()
    }

    /// Reads one item and appends its nodes.
    private mutating func parseItem() throws(PatternSyntaxError) {
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
            let groupStart = nodes.count
            try parseAlternatives(
                closing: isGroup ? UInt8(ascii: ")") : UInt8(ascii: "]"), opening: start,
                openingText: isGroup ? "(" : "[")
            if !isGroup { wrap(from: groupStart, in: .optional, offset: start) }
        case UInt8(ascii: "*"):
            advanceASCII()
            let digitsStart = position
            while !isAtEnd, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { advanceASCII() }
            let digits = text(from: digitsStart)
            let maximum = digits.isEmpty ? Self.defaultGap : Int(digits) ?? Int.max
            guard maximum >= 1, maximum <= Self.maximumGap else {
                throw PatternSyntaxError(message: "a gap may span 1 to \(Self.maximumGap) words", offset: start)
            }
            append(.gap, offset: start, maximum: maximum)
        case UInt8(ascii: "~"):
            advanceASCII()
            let nameStart = position
            while !isAtEnd, Self.isNameByte(bytes[position]) { advanceASCII() }
            guard position > nameStart else {
                throw PatternSyntaxError(message: "'~' must be followed by a concept name", offset: start)
            }
            append(.concept, offset: start, bytes: nameStart..<position)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "|"):
            throw PatternSyntaxError(message: "unexpected '\(Character(Unicode.Scalar(byte)))'", offset: start)
        case UInt8(ascii: "{"):
            throw PatternSyntaxError(message: "an unordered set {...} must be the whole pattern", offset: start)
        default:
            let wordStart = position
            // Read in locals: kept in `self`, the position and offset were stored back at every byte.
            var end = position
            var scalars = offset
            while end < bytes.count {
                let byte = bytes[end]
                // Most bytes of a word are lowercase ASCII letters: no need to ask more of them. One
                // comparison tells them, and the counts, below the text's length, cannot overflow.
                if byte &- UInt8(ascii: "a") < 26 {
                    end &+= 1
                    scalars &+= 1
                    continue
                }
                // Most words end at a space: told apart before asking what else the byte may be.
                if byte == UInt8(ascii: " ") || Self.isSpecial(byte) || isWhitespace(at: end) { break }
                end += Self.sequenceLength(byte)
                scalars += 1
            }
            position = end
            offset = scalars
            append(.word, offset: start, bytes: wordStart..<position)
        }
    }

    /// Reads the alternatives of a group up to `closing` (consumed) and appends their nodes:
    /// a sequence node before an alternative of several items, an alternatives node before
    /// the group when it has several.
    private mutating func parseAlternatives(
        closing: UInt8, opening: Int, openingText: Character
    ) throws(PatternSyntaxError) {
        let groupStart = nodes.count
        var alternativeCount = 0
        var alternativeStart = nodes.count
        var itemCount = 0
        skipSpaces()
        while true {
            guard !isAtEnd else {
                throw PatternSyntaxError(message: "'\(openingText)' is never closed", offset: opening)
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "|") || byte == closing {
                if itemCount == 0 {
                    throw PatternSyntaxError(message: "empty alternative", offset: offset)
                }
                if itemCount > 1 {
                    wrap(from: alternativeStart, in: .sequence, offset: Int(nodes[alternativeStart].offset))
                }
                alternativeCount += 1
                itemCount = 0
                advanceASCII()
                if byte == closing {
                    if alternativeCount > 1 { wrap(from: groupStart, in: .alternatives, offset: opening) }
                    return
                }
                alternativeStart = nodes.count
            } else if byte == UInt8(ascii: "!") {
                throw PatternSyntaxError(message: "vetoes (!) belong at the top level of a pattern", offset: offset)
            } else {
                try parseItem()
                itemCount += 1
            }
            skipSpaces()
        }
    }

    private mutating func append(_ kind: PatternSyntax.Kind, offset: Int, bytes: Range<Int> = 0..<0, maximum: Int = 0) {
        nodes.append(
            PatternSyntax(
                kind: kind, size: 1, offset: Int32(offset),
                bytes: Int32(bytes.lowerBound)..<Int32(bytes.upperBound), maximum: Int32(maximum)))
    }

    /// Puts a `kind` node in front of the nodes from `start` on, which become its children.
    private mutating func wrap(from start: Int, in kind: PatternSyntax.Kind, offset: Int) {
        nodes.insert(
            PatternSyntax(
                kind: kind, size: Int32(nodes.count - start + 1), offset: Int32(offset), bytes: 0..<0, maximum: 0),
            at: start)
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
