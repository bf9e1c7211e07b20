/// Parses the pattern language (README, "The pattern language") into ``ParsedPattern``.
///
/// Offsets count Unicode scalars, as YAML columns do, so errors point at the right column.
struct PatternParser {
    /// The widest gap a pattern may ask for; a wider one would let any two words match.
    static let maximumGap = 8
    static let defaultGap = 4
    static let maximumDepth = 16

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var depth = 0

    private init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    static func parse(_ text: String) throws(PatternSyntaxError) -> ParsedPattern {
        var parser = PatternParser(text)
        return try parser.parsePattern()
    }

    private static let specials: Set<Unicode.Scalar> = ["(", ")", "[", "]", "{", "}", "|", "*", "~", "!"]

    private mutating func parsePattern() throws(PatternSyntaxError) -> ParsedPattern {
        var items: [PatternSyntax] = []
        var vetoes: [PatternSyntax] = []
        var shape = ParsedPattern.Shape.sequence
        var sawSet = false
        skipSpaces()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "!" {
                position += 1
                guard position < scalars.count, !scalars[position].properties.isWhitespace else {
                    throw PatternSyntaxError(
                        message: "'!' must be followed by a word, a (group) or a ~concept", offset: position - 1)
                }
                vetoes.append(try parseItem())
            } else if scalar == "{" {
                if sawSet || !items.isEmpty {
                    throw PatternSyntaxError(
                        message: "an unordered set {...} must be the whole pattern (vetoes may follow it)",
                        offset: position)
                }
                sawSet = true
                shape = .unordered
                let opening = position
                position += 1
                items = try parseItems(until: "}", opening: opening)
                if items.isEmpty {
                    throw PatternSyntaxError(message: "empty set {}", offset: opening)
                }
                if items.contains(where: { if case .gap = $0 { return true } else { return false } }) {
                    throw PatternSyntaxError(
                        message: "a gap '*' means nothing inside an unordered set", offset: opening)
                }
            } else if sawSet {
                throw PatternSyntaxError(
                    message: "only vetoes (!word) may follow an unordered set {...}", offset: position)
            } else {
                items.append(try parseItem())
            }
            skipSpaces()
        }
        let required = items.filter { !$0.isOptionalOrGap }
        if required.isEmpty {
            throw PatternSyntaxError(
                message: items.isEmpty ? "empty pattern" : "pattern has no required word (everything is optional)",
                offset: 0)
        }
        if case .gap = items.first {
            throw PatternSyntaxError(message: "a pattern cannot start with a gap '*'", offset: 0)
        }
        if case .gap = items.last {
            throw PatternSyntaxError(message: "a pattern cannot end with a gap '*'", offset: scalars.count - 1)
        }
        return ParsedPattern(shape: shape, items: items, vetoes: vetoes)
    }

    /// Items up to the closing `terminator`, which is consumed.
    private mutating func parseItems(until terminator: Unicode.Scalar, opening: Int) throws(PatternSyntaxError)
        -> [PatternSyntax]
    {
        var items: [PatternSyntax] = []
        skipSpaces()
        while position < scalars.count, scalars[position] != terminator {
            if scalars[position] == "|" || scalars[position] == "!" {
                throw PatternSyntaxError(message: "unexpected '\(scalars[position])'", offset: position)
            }
            items.append(try parseItem())
            skipSpaces()
        }
        guard position < scalars.count else {
            throw PatternSyntaxError(message: "'\(scalars[opening])' is never closed", offset: opening)
        }
        position += 1
        return items
    }

    private mutating func parseItem() throws(PatternSyntaxError) -> PatternSyntax {
        let scalar = scalars[position]
        let start = position
        switch scalar {
        case "(", "[":
            depth += 1
            defer { depth -= 1 }
            if depth > Self.maximumDepth {
                throw PatternSyntaxError(message: "groups nested too deeply", offset: start)
            }
            position += 1
            let closing: Unicode.Scalar = scalar == "(" ? ")" : "]"
            let alternatives = try parseAlternatives(closing: closing, opening: start)
            let group: PatternSyntax = alternatives.count == 1 ? alternatives[0] : .alternatives(alternatives)
            return scalar == "(" ? group : .optional(group)
        case "*":
            position += 1
            var digits = ""
            while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                digits.unicodeScalars.append(scalars[position])
                position += 1
            }
            let maximum = digits.isEmpty ? Self.defaultGap : Int(digits) ?? Int.max
            guard maximum >= 1, maximum <= Self.maximumGap else {
                throw PatternSyntaxError(message: "a gap may span 1 to \(Self.maximumGap) words", offset: start)
            }
            return .gap(maximum: maximum)
        case "~":
            position += 1
            var name = ""
            while position < scalars.count, Self.isNameScalar(scalars[position]) {
                name.unicodeScalars.append(scalars[position])
                position += 1
            }
            guard !name.isEmpty else {
                throw PatternSyntaxError(message: "'~' must be followed by a concept name", offset: start)
            }
            return .concept(name, offset: start)
        case ")", "]", "}", "|":
            throw PatternSyntaxError(message: "unexpected '\(scalar)'", offset: start)
        case "{":
            throw PatternSyntaxError(message: "an unordered set {...} must be the whole pattern", offset: start)
        default:
            var word = ""
            while position < scalars.count, !scalars[position].properties.isWhitespace,
                !Self.specials.contains(scalars[position])
            {
                word.unicodeScalars.append(scalars[position])
                position += 1
            }
            return .word(word, offset: start)
        }
    }

    private mutating func parseAlternatives(closing: Unicode.Scalar, opening: Int) throws(PatternSyntaxError)
        -> [PatternSyntax]
    {
        var alternatives: [PatternSyntax] = []
        var current: [PatternSyntax] = []
        skipSpaces()
        while true {
            guard position < scalars.count else {
                throw PatternSyntaxError(message: "'\(scalars[opening])' is never closed", offset: opening)
            }
            let scalar = scalars[position]
            if scalar == "|" || scalar == closing {
                if current.isEmpty {
                    throw PatternSyntaxError(message: "empty alternative", offset: position)
                }
                alternatives.append(current.count == 1 ? current[0] : .sequence(current))
                current = []
                position += 1
                if scalar == closing { return alternatives }
            } else if scalar == "!" {
                throw PatternSyntaxError(message: "vetoes (!) belong at the top level of a pattern", offset: position)
            } else {
                current.append(try parseItem())
            }
            skipSpaces()
        }
    }

    private mutating func skipSpaces() {
        while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
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
