import Foundation
import TextNormalization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads `bot.yaml`, `intents/`, `faq/` and `locales/` from a content directory and checks their
/// structure. Loading is all or nothing: any error means no content, and every error is reported.
///
/// Pattern-level checks (syntax, concepts, examples that route elsewhere) need the matcher and
/// are done by the content compiler on top of this.
public enum ContentLoader {
    /// The least number of examples an intent needs per language.
    public static let minimumExamples = 5

    /// Empty dictionaries with room for every language, which per-language dictionaries start as
    /// copies of. `Dictionary(minimumCapacity:)` is generic code that looked up its storage's
    /// type each time, for 30,000 dictionaries at 10,000 intents; copying an empty one (on its
    /// first insertion) allocates the same room without that.
    private static let noTexts: [Language: [SourceText]] = Dictionary(minimumCapacity: BotContent.languages.count)
    private static let noStrings: [Language: String] = Dictionary(minimumCapacity: BotContent.languages.count)

    public static func load(from directory: URL) throws(ContentError) -> BotContent {
        let log = DiagnosticLog()
        let content = load(from: directory, log: log)
        guard let content, !log.hasErrors else { throw ContentError(diagnostics: log.diagnostics) }
        return content
    }

    /// Loads what can be loaded and reports every problem to `log`, warnings included.
    static func load(from directory: URL, log: DiagnosticLog) -> BotContent? {
        let placeholders = loadPlaceholders(directory, log: log)
        var locales: [Language: LocaleDefinition] = [:]
        for language in BotContent.languages {
            if let locale = loadLocale(language, directory, log: log) { locales[language] = locale }
        }
        let (intents, positions) = loadIntents(directory, log: log)
        let answers = loadAnswers(
            directory, intents: intents, positions: positions, placeholders: placeholders, log: log)
        var lexicon = NormalizationLexicon()
        do {
            lexicon = try LexiconFile.load(localesDirectory: directory.appendingPathComponent("locales"))
        } catch {
            log.error(SourceLocation(file: "locales"), "\(error)")
        }
        // In a fixed order, so that problems are reported in the same order on every run.
        for language in BotContent.languages {
            guard let locale = locales[language] else { continue }
            for (key, text) in locale.messages.sorted(by: { $0.key < $1.key }) {
                locales[language]?.messages[key] = fill(
                    text, placeholders, file: locale.location.file, line: 0, log: log)
            }
        }
        return BotContent(
            intents: intents, intentPositions: positions, answers: answers, locales: locales, lexicon: lexicon,
            placeholders: placeholders, directory: directory)
    }

    /// Reports every problem, warnings included, without throwing.
    public static func diagnose(_ directory: URL) -> (BotContent?, [ContentDiagnostic]) {
        let log = DiagnosticLog()
        let content = load(from: directory, log: log)
        return (log.hasErrors ? nil : content, log.diagnostics)
    }

    // MARK: - bot.yaml

