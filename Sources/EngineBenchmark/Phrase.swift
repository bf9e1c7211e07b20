/// A pattern in the subset of the pattern language that synthetic content and the neutral
/// workload use, kept as structure so messages can be written that it matches.
struct Phrase: Sendable, Hashable {
    enum Shape: Sendable, Hashable {
        case sequence
        /// `{a b c}`: every item somewhere in the message.
        case unordered
    }

    enum Item: Sendable, Hashable {
        /// One word, or several written as one item (`tài khoản`).
        case words(String)
        /// `(a|b c)`.
        case alternatives([String])
        /// `[a]` or `[a|b]`.
        case optional([String])
        /// `*`: a gap of up to 4 words.
        case gap
        /// `~name`.
        case concept(String)
    }

    var shape: Shape = .sequence
    var items: [Item]
    /// `!word`: the phrase does not match a message that holds it.
    var veto: String?

    /// The phrase in the pattern language of the README.
    var patternText: String {
        let body = items.map { item -> String in
            switch item {
            case .words(let text): return text
            case .alternatives(let texts): return "(" + texts.joined(separator: "|") + ")"
            case .optional(let texts): return "[" + texts.joined(separator: "|") + "]"
            case .gap: return "*"
            case .concept(let name): return "~" + name
            }
        }.joined(separator: " ")
        let core = shape == .unordered ? "{" + body + "}" : body
        return veto.map { core + " !" + $0 } ?? core
    }

    /// Parses the neutral workload's phrase syntax: words, `(a|b c)` and `[x y]`, no nesting.
    /// Returns nil for anything else (`~`, `*`, `{`, `!` or unbalanced brackets), which the caller
    /// drops rather than compiling something the phrase did not say.
    static func parseSimple(_ text: String) -> Phrase? {
        var items: [Item] = []
        var rest = Substring(text)
        while let first = rest.first {
            if first == " " {
                rest = rest.dropFirst()
                continue
            }
            if first == "(" || first == "[" {
                let closing: Character = first == "(" ? ")" : "]"
                guard let end = rest.firstIndex(of: closing) else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<end]
                guard !inside.contains(where: { "()[]".contains($0) }) else { return nil }
                let choices = inside.split(separator: "|").map { $0.split(separator: " ").joined(separator: " ") }
                guard !choices.isEmpty, choices.allSatisfy({ !$0.isEmpty }) else { return nil }
                items.append(first == "(" ? .alternatives(choices) : .optional(choices))
                rest = rest[rest.index(after: end)...]
                continue
            }
            let end = rest.firstIndex(where: { $0 == " " || $0 == "(" || $0 == "[" }) ?? rest.endIndex
            let word = String(rest[..<end])
            guard !word.contains(where: { "~!*{}|)]\"\\".contains($0) }) else { return nil }
            items.append(.words(word))
            rest = rest[end...]
        }
        return items.contains(where: { if case .optional = $0 { false } else { true } }) ? Phrase(items: items) : nil
    }

    /// A message this phrase matches: one alternative each, optional words kept half the time,
    /// a word or two in gaps, concepts as one of their plain forms, set items in any order.
    func realise(
        concepts: [String: [Phrase]], fillers: [String], using generator: inout SeededGenerator
    ) -> String {
        var ordered = items
        if shape == .unordered { ordered.shuffle(using: &generator) }
        var words: [String] = []
        for item in ordered {
            switch item {
            case .words(let text): words.append(text)
            case .alternatives(let texts): words.append(generator.pick(texts))
            case .optional(let texts): if generator.chance(0.5) { words.append(generator.pick(texts)) }
            case .gap:
                for _ in 0..<Int.random(in: 0...2, using: &generator) { words.append(generator.pick(fillers)) }
            case .concept(let name):
                if let forms = concepts[name], !forms.isEmpty {
                    words.append(generator.pick(forms).realise(concepts: [:], fillers: fillers, using: &generator))
                }
            }
        }
        return words.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
