import Foundation
import SupportBot

/// One intent the bench wrote itself, before it becomes YAML.
struct GeneratedIntent: Sendable {
    var id: String
    var route: IntentRoute
    var titles: [Language: String]
    var patterns: [Language: [String]]
    var examples: [Language: [String]]
    var answers: [Language: String]
}

/// Writes generated intents as a content directory (the shipped locales and `bot.yaml` beside
/// them, so every system message exists) and loads it through the real loader.
///
/// Generated patterns can clash with each other (two intents' patterns equal once diacritics
/// are stripped) or use a word the matcher rejects; such patterns are dropped and the
/// directory written again, so the content always loads and the count is reported.
final class GeneratedContent {
    let directory: URL
    private(set) var intents: [GeneratedIntent]
    private(set) var droppedPatterns = 0
    private let intentsPerFile = 500
    /// `intents/<file>` line → (intent, language, pattern) for mapping diagnostics back.
    private var patternLines: [String: [Int: (intent: Int, language: Language, pattern: Int)]] = [:]

    init(intents: [GeneratedIntent], base: URL, name: String) throws {
        self.intents = intents
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportbot-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        let manager = FileManager.default
        try? manager.removeItem(at: directory)
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.copyItem(
            at: base.appendingPathComponent("locales"), to: directory.appendingPathComponent("locales"))
        try writeBotFile(base: base)
        try writeAnswers()
        try writeIntents()
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Loads the directory, dropping the patterns the compiler rejects (at most a few passes).
    func loadRepairing() throws -> SupportEngine {
        var attempt = 0
        while true {
            do {
                return try SupportEngine.load(contentDirectory: directory)
            } catch {
                attempt += 1
                let bad = error.errors.compactMap { diagnostic in
                    patternLines[diagnostic.location.file]?[diagnostic.location.line]
                }
                guard attempt < 5, bad.count == error.errors.count, !bad.isEmpty else { throw error }
                var remove: [Int: [Language: Set<Int>]] = [:]
                for spot in bad { remove[spot.intent, default: [:]][spot.language, default: []].insert(spot.pattern) }
                for (intent, languages) in remove {
                    for (language, numbers) in languages {
                        let kept = intents[intent].patterns[language, default: []].enumerated()
                            .filter { !numbers.contains($0.offset) }.map(\.element)
                        droppedPatterns += intents[intent].patterns[language, default: []].count - kept.count
                        intents[intent].patterns[language] = kept
                    }
                }
                try writeIntents()
            }
        }
    }

    /// Drops the in-memory intents once the directory is final, so they do not count in the
    /// peak memory of the run that loads it.
    func releaseIntents() {
        intents = []
        patternLines = [:]
    }

    private func writeBotFile(base: URL) throws {
        let source = base.appendingPathComponent("bot.yaml")
        let target = directory.appendingPathComponent("bot.yaml")
        if FileManager.default.fileExists(atPath: source.path) {
            try FileManager.default.copyItem(at: source, to: target)
            return
        }
        // No bot.yaml: give every {{placeholder}} the locales use a value of its own name.
        var names = Set<String>()
        let locales = directory.appendingPathComponent("locales")
        for file in try FileManager.default.contentsOfDirectory(atPath: locales.path) {
            let text = (try? String(contentsOf: locales.appendingPathComponent(file), encoding: .utf8)) ?? ""
            var rest = text[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                names.insert(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
                rest = rest[close.upperBound...]
            }
        }
        let lines = ["placeholders:"] + names.sorted().map { "  \($0): \(Self.quoted($0))" }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: target)
    }

    private func writeAnswers() throws {
        for language in BotContent.languages {
            let folder = directory.appendingPathComponent("faq/\(language.rawValue)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for intent in intents {
                let text = intent.answers[language] ?? intent.id
                try Data((text + "\n").utf8).write(to: folder.appendingPathComponent(intent.id + ".md"))
            }
        }
    }

    private func writeIntents() throws {
        let folder = directory.appendingPathComponent("intents")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        patternLines = [:]
        for start in stride(from: 0, to: intents.count, by: intentsPerFile) {
            let name = String(format: "generated-%03d.yaml", start / intentsPerFile)
            var lines = [
                "# Generated by `supportbot bench`: synthetic content for measuring, not for answering.", "intents:",
            ]
            var spots: [Int: (intent: Int, language: Language, pattern: Int)] = [:]
            for number in start..<min(intents.count, start + intentsPerFile) {
                let intent = intents[number]
                lines.append("  - id: \(intent.id)")
                lines.append("    route: \(intent.route.rawValue)")
                if !intent.titles.isEmpty {
                    lines.append("    title:")
                    for language in BotContent.languages {
                        if let title = intent.titles[language] {
                            lines.append("      \(language.rawValue): \(Self.quoted(title))")
                        }
                    }
                }
                lines.append("    patterns:")
                for language in BotContent.languages {
                    let patterns = intent.patterns[language] ?? []
                    guard !patterns.isEmpty else { continue }
                    lines.append("      \(language.rawValue):")
                    for (index, pattern) in patterns.enumerated() {
                        lines.append("        - \(Self.quoted(pattern))")
                        spots[lines.count] = (number, language, index)
                    }
                }
                lines.append("    examples:")
                for language in BotContent.languages {
                    lines.append("      \(language.rawValue):")
                    for example in intent.examples[language] ?? [] {
                        lines.append("        - \(Self.quoted(example))")
                    }
                }
            }
            patternLines["intents/" + name] = spots
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