    private static func loadPlaceholders(_ directory: URL, log: DiagnosticLog) -> [String: String] {
        let url = directory.appendingPathComponent("bot.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        guard let file = YAMLFile.load(url, relativePath: "bot.yaml", log: log),
            let root = file.mapping(file.root, "bot.yaml", log: log)
        else { return [:] }
        file.rejectUnknownKeys(root, allowed: ["placeholders"], in: "bot.yaml", log: log)
        guard let node = root["placeholders"], let values = file.mapping(node, "'placeholders'", log: log) else {
            return [:]
        }
        var placeholders: [String: String] = [:]
        for (key, value) in values {
            guard let name = file.string(key, "a placeholder name", log: log),
                let text = file.string(value, "the value of '\(name)'", log: log)
            else { continue }
            placeholders[name] = text
        }
        return placeholders
    }

    // MARK: - locales/

    private static let localeKeys: Set<String> = [
        "language", "name", "messages", "stop_words", "yes_words", "no_words", "frustration", "concepts",
        "language_names",
    ]

    private static func loadLocale(_ language: Language, _ directory: URL, log: DiagnosticLog) -> LocaleDefinition? {
        let relativePath = "locales/\(language.rawValue).yaml"
        let url = directory.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            log.error(SourceLocation(file: relativePath), "missing locale file for '\(language.rawValue)'")
            return nil
        }
        guard let file = YAMLFile.load(url, relativePath: relativePath, log: log),
            let root = file.mapping(file.root, relativePath, log: log)
        else { return nil }
        file.rejectUnknownKeys(root, allowed: localeKeys, in: relativePath, log: log)
        var locale = LocaleDefinition(language: language, location: file.location(of: file.root))
        if let node = root["language"], let declared = file.string(node, "'language'", log: log),
            declared != language.rawValue
        {
            log.error(
                file.location(of: node), "language '\(declared)' does not match the file name",
                sourceLine: file.sourceLine(of: node))
        }
        if let node = root["messages"], let messages = file.mapping(node, "'messages'", log: log) {
            flatten(messages, prefix: "", into: &locale.messages, file: file, log: log)
        }
        for key in SystemMessage.allCases.map(\.rawValue) + EscalationReason.allCases.map(\.messageKey)
        where locale.messages[key] == nil {
            log.error(
                SourceLocation(file: relativePath, line: root["messages"]?.line ?? 0, column: 1),
                "missing system message '\(key)' under 'messages'")
        }
        if let node = root["stop_words"] {
            locale.stopWords = Set(
                file.texts(node, "'stop_words'", log: log).map { ICUText.fold($0.text, strippingMarks: true) })
        }
        if let node = root["yes_words"] { locale.yesWords = file.texts(node, "'yes_words'", log: log) }
        if let node = root["no_words"] { locale.noWords = file.texts(node, "'no_words'", log: log) }
        if let node = root["frustration"] { locale.frustration = file.texts(node, "'frustration'", log: log) }
        if let node = root["language_names"] {
            locale.languageNames = perLanguage(node, "'language_names'", file: file, log: log)
        }
        if let node = root["concepts"], let concepts = file.mapping(node, "'concepts'", log: log) {
            for (key, value) in concepts {
                guard let name = file.string(key, "a concept name", log: log) else { continue }
                if !isValidName(name) {
                    log.error(
                        file.location(of: key),
                        "concept name '\(name)' may use only lower-case letters, digits, '_' and '.'",
                        sourceLine: file.sourceLine(of: key))
                }
                locale.concepts[name] = file.texts(value, "the forms of concept '\(name)'", log: log)
            }
        }
        return locale
    }

    private static func flatten(
        _ mapping: YAMLMapping, prefix: String, into messages: inout [String: String], file: YAMLFile,
        log: DiagnosticLog
    ) {
        for (key, value) in mapping {
            guard let name = file.string(key, "a message key", log: log) else { continue }
            if let nested = value.mapping {
                flatten(nested, prefix: prefix + name + ".", into: &messages, file: file, log: log)
            } else if let text = file.string(value, "message '\(prefix + name)'", log: log) {
                messages[prefix + name] = text
            }
        }
    }

    // MARK: - intents/

    private static let intentKeys = [
        "id", "route", "escalate", "priority", "title", "patterns", "examples", "description", "ask_satisfaction",
    ]
    private static let intentSchema = YAMLFields.Schema(intentKeys)

    /// The positions of `intentKeys`.
    private enum IntentKey: Int {
        case id, route, escalate, priority, title, patterns, examples, description, askSatisfaction
    }

