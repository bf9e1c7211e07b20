import Foundation
import SupportBot

/// The engine-neutral workload of `../shared/bench/` (`gen-workload.py`): its intents' phrases
/// are compiled as patterns as they are (the phrase syntax is a subset of ours), and every
/// message is scored against its `expected` intent (null: it must not be answered).
enum NeutralWorkload {
    struct File: Decodable {
        struct Intent: Decodable {
            var id: String
            var kind: String?
            var phrases: [String]
            var langs: [String]?
        }

        struct Message: Decodable {
            var text: String
            var expected: String?
        }

        var intents: [Intent]
        var messages: [Message]
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    static func make(file: URL, base: URL, seed: UInt64) throws -> BenchWorkload {
        let decoded: File
        do {
            decoded = try JSONDecoder().decode(File.self, from: Data(contentsOf: file))
        } catch {
            throw FormatError(description: "\(file.path): not a workload file (\(error))")
        }
        var generator = SeededGenerator(seed: seed)
        var intents: [GeneratedIntent] = []
        var skipped = 0
        for intent in decoded.intents {
            var byLanguage: [Language: [Phrase]] = [:]
            for (index, text) in intent.phrases.enumerated() {
                guard let phrase = Phrase.parseSimple(text) else {
                    skipped += 1
                    continue
                }
                let code = intent.langs.flatMap { index < $0.count ? $0[index] : nil }
                let language: Language =
                    code.flatMap(Language.init(rawValue:)) ?? (text.unicodeScalars.contains { !$0.isASCII } ? .vi : .en)
                byLanguage[language == .vi ? .vi : .en, default: []].append(phrase)
            }
            var generated = GeneratedIntent(
                id: intent.id, route: route(intent.kind), titles: [.en: intent.id, .vi: intent.id], patterns: [:],
                examples: [:], answers: [.en: "Answer for \(intent.id).", .vi: "Trả lời cho \(intent.id)."])
            let all = byLanguage.values.flatMap { $0 }
            for language in BotContent.languages {
                let phrases = byLanguage[language] ?? []
                generated.patterns[language] = phrases.map(\.patternText)
                let sources = phrases.isEmpty ? all : phrases
                generated.examples[language] = (0..<ContentLoader.minimumExamples).map { _ in
                    sources.isEmpty
                        ? intent.id
                        : generator.pick(sources).realise(
                            concepts: [:], fillers: [], using: &generator)
                }
            }
            intents.append(generated)
        }
        let name = file.deletingPathExtension().lastPathComponent.lowercased()
        let content = try GeneratedContent(intents: intents, base: base, name: name)
        let messages = decoded.messages.map {
            BenchMessage(text: $0.text, isLabelled: true, expectedIntent: $0.expected)
        }
        let note = skipped > 0 ? "; \(skipped) phrases outside the shared syntax skipped" : ""
        return BenchWorkload(
            name: name, title: name, directory: content.directory, messages: messages,
            messageSource: "\(file.lastPathComponent): \(Figures.grouped(messages.count)) labelled messages\(note)",
            generated: content, isNeutral: true)
    }

    static func route(_ kind: String?) -> IntentRoute {
        switch kind {
        case "security": .security
        case "escalate": .escalate
        default: .answer
        }
    }
}
