import SupportBot

/// The words users typed in failing turns that no pattern or concept of the content uses: a list
/// for authors of what the content does not know yet.
///
/// Words are compared after normalization (the matcher's diacritic-free words), without stop
/// words, numbers and one-letter words. An English word counts as known when, without a common
/// ending or two (`s`, `es`, `ed`, `ing`, `er`, `al`, `ly`), it equals a content word without one: the
/// list is a guide, not the matcher's exact view (which also forgives typos).
public struct UnmatchedWords: Sendable {
    public struct Word: Sendable, Hashable {
        public var word: String
        /// Failing turns that hold the word (each counted once).
        public var turns: Int
        /// The first failing turn that holds it.
        public var example: String
    }

    /// Most frequent first, then alphabetical.
    public let words: [Word]
    /// How many failing turns were read.
    public let failingTurns: Int

    public init(report: ReplayReport, content: BotContent, limit: Int = 40) {
        let normalizer = TextNormalizer(lexicon: content.lexicon)
        var known: Set<String> = []
        var stopWords: Set<String> = []
        func learn(_ text: String) {
            let cleaned = String(text.map { "()[]{}|*~!".contains($0) ? " " : $0 })
            for word in normalizer.normalize(cleaned).plainWords { known.insert(Self.key(String(word))) }
        }
        for intent in content.intents {
            for patterns in intent.patterns.values { patterns.forEach { learn($0.text) } }
        }
        for locale in content.locales.values {
            for forms in locale.concepts.values { forms.forEach { learn($0.text) } }
            for list in [locale.yesWords, locale.noWords, locale.frustration] { list.forEach { learn($0.text) } }
            for names in locale.languageNames.values { names.forEach { learn($0.text) } }
            stopWords.formUnion(locale.stopWords)
        }
        var counts: [String: Int] = [:]
        var examples: [String: String] = [:]
        for failure in report.failures {
            var seen: Set<String> = []
            for word in normalizer.normalize(failure.turn.reportedMessage).plainWords {
                let word = String(word)
                guard word.count > 1, !word.allSatisfy(\.isNumber), !stopWords.contains(word),
                    !known.contains(Self.key(word)), seen.insert(word).inserted
                else { continue }
                counts[word, default: 0] += 1
                if examples[word] == nil { examples[word] = failure.turn.location }
            }
        }
        words = counts.map { Word(word: $0.key, turns: $0.value, example: examples[$0.key]!) }
            .sorted { ($1.turns, $0.word) < ($0.turns, $1.word) }
            .prefix(limit).map { $0 }
        failingTurns = report.failures.count
    }

    /// The word without a common English ending, when enough of it is left.
    /// Two endings at most: `withdrawals` -> `withdrawal` -> `withdraw`.
    static func key(_ word: String) -> String {
        var word = word
        for _ in 0..<2 {
            guard
                let suffix = ["ing", "es", "ed", "er", "al", "ly", "s"].first(where: {
                    word.hasSuffix($0) && word.count - $0.count >= 3
                })
            else { break }
            word.removeLast(suffix.count)
        }
        return word
    }

    /// The section of the text report, ending with a newline.
    public func renderText() -> String {
        var out = ["Words of failing turns that no pattern uses (\(failingTurns) failing turns)"]
        if words.isEmpty { out.append("  (none)") }
        for word in words {
            out.append("  " + lpad(String(word.turns), 6) + "  " + pad(word.word, 20) + "e.g. " + word.example)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The `unmatched_words` member of the `--json` object.
    public func jsonValue() -> JSONValue {
        .array(
            words.map {
                .object(["word": .string($0.word), "turns": .int($0.turns), "example": .string($0.example)])
            })
    }
}