    /// The intents, and the position of each by its id: the one dictionary of ids that
    /// duplicates are found with, answers are matched to and the content looks intents up by
    /// (three were built, a fiftieth of loading 10,000 intents).
    private static func loadIntents(_ directory: URL, log: DiagnosticLog) -> ([IntentDefinition], [String: Int]) {
        let folder = directory.appendingPathComponent("intents")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        if files.isEmpty {
            log.error(SourceLocation(file: "intents"), "no intent files (intents/*.yaml)")
        }
        var intents: [IntentDefinition] = []
        var positions: [String: Int] = [:]
        for name in files {
            let relativePath = "intents/\(name)"
            guard let file = YAMLFile.load(folder.appendingPathComponent(name), relativePath: relativePath, log: log),
                let root = file.mapping(file.root, relativePath, log: log)
            else { continue }
            file.rejectUnknownKeys(root, allowed: ["intents"], in: relativePath, log: log)
            guard let list = root["intents"] else {
                log.error(file.location(of: file.root), "missing 'intents:' list")
                continue
            }
            guard let items = file.sequence(list, "'intents'", log: log) else { continue }
            for node in items {
                guard let intent = loadIntent(node, file: file, log: log) else { continue }
                // One lookup for a new id (a lookup then an insertion before); a duplicate puts
                // the first definition back.
                if let first = positions.updateValue(intents.count, forKey: intent.id) {
                    positions[intent.id] = first
                    log.error(
                        intent.location,
                        "duplicate intent id '\(intent.id)' (first defined at \(intents[first].location))",
                        sourceLine: file.sourceLine(of: node["id"] ?? node))
                    continue
                }
                intents.append(intent)
            }
        }
        // Without the room that growing by doubling left: the loaded content keeps this array.
        return (Array(intents[...]), positions)
    }

    private static func loadIntent(_ node: YAMLNode, file: YAMLFile, log: DiagnosticLog) -> IntentDefinition? {
        guard let intentMapping = file.mapping(node, "an intent", log: log) else { return nil }
        let fields = YAMLFields(intentMapping, schema: intentSchema)
        let field = { (key: IntentKey) in fields[key.rawValue] }
        guard let idNode = field(.id), let id = file.string(idNode, "'id'", log: log) else {
            log.error(file.location(of: node), "intent has no 'id'", sourceLine: file.sourceLine(of: node))
            return nil
        }
        file.rejectUnknownKeys(fields, allowed: intentKeys, in: "intent '\(id)'", log: log)
        if !isValidName(id) {
            log.error(
                file.location(of: idNode), "intent id '\(id)' may use only lower-case letters, digits, '_' and '.'",
                sourceLine: file.sourceLine(of: idNode))
        }
        var route = IntentRoute.answer
        // A known route compared by bytes; a string only for a message.
        let knownRoute = field(.route).flatMap { node in
            IntentRoute.allCases.first { node.kind == .scalar && node.tree.hasText(node.index, equalTo: $0.rawValue) }
        }
        if let knownRoute {
            route = knownRoute
        } else if let routeNode = field(.route), let name = file.string(routeNode, "'route'", log: log) {
            let choices = IntentRoute.allCases.map(\.rawValue).joined(separator: ", ")
            log.error(
                file.location(of: routeNode), "unknown route '\(name)' (expected one of: \(choices))",
                sourceLine: file.sourceLine(of: routeNode))
        } else if field(.route) == nil {
            log.error(
                file.location(of: idNode), "intent '\(id)' has no 'route'", sourceLine: file.sourceLine(of: idNode))
        }
        var intent = IntentDefinition(id: id, route: route, location: file.location(of: idNode))
        if let escalate = field(.escalate) {
            if let value = escalate.bool {
                intent.escalates = value
            } else {
                log.error(
                    file.location(of: escalate), "'escalate' must be true or false",
                    sourceLine: file.sourceLine(of: escalate))
            }
        }
        if let ask = field(.askSatisfaction) {
            if let value = ask.bool {
                intent.asksSatisfaction = value
            } else {
                log.error(
                    file.location(of: ask), "'ask_satisfaction' must be true or false",
                    sourceLine: file.sourceLine(of: ask))
            }
        }
        if let priority = field(.priority) {
            if let value = priority.int {
                intent.priority = value
            } else {
                log.error(
                    file.location(of: priority), "'priority' must be a whole number",
                    sourceLine: file.sourceLine(of: priority))
            }
        }
        if let titles = field(.title) {
            let count = titles.mapping?.count ?? 0
            var byLanguage = count == BotContent.languages.count ? noStrings : Dictionary(minimumCapacity: count)
            forEachLanguage(titles, "'title'", file: file, log: log) { language, what, value in
                // A language's title is its first text; the last list wins, as with patterns.
                byLanguage[language] = file.firstText(value, what(), log: log)
            }
            intent.titles = byLanguage
        }
        if let patterns = field(.patterns) {
            intent.patterns = perLanguage(patterns, "'patterns'", file: file, log: log)
        }
        if let node = field(.examples) {
            // Packed from the file's bytes: examples are kept packed, and a string for each on
            // the way was a fifth of loading.
            // Problems are reported in file order first; the lists are then packed by language.
            var lists: [(language: Language, node: YAMLNode)] = []
            lists.reserveCapacity(BotContent.languages.count)
            forEachLanguage(node, "'examples'", file: file, log: log) { language, what, value in
                file.checkTexts(value, what(), log: log)
                // The last list of a language written twice, as a dictionary would keep.
                if let earlier = lists.firstIndex(where: { $0.language == language }) {
                    lists[earlier].node = value
                } else {
                    lists.append((language, value))
                }
            }
            intent.packedExamples = file.packedTexts(lists)
        }
        // Its keys are languages: when there are as many as languages and none is empty, every
        // language has patterns, and none is looked up (two hashed lookups an intent).
        let patternsEverywhere =
            intent.patterns.count == BotContent.languages.count && !intent.patterns.values.contains { $0.isEmpty }
        for language in BotContent.languages {
            if !patternsEverywhere && intent.patterns[language, default: []].isEmpty {
                log.warning(intent.location, "intent '\(id)' has no \(language.rawValue) patterns")
            }
            let count = intent.packedExamples.count(of: language)
            if count < minimumExamples {
                log.error(
                    intent.location,
                    "intent '\(id)' has \(count) \(language.rawValue) examples; at least \(minimumExamples) are needed")
            }
        }
        return intent
    }

