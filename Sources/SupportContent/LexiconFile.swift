import Foundation
import TextNormalization

/// Reads the normalizer's word lists, `locales/<lang>.lexicon.yaml` for English and Vietnamese:
/// language-identification words, abbreviations, protected words, tickers and inflections.
///
/// A missing file leaves that language's lists empty (the normalizer still folds, segments and
/// repairs Telex). Every other problem is an error that names the file, line and column.
public enum LexiconFile {
    /// The languages that have a lexicon file.
    public static let languages: [Language] = [.en, .vi]

    static let keys: Set<String> = [
        "language", "language_words", "abbreviations", "ambiguous_abbreviations", "protected_words", "tickers",
        "inflections",
    ]
    static let languageWordKeys: Set<String> = ["core", "domain", "common", "neutral"]

    /// The file name of a language's lexicon inside `locales/`.
    public static func fileName(for language: Language) -> String { "\(language.rawValue).lexicon.yaml" }

    /// Loads both lexicon files from `localesDirectory`; throws a ``ContentError`` listing every problem.
    public static func load(localesDirectory: URL) throws -> NormalizationLexicon {
        let log = DiagnosticLog()
        let lexicon = load(localesDirectory: localesDirectory, log: log)
        guard !log.hasErrors else { throw ContentError(diagnostics: log.diagnostics) }
        return lexicon
    }

    /// Loads what can be loaded and reports every problem to `log`.
    static func load(localesDirectory: URL, log: DiagnosticLog) -> NormalizationLexicon {
        var lexicon = NormalizationLexicon()
        for language in languages {
            let url = localesDirectory.appendingPathComponent(fileName(for: language))
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let relativePath = "locales/" + fileName(for: language)
            guard let file = YAMLFile.load(url, relativePath: relativePath, log: log) else { continue }
            read(file, language: language, into: &lexicon, log: log)
        }
        return lexicon
    }

    private static func read(
        _ file: YAMLFile, language: Language, into lexicon: inout NormalizationLexicon, log: DiagnosticLog
    ) {
        guard let root = file.mapping(file.root, file.path, log: log) else { return }
        file.rejectUnknownKeys(root, allowed: keys, in: file.path, log: log)
        if let node = root["language"], let declared = file.string(node, "'language'", log: log),
            declared != language.rawValue
        {
            log.error(
                file.location(of: node), "language '\(declared)' does not match the file name",
                sourceLine: file.sourceLine(of: node))
        }
        if let node = root["language_words"], let lists = file.mapping(node, "'language_words'", log: log) {
            file.rejectUnknownKeys(lists, allowed: languageWordKeys, in: "'language_words'", log: log)
            var words = lexicon.languageWords[language] ?? LanguageWords()
            if let core = lists["core"] { words.core.formUnion(foldedList(core, "'core'", file, log)) }
            if let domain = lists["domain"] { words.domain.formUnion(foldedList(domain, "'domain'", file, log)) }
            if let common = lists["common"] { words.common.formUnion(foldedList(common, "'common'", file, log)) }
            if let neutral = lists["neutral"] { words.neutral.formUnion(foldedList(neutral, "'neutral'", file, log)) }
            lexicon.languageWords[language] = words
        }
        if let node = root["protected_words"] {
            lexicon.protectedWords.formUnion(foldedList(node, "'protected_words'", file, log))
        }
        if let node = root["tickers"] {
            lexicon.tickers.formUnion(foldedList(node, "'tickers'", file, log))
        }
        if let node = root["inflections"] {
            for (form, base) in pairs(node, "'inflections'", file, log) {
                lexicon.inflections[form.folded] = base.folded
            }
        }
        var expanded: [String: SourceText] = [:]
        if let node = root["abbreviations"] {
            for (key, expansion) in pairs(node, "'abbreviations'", file, log) {
                if ICUText.segments(of: expansion.source.text).isEmpty {
                    report(expansion.source, "the expansion of '\(key.source.text)' has no words", file, log)
                    continue
                }
                if let first = expanded[key.folded] {
                    report(
                        key.source, "abbreviation '\(key.source.text)' is already defined at \(first.location)", file,
                        log)
                    continue
                }
                expanded[key.folded] = key.source
                lexicon.abbreviations[language, default: [:]][key.folded] = expansion.source.text
            }
        }
        if let node = root["ambiguous_abbreviations"],
            let entries = file.mapping(node, "'ambiguous_abbreviations'", log: log)
        {
            for (keyNode, sensesNode) in entries {
                guard let key = folded(keyNode, "an abbreviation", file, log) else { continue }
                if let first = expanded[key.folded] {
                    report(
                        key.source, "'\(key.source.text)' is both an abbreviation (\(first.location)) and ambiguous",
                        file, log)
                    continue
                }
                let senses = file.texts(sensesNode, "the senses of '\(key.source.text)'", log: log).map(\.text)
                lexicon.ambiguousAbbreviations[language, default: [:]][key.folded] = senses
            }
        }
    }

    // MARK: - Typed reading

    private struct FoldedText {
        var source: SourceText
        /// Case-folded, diacritic-free: the form the normalizer compares.
        var folded: String
    }

    private static func folded(_ node: YAMLNode, _ what: String, _ file: YAMLFile, _ log: DiagnosticLog) -> FoldedText?
    {
        guard let source = file.sourceText(node) else {
            log.error(file.location(of: node), "\(what) must be text", sourceLine: file.sourceLine(of: node))
            return nil
        }
        let folded = trimmingSpaces(ICUText.fold(source.text, strippingMarks: true))
        guard !folded.isEmpty, !ICUText.segments(of: folded).isEmpty else {
            report(source, "'\(source.text)' has no letters or digits", file, log)
            return nil
        }
        return FoldedText(source: source, folded: folded)
    }

    /// `text.trimmingCharacters(in: .whitespaces)`, by bytes when what is left starts and ends
    /// with ASCII: only a non-ASCII character can be other white space or join a space. Foundation's
    /// trimming was a quarter of reading the lexicon files.
    static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        guard utf8[first] < 0x80, utf8[last] < 0x80 else { return text.trimmingCharacters(in: .whitespaces) }
        // Decoded anew, as Foundation's result is: a string that knows it is ASCII compares
        // and hashes on a fast path, and these words are dictionary keys.
        let start = utf8.distance(from: utf8.startIndex, to: first)
        let end = utf8.distance(from: utf8.startIndex, to: last) + 1
        let decoded = utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
        return decoded ?? String(decoding: Array(utf8[first...last]), as: UTF8.self)
    }

    private static func foldedList(_ node: YAMLNode, _ what: String, _ file: YAMLFile, _ log: DiagnosticLog) -> [String]
    {
        guard let items = node.sequence else {
            log.error(file.location(of: node), "\(what) must be a list", sourceLine: file.sourceLine(of: node))
            return []
        }
        return items.compactMap { folded($0, "each of \(what)", file, log)?.folded }
    }

    private static func pairs(
        _ node: YAMLNode, _ what: String, _ file: YAMLFile, _ log: DiagnosticLog
    ) -> [(FoldedText, FoldedText)] {
        guard let mapping = file.mapping(node, what, log: log) else { return [] }
        return mapping.compactMap { key, value in
            guard let key = folded(key, "a key of \(what)", file, log),
                let value = folded(value, "the value of '\(key.source.text)'", file, log)
            else { return nil }
            return (key, value)
        }
    }

    private static func report(_ source: SourceText, _ message: String, _ file: YAMLFile, _ log: DiagnosticLog) {
        log.error(source.location, message, sourceLine: source.sourceLine)
    }
}
