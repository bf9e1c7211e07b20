import Foundation
import SupportBot

/// Synthetic content of any size, generated from a seed so that every machine measures the same
/// thing: each intent has 3 to 5 patterns per language of 2 to 6 words drawn from a vocabulary of
/// a few thousand words (frequent words shared by many intents, as in real content), with
/// alternatives, optional words, gaps, the shipped concepts, unordered sets and vetoes; and
/// messages that are 70% paraphrases of a pattern (greetings, politeness, case, punctuation,
/// Vietnamese without diacritics) and 30% out of scope (off-topic chatter and near misses).
enum SyntheticWorkload {
    static let vocabularySize = 3_000

    static func make(size: Int, base: URL, distinctMessages: Int, seed: UInt64) throws -> BenchWorkload {
        var vocabularyGenerator = SeededGenerator(seed: seed)
        let vocabulary = SyntheticVocabulary(size: vocabularySize, generator: &vocabularyGenerator)
        var generator = SeededGenerator(seed: seed &+ UInt64(size) &* 0x9E37_79B9)
        let concepts = plainConcepts(base)
        let builder = Builder(vocabulary: vocabulary, concepts: concepts)

        var intents: [GeneratedIntent] = []
        var phrases: [[SyntheticLanguage: [Phrase]]] = []
        intents.reserveCapacity(size)
        for number in 0..<size {
            let id = String(format: "synthetic.i%05d", number)
            let roll = Double.random(in: 0..<1, using: &generator)
            let route: IntentRoute = roll < 0.85 ? .answer : roll < 0.93 ? .escalate : .security
            var intentPhrases: [SyntheticLanguage: [Phrase]] = [:]
            var intent = GeneratedIntent(
                id: id, route: route, titles: [.en: "synthetic topic \(number)", .vi: "chủ đề thử \(number)"],
                patterns: [:], examples: [:],
                answers: [
                    .en: "The synthetic answer for topic \(number). It tells the user what to do in a few sentences, "
                        + "as a real answer would, and says where to find more help.",
                    .vi: "Câu trả lời thử cho chủ đề \(number). Nó cho người dùng biết cần làm gì trong vài câu, "
                        + "như một câu trả lời thật, và chỉ chỗ tìm thêm trợ giúp.",
                ])
            for language in SyntheticLanguage.allCases {
                let words = vocabulary.words(language)
                let signature = words[Int.random(in: 30..<words.count, using: &generator)]
                var made: [Phrase] = []
                var texts = Set<String>()
                let count = Int.random(in: 3...5, using: &generator)
                for _ in 0..<(count * 4) where made.count < count {
                    let phrase = builder.phrase(language, signature: signature, using: &generator)
                    if texts.insert(phrase.patternText).inserted { made.append(phrase) }
                }
                intentPhrases[language] = made
                let target = language == .en ? Language.en : Language.vi
                intent.patterns[target] = made.map(\.patternText)
                intent.examples[target] = (0..<5).map { _ in
                    builder.realise(generator.pick(made), language, using: &generator)
                }
            }
            intents.append(intent)
            phrases.append(intentPhrases)
        }

        let content = try GeneratedContent(intents: intents, base: base, name: "synthetic-\(size)")
        var messages: [BenchMessage] = []
        messages.reserveCapacity(distinctMessages)
        for _ in 0..<distinctMessages {
            let language: SyntheticLanguage = generator.chance(0.5) ? .en : .vi
            if generator.chance(0.7) {
                let number = Int.random(in: 0..<size, using: &generator)
                guard let options = phrases[number][language], !options.isEmpty else { continue }
                let text = builder.realise(generator.pick(options), language, using: &generator)
                messages.append(
                    BenchMessage(
                        text: builder.disguise(text, language, using: &generator), isLabelled: true,
                        expectedIntent: intents[number].id))
            } else {
                messages.append(
                    BenchMessage(
                        text: builder.outOfScope(language, using: &generator), isLabelled: true, expectedIntent: nil))
            }
        }
        return BenchWorkload(
            name: "synthetic_\(size)", title: "synthetic \(Figures.grouped(size))",
            directory: content.directory, messages: messages,
            messageSource: "generated: 70% paraphrases, 30% out of scope", generated: content, syntheticSize: size)
    }

    /// The shipped concepts whose forms in a language are plain words, alternatives and optional
    /// words: those a paraphrase can spell out.
    static func plainConcepts(_ base: URL) -> [SyntheticLanguage: [String: [Phrase]]] {
        let (content, _) = ContentLoader.diagnose(base)
        var result: [SyntheticLanguage: [String: [Phrase]]] = [:]
        for language in SyntheticLanguage.allCases {
            let key: Language = language == .en ? .en : .vi
            for (name, forms) in content?.locales[key]?.concepts ?? [:] {
                let parsed = forms.compactMap { Phrase.parseSimple($0.text) }
                if !parsed.isEmpty, parsed.count == forms.count { result[language, default: [:]][name] = parsed }
            }
        }
        return result
    }