    private static func perLanguage(
        _ node: YAMLNode, _ what: String, file: YAMLFile, log: DiagnosticLog
    ) -> [Language: [SourceText]] {
        let count = node.mapping?.count ?? 0
        var result = count == BotContent.languages.count ? noTexts : Dictionary(minimumCapacity: count)
        forEachLanguage(node, what, file: file, log: log) { language, what, value in
            result[language] = file.texts(value, what(), log: log)
        }
        return result
    }

    /// Calls `body` with each language of a `en:`/`vi:` mapping, in file order, with what the
    /// node under it is called in messages and the node; reports keys that are no language.
    /// Each caller builds its own result from the nodes, instead of from lists of them.
    private static func forEachLanguage(
        _ node: YAMLNode, _ what: String, file: YAMLFile, log: DiagnosticLog,
        _ body: (Language, _ what: () -> String, YAMLNode) -> Void
    ) {
        guard let mapping = file.mapping(node, what, log: log) else { return }
        for (key, value) in mapping {
            // Compared by bytes; a string only for a message.
            let known =
                key.kind == .scalar
                ? BotContent.languages.first { key.tree.hasText(key.index, equalTo: $0.rawValue) } : nil
            guard let language = known else {
                guard let code = file.string(key, "a language code", log: log) else { continue }
                log.error(
                    file.location(of: key), "unknown language '\(code)' in \(what) (expected en or vi)",
                    sourceLine: file.sourceLine(of: key))
                continue
            }
            body(language, { "\(what) in \(key.tree.string(key.index))" }, value)
        }
    }

    // MARK: - faq/

    private static func loadAnswers(
        _ directory: URL, intents: [IntentDefinition], positions known: [String: Int], placeholders: [String: String],
        log: DiagnosticLog
    ) -> [String: [Language: String]] {
        // Intent ids are unique (the loader keeps the first of a duplicate only): `known` gives
        // each intent's position, where its answers are gathered.
        // Each language's texts by intent, gathered into one dictionary per intent at the end:
        // a lookup by id for each answer was a tenth of reading them.
        var textsByLanguage: [[String?]] = []
        var answerCounts: [Int] = []
        let idsAreNames = intents.allSatisfy { isValidName($0.id) }
        for language in BotContent.languages {
            let path = directory.appendingPathComponent("faq/\(language.rawValue)").path
            let folder = ContentFileReader.Folder(path: path)
            let read =
                (idsAreNames ? folder : nil).flatMap { answersByID(intents, language, folder: $0, placeholders) }
                ?? answersByName(
                    intents.count, language, folder: folder, path: path, known: known, placeholders: placeholders)
            for diagnostic in read.diagnostics { log.append(diagnostic) }
            textsByLanguage.append(read.texts)
            answerCounts.append(read.count)
        }
        var answers: [String: [Language: String]] = [:]
        answers.reserveCapacity(intents.count)
        for position in intents.indices {
            var byLanguage: [Language: String]?
            for (list, language) in BotContent.languages.enumerated() {
                guard let text = textsByLanguage[list][position] else { continue }
                if byLanguage == nil { byLanguage = noStrings }
                byLanguage![language] = text
            }
            if let byLanguage { answers[intents[position].id] = byLanguage }
        }
        // Each answer read is a different intent's: when there are as many as intents in every
        // language, none is missing.
        guard answerCounts.contains(where: { $0 < known.count }) else { return answers }
        for intent in intents {
            for language in BotContent.languages where answers[intent.id]?[language] == nil {
                log.error(
                    intent.location,
                    "intent '\(intent.id)' has no \(language.rawValue) answer (faq/\(language.rawValue)/\(intent.id).md)"
                )
            }
        }
        return answers
    }

    /// One language's answers: the text of each intent's by its position, how many were read,
    /// and the problems found, in the order of the files' names.
    private struct LanguageAnswers {
        var texts: [String?]
        var count = 0
        var diagnostics: [ContentDiagnostic] = []
    }