    /// Draws phrases and messages from the vocabulary.
    struct Builder {
        let vocabulary: SyntheticVocabulary
        let concepts: [SyntheticLanguage: [String: [Phrase]]]
        let conceptNames: [SyntheticLanguage: [String]]
        let distributions: [SyntheticLanguage: ZipfDistribution]

        init(vocabulary: SyntheticVocabulary, concepts: [SyntheticLanguage: [String: [Phrase]]]) {
            self.vocabulary = vocabulary
            self.concepts = concepts
            conceptNames = concepts.mapValues { $0.keys.sorted() }
            var distributions: [SyntheticLanguage: ZipfDistribution] = [:]
            for language in SyntheticLanguage.allCases {
                distributions[language] = ZipfDistribution(count: vocabulary.words(language).count)
            }
            self.distributions = distributions
        }

        func word(_ language: SyntheticLanguage, using generator: inout SeededGenerator) -> String {
            vocabulary.words(language)[distributions[language]!.sample(using: &generator)]
        }

        func phrase(
            _ language: SyntheticLanguage, signature: String, using generator: inout SeededGenerator
        ) -> Phrase {
            let unordered = generator.chance(0.2)
            let length = unordered ? Int.random(in: 2...3, using: &generator) : Int.random(in: 2...6, using: &generator)
            var used: Set<String> = [signature]
            var items: [Phrase.Item] = []
            while items.count < length - 1 {
                let next = word(language, using: &generator)
                if used.insert(next).inserted { items.append(.words(next)) }
            }
            var required = items.count + 1
            let names = conceptNames[language] ?? []
            for index in items.indices {
                guard case .words(let text) = items[index] else { continue }
                let roll = Double.random(in: 0..<1, using: &generator)
                if roll < 0.12 {
                    let other = word(language, using: &generator)
                    if used.insert(other).inserted { items[index] = .alternatives([text, other]) }
                } else if roll < 0.20, !unordered, required > 2 {
                    items[index] = .optional([text])
                    required -= 1
                } else if roll < 0.30, !names.isEmpty {
                    items[index] = .concept(generator.pick(names))
                }
            }
            items.insert(.words(signature), at: Int.random(in: 0...items.count, using: &generator))
            if !unordered, items.count >= 3, generator.chance(0.08) {
                items.insert(.gap, at: Int.random(in: 1..<items.count, using: &generator))
            }
            var phrase = Phrase(shape: unordered ? .unordered : .sequence, items: items)
            if generator.chance(0.05) {
                let veto = word(language, using: &generator)
                if !used.contains(veto), !veto.contains(" ") { phrase.veto = veto }
            }
            return phrase
        }

        func realise(_ phrase: Phrase, _ language: SyntheticLanguage, using generator: inout SeededGenerator) -> String
        {
            let fillers = language == .en ? ["really", "the", "this", "some"] : ["cái", "này", "đó", "giúp"]
            return phrase.realise(concepts: concepts[language] ?? [:], fillers: fillers, using: &generator)
        }

        /// The way people type: a greeting or politeness around it, case, punctuation, an emoji,
        /// and Vietnamese often without diacritics.
        func disguise(_ text: String, _ language: SyntheticLanguage, using generator: inout SeededGenerator) -> String {
            let prefixes =
                language == .en
                ? ["hi", "hello", "hey there", "please", "can you help"]
                : ["ad ơi", "cho mình hỏi", "chào bạn", "shop ơi", "làm ơn"]
            let suffixes =
                language == .en ? ["please", "thanks", "asap", "right now"] : ["với", "nhé", "giúp mình", "ạ"]
            var message = text
            if generator.chance(0.4) { message = generator.pick(prefixes) + " " + message }
            if generator.chance(0.3) { message += " " + generator.pick(suffixes) }
            if language == .vi, generator.chance(0.2) { message = ICUText.fold(message, strippingMarks: true) }
            if generator.chance(0.1) { message = message.prefix(1).uppercased() + message.dropFirst() }
            if generator.chance(0.25) { message += generator.pick(["?", "??", "!!", "."]) }
            if generator.chance(0.03) { message += " 🙏" }
            return message
        }

        /// Off-topic chatter, half of it with one word of the domain in it.
        func outOfScope(_ language: SyntheticLanguage, using generator: inout SeededGenerator) -> String {
            let pool = vocabulary.offTopic(language)
            var words = (0..<Int.random(in: 3...8, using: &generator)).map { _ in generator.pick(pool) }
            if generator.chance(0.5) {
                words.insert(word(language, using: &generator), at: Int.random(in: 0...words.count, using: &generator))
            }
            return disguise(words.joined(separator: " "), language, using: &generator)
        }
    }
}