    /// The answers of the files listed in the folder, each matched to its intent by its name.
    ///
    /// Files are read in the folder's order, and their problems reported in the order of their
    /// names, as when the names were sorted first: sorting 10,000 names cost a sixth of reading
    /// their files.
    private static func answersByName(
        _ intentCount: Int, _ language: Language, folder: ContentFileReader.Folder?, path: String,
        known: [String: Int], placeholders: [String: String]
    ) -> LanguageAnswers {
        var answers = LanguageAnswers(texts: [String?](repeating: nil, count: intentCount))
        let names = folder?.names() ?? (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let fileLog = DiagnosticLog()
        var problems: [(name: String, diagnostics: Range<Int>)] = []
        for name in names {
            guard let id = intentID(ofAnswerFile: name) else { continue }
            let before = fileLog.diagnostics.count
            if let (position, text) = loadAnswer(
                name, id: id, language, folder: folder, path: path, known: known, placeholders: placeholders,
                log: fileLog)
            {
                answers.texts[position] = text
                answers.count += 1
            }
            if fileLog.diagnostics.count > before {
                problems.append((name, before..<fileLog.diagnostics.count))
            }
        }
        for problem in problems.sorted(by: { $0.name < $1.name }) {
            answers.diagnostics += fileLog.diagnostics[problem.diagnostics]
        }
        return answers
    }

    /// The answers read by each intent's id (`<id>.md`, ids being plain names) rather than by
    /// the folder's list: without a string for each name, an id made of it and a lookup of the
    /// id, a third of reading 20,000 answers. Nil when that would not find what the list finds:
    /// when a file ending in `.md` is left over (an unknown intent's, or one that cannot be
    /// opened), or the folder cannot be listed.
    private static func answersByID(
        _ intents: [IntentDefinition], _ language: Language, folder: ContentFileReader.Folder,
        _ placeholders: [String: String]
    ) -> LanguageAnswers? {
        let isAnswerFile = { (name: UnsafeBufferPointer<UInt8>) in
            name.count >= 3 && name[name.count - 3] == UInt8(ascii: ".") && name[name.count - 2] == UInt8(ascii: "m")
                && name[name.count - 1] == UInt8(ascii: "d")
        }
        guard let fileCount = folder.countNames(where: isAnswerFile) else { return nil }
        var answers = LanguageAnswers(texts: [String?](repeating: nil, count: intents.count))
        let fileLog = DiagnosticLog()
        var problems: [(name: String, diagnostics: Range<Int>)] = []
        var opened = 0
        // The file's name as a C string, written over for each intent.
        var name = [CChar](repeating: 0, count: 64)
        for position in intents.indices {
            let id = intents[position].id
            let before = fileLog.diagnostics.count
            let read = YAMLTextChecks.withBytes(of: id) { idBytes in
                if name.count < idBytes.count + 4 { name = [CChar](repeating: 0, count: idBytes.count + 4) }
                return name.withUnsafeMutableBufferPointer { buffer in
                    for (offset, byte) in idBytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
                    for (offset, byte) in [UInt8(ascii: "."), UInt8(ascii: "m"), UInt8(ascii: "d"), 0].enumerated() {
                        buffer[idBytes.count + offset] = CChar(bitPattern: byte)
                    }
                    return folder.withContents(ofExisting: buffer.baseAddress!) { bytes in
                        answerText(bytes, file: "faq/\(language.rawValue)/\(id).md", placeholders, log: fileLog)
                    }
                }
            }
            guard let read else { continue }
            opened += 1
            if let text = read {
                answers.texts[position] = text
                answers.count += 1
            }
            if fileLog.diagnostics.count > before {
                problems.append((id + ".md", before..<fileLog.diagnostics.count))
            }
        }
        guard opened == fileCount, distinguishesCase(folder, intents: intents, answers: answers.texts) else {
            return nil
        }
        for problem in problems.sorted(by: { $0.name < $1.name }) {
            answers.diagnostics += fileLog.diagnostics[problem.diagnostics]
        }
        return answers
    }

    /// Whether the folder tells names apart by case, so that `<id>.md` opened only the file of
    /// that very name (on a file system that ignores case it also opens `<ID>.md`, which the
    /// list reports as an unknown intent's): whether an answer read under a name with a letter
    /// is another file than the same name in upper case. False when no such answer was read.
    private static func distinguishesCase(
        _ folder: ContentFileReader.Folder, intents: [IntentDefinition], answers: [String?]
    ) -> Bool {
        guard
            let position = intents.indices.first(where: { position in
                answers[position] != nil && intents[position].id.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
            })
        else { return false }
        let name = intents[position].id + ".md"
        return name.withCString { lower in
            name.uppercased().withCString { upper in !folder.isSameFile(lower, upper) }
        }
    }

    /// `name` without its `.md` ending, nil when it has none (`name.hasSuffix(".md")`).
    ///
    /// By bytes when the ending follows an ASCII character or nothing: then its three bytes are
    /// its last three characters (only a non-ASCII character joins a `.` that follows it).
    /// `hasSuffix` and `dropLast` walked characters, a tenth of listing 20,000 answers.
    private static func intentID(ofAnswerFile name: String) -> String? {
        let utf8 = name.utf8
        let count = utf8.count
        let ending = utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard count >= 3, bytes[count - 3] == UInt8(ascii: "."), bytes[count - 2] == UInt8(ascii: "m"),
                bytes[count - 1] == UInt8(ascii: "d")
            else { return false }
            return count == 3 || bytes[count - 4] < 0x80 ? true : nil
        }
        switch ending {
        case .some(.some(false)): return nil
        case .some(.some(true)): return String(Substring(utf8.dropLast(3)))
        default: return name.hasSuffix(".md") ? String(name.dropLast(3)) : nil
        }
    }

    /// The intent's position in `known` (intent ids) and the filled text of answer file `name`,
    /// whose name gives `id`, read from `folder` (or by its path when the folder could not be
    /// opened); nil when it names no intent or cannot be used.
    private static func loadAnswer(
        _ name: String, id: String, _ language: Language, folder: ContentFileReader.Folder?, path: String,
        known: [String: Int], placeholders: [String: String], log: DiagnosticLog
    ) -> (position: Int, text: String)? {
        // Made only for a message: building each path was a tenth of reading 20,000 answers.
        let relativePath = { "faq/\(language.rawValue)/\(name)" }
        guard let position = known[id] else {
            log.warning(SourceLocation(file: relativePath()), "answer for unknown intent '\(id)'")
            return nil
        }
        let read = { (bytes: UnsafeBufferPointer<UInt8>?) in
            answerText(bytes, file: relativePath(), placeholders, log: log)
        }
        var text: String?
        if let folder {
            text = folder.withContents(of: name, read)
        } else if case .bytes(let data) = ContentFileReader.contents(atPath: path + "/" + name) {
            text = data.withUnsafeBufferPointer(read)
        } else {
            text = read(nil)
        }
        return text.map { (position, $0) }
    }

    /// The filled text of an answer file's bytes (nil when it could not be read), or nil after
    /// reporting why it cannot be used. `file` is made only for a message.
    private static func answerText(
        _ bytes: UnsafeBufferPointer<UInt8>?, file: @autoclosure () -> String, _ placeholders: [String: String],
        log: DiagnosticLog
    ) -> String? {
        guard let body = bytes.flatMap(trimmedText) else {
            log.error(SourceLocation(file: file()), "cannot read the file as UTF-8")
            return nil
        }
        if body.isEmpty {
            log.error(SourceLocation(file: file()), "answer is empty")
            return nil
        }
        guard hasOpeningBraces(body) else { return body }
        return fill(body, placeholders, file: file(), line: 1, log: log)
    }

    /// The file's text without white space at either end, nil when it is not UTF-8.
    ///
    /// When the first and last bytes that are not ASCII white space are ASCII, what lies between
    /// them is the trimmed text (only a non-ASCII character can be other white space), and the
    /// file is valid when it is: one validation and copy instead of two.
    private static func trimmedText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D) }
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) }), bytes[first] < 0x80, bytes[last] < 0x80
        {
            return ContentFileReader.validText(UnsafeBufferPointer(rebasing: bytes[first...last]))
        }
        return ContentFileReader.text(decoding: bytes).map(trimmed)
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, with ASCII ends trimmed by byte:
    /// only a non-ASCII character at an end can be Unicode white space, and then Foundation decides.
    private static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        guard utf8[first] < 0x80, utf8[last] < 0x80 else { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return first == utf8.startIndex && last == utf8.index(before: utf8.endIndex)
            ? text : String(Substring(utf8[first...last]))
    }

    /// Replaces `{{name}}` with its value from `bot.yaml`; an unknown name is an error at its spot.
    static func fill(_ text: String, _ values: [String: String], file: String, line: Int, log: DiagnosticLog) -> String
    {
        guard hasOpeningBraces(text) else { return text }
        var result = ""
        var lineNumber = line
        for (offset, textLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if offset > 0 {
                result += "\n"
                lineNumber += line > 0 ? 1 : 0
            }
            var rest = textLine[...]
            while let open = rest.range(of: "{{") {
                result += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].range(of: "}}") else {
                    rest = rest[open.lowerBound...]
                    break
                }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let value = values[name] {
                    result += value
                } else {
                    let column = textLine.distance(from: textLine.startIndex, to: open.lowerBound) + 1
                    log.error(
                        SourceLocation(file: file, line: lineNumber, column: line > 0 ? column : 0),
                        "placeholder '{{\(name)}}' has no value in bot.yaml",
                        sourceLine: line > 0 ? String(textLine) : nil)
                    result += rest[open.lowerBound..<close.upperBound]
                }
                rest = rest[close.upperBound...]
            }
            result += rest
        }
        return result
    }

    /// Whether `text` holds `{{`, looked for by byte: Foundation's `contains` was a tenth of
    /// loading, and no other text is canonically equivalent to `{{`.
    private static func hasOpeningBraces(_ text: String) -> Bool {
        YAMLTextChecks.withBytes(of: text) { bytes in
            guard let base = bytes.baseAddress else { return false }
            var from = 0
            while from < bytes.count, let found = memchr(base + from, Int32(UInt8(ascii: "{")), bytes.count - from) {
                let brace = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if brace + 1 < bytes.count && bytes[brace + 1] == UInt8(ascii: "{") { return true }
                from = brace + 1
            }
            return false
        }
    }

    /// By UTF-8 bytes in place: every allowed character is ASCII, so a name is valid exactly when
    /// each of its bytes is one (walking its Unicode scalars or its UTF-8 view cost several times
    /// as much).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && YAMLTextChecks.withBytes(of: name) { bytes in
                bytes.allSatisfy {
                    ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                        || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
                        || $0 == UInt8(ascii: ".")
                }
            }
    }
}
