import Foundation
import SupportBot

/// Transcripts to replay: the turns of one or more JSON Lines files, grouped into conversations.
///
/// Each non-blank line is one user turn:
///
/// ```json
/// {"conversation": "c-17", "user": "rút tiền 2 tiếng chưa về", "expect_intent": "withdrawal.pending",
///  "expect_route": "answer", "expect_language": "vi"}
/// ```
///
/// Lines with the same `conversation` in one file form one conversation, in file order; a line
/// without `conversation` is a conversation of its own. Conversation ids are scoped to their file.
/// `expect_intent`, `expect_route` and `expect_language` are optional and may be a string or a
/// list of acceptable values. Any other field is kept in ``TranscriptTurn/extra``. A line that
/// breaks these rules is an error: nothing is skipped silently.
public struct Transcript: Sendable {
    /// The files read, in order.
    public var files: [String]
    /// Every turn, file by file, line by line.
    public var turns: [TranscriptTurn]
    /// The conversations in order of their first line: each lists its turns' indexes in ``turns``.
    public var conversations: [[Int]]

    /// Groups `turns` (in file order) into conversations.
    public init(files: [String], turns: [TranscriptTurn]) {
        self.files = files
        self.turns = turns
        var conversations: [[Int]] = []
        var byKey: [String: Int] = [:]
        for (index, turn) in turns.enumerated() {
            guard let id = turn.conversation else {
                conversations.append([index])
                continue
            }
            let key = turn.file + "\u{1F}" + id
            if let position = byKey[key] {
                conversations[position].append(index)
            } else {
                byKey[key] = conversations.count
                conversations.append([index])
            }
        }
        self.conversations = conversations
    }

    /// Reads and parses `files`; throws every problem of every file at once.
    public static func load(files: [String]) throws(TranscriptError) -> Transcript {
        var turns: [TranscriptTurn] = []
        var diagnostics: [TranscriptDiagnostic] = []
        var seen: Set<String> = []
        for file in files {
            guard seen.insert(URL(fileURLWithPath: file).standardizedFileURL.path).inserted else {
                diagnostics.append(TranscriptDiagnostic(file: file, line: 0, message: "named twice"))
                continue
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                diagnostics.append(TranscriptDiagnostic(file: file, line: 0, message: "cannot read: \(reason(file))"))
                continue
            }
            let parsed = parse(data, file: file)
            turns += parsed.turns
            diagnostics += parsed.diagnostics
        }
        guard diagnostics.isEmpty else { throw TranscriptError(diagnostics) }
        return Transcript(files: files, turns: turns)
    }

    /// Parses the bytes of one file; `file` names it in turns and diagnostics.
    public static func parse(_ data: Data, file: String) -> (
        turns: [TranscriptTurn], diagnostics: [TranscriptDiagnostic]
    ) {
        var turns: [TranscriptTurn] = []
        var diagnostics: [TranscriptDiagnostic] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        // A UTF-8 byte order mark is not part of the first line.
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start = data.index(start, offsetBy: 3) }
        while start < data.endIndex {
            lineNumber += 1
            let newline = data[start...].firstIndex(of: 0x0A)
            var end = newline ?? data.endIndex
            let next = newline.map { data.index(after: $0) } ?? data.endIndex
            defer { start = next }
            if end > start, data[data.index(before: end)] == 0x0D { end = data.index(before: end) }
            let line = data[start..<end]
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let value: JSONValue
            do {
                value = try decoder.decode(JSONValue.self, from: line)
            } catch {
                diagnostics.append(
                    TranscriptDiagnostic(file: file, line: lineNumber, message: "not valid JSON\(jsonDetail(error))"))
                continue
            }
            switch parseTurn(value, file: file, line: lineNumber) {
            case .success(let turn): turns.append(turn)
            case .failure(let problems):
                diagnostics += problems.messages.map { TranscriptDiagnostic(file: file, line: lineNumber, message: $0) }
            }
        }
        if turns.isEmpty, diagnostics.isEmpty {
            diagnostics.append(TranscriptDiagnostic(file: file, line: 0, message: "no turns (the file is empty)"))
        }
        return (turns, diagnostics)
    }

    /// Lines whose `expect_intent` names an intent that `knownIntents` lacks (a typo, or content not written yet).
    public func unknownIntentDiagnostics(knownIntents: Set<String>) -> [TranscriptDiagnostic] {
        var diagnostics: [TranscriptDiagnostic] = []
        for turn in turns {
            for intent in turn.expectation.intents ?? [] where !knownIntents.contains(intent) {
                let hint = closest(to: intent, in: knownIntents).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(
                    TranscriptDiagnostic(
                        file: turn.file, line: turn.line,
                        message: "expect_intent: unknown intent '\(intent)'\(hint)"))
            }
        }
        return diagnostics
    }

    // MARK: - One line

    private struct Problems: Error {
        var messages: [String]
    }

    private static let expectationFields = ExpectationKind.allCases.map(\.field)

    private static func parseTurn(_ value: JSONValue, file: String, line: Int) -> Result<TranscriptTurn, Problems> {
        guard case .object(var fields) = value else {
            return .failure(Problems(messages: ["a line must be a JSON object, like {\"user\": \"...\"}"]))
        }
        var problems: [String] = []

        var message = ""
        switch fields.removeValue(forKey: "user") {
        case .string(let text) where !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty: message = text
        case .string: problems.append("\"user\" is empty")
        case nil: problems.append("missing \"user\" (the message to play)")
        case .some: problems.append("\"user\" must be a string")
        }

        var conversation: String?
        switch fields.removeValue(forKey: "conversation") {
        case nil: break
        case .string(let id) where !id.isEmpty: conversation = id
        case .int(let id): conversation = String(id)
        case .some: problems.append("\"conversation\" must be a non-empty string")
        }

        var expectation = Expectation()
        if let value = fields.removeValue(forKey: "expect_intent") {
            switch strings(value, field: "expect_intent") {
            case .success(let intents): expectation.intents = intents
            case .failure(let problem): problems += problem.messages
            }
        }
        if let value = fields.removeValue(forKey: "expect_route") {
            switch strings(value, field: "expect_route").flatMap({ enumValues($0, Route.self, field: "expect_route") })
            {
            case .success(let routes): expectation.routes = routes
            case .failure(let problem): problems += problem.messages
            }
        }
        if let value = fields.removeValue(forKey: "expect_language") {
            let parsed = strings(value, field: "expect_language").flatMap {
                enumValues($0, Language.self, field: "expect_language")
            }
            switch parsed {
            case .success(let languages): expectation.languages = languages
            case .failure(let problem): problems += problem.messages
            }
        }
        for key in fields.keys.sorted() where key.hasPrefix("expect_") {
            let hint = closest(to: key, in: Set(expectationFields)).map { "did you mean '\($0)'? " } ?? ""
            problems.append(
                "unknown expectation '\(key)' (\(hint)known: \(expectationFields.joined(separator: ", ")))")
        }
        guard problems.isEmpty else { return .failure(Problems(messages: problems)) }
        return .success(
            TranscriptTurn(
                file: file, line: line, conversation: conversation, message: message, expectation: expectation,
                extra: fields))
    }

    /// A string or a non-empty list of non-empty strings, without repeats.
    private static func strings(_ value: JSONValue, field: String) -> Result<[String], Problems> {
        let shape = Problems(messages: ["\"\(field)\" must be a string or a non-empty list of strings"])
        switch value {
        case .string(let text) where !text.isEmpty: return .success([text])
        case .array(let items) where !items.isEmpty:
            var texts: [String] = []
            for item in items {
                guard let text = item.stringValue, !text.isEmpty else { return .failure(shape) }
                if !texts.contains(text) { texts.append(text) }
            }
            return .success(texts)
        default: return .failure(shape)
        }
    }

    private static func enumValues<Value: RawRepresentable & CaseIterable>(
        _ texts: [String], _ type: Value.Type, field: String
    ) -> Result<[Value], Problems> where Value.RawValue == String {
        var values: [Value] = []
        var problems: [String] = []
        for text in texts {
            if let value = Value(rawValue: text) {
                values.append(value)
            } else {
                let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append("\(field): unknown value '\(text)' (one of: \(known))")
            }
        }
        return problems.isEmpty ? .success(values) : .failure(Problems(messages: problems))
    }

    private static func jsonDetail(_ error: any Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "" }
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        guard let detail = underlying ?? (context.debugDescription.isEmpty ? nil : context.debugDescription) else {
            return ""
        }
        return ": " + detail
    }

    private static func reason(_ file: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) { return "no such file" }
        return isFolder.boolValue ? "it is a folder" : "permission denied"
    }
}

/// The known name nearest to `name` by edit distance, when it is close enough to be a typo.
func closest(to name: String, in known: Set<String>) -> String? {
    let limit = max(2, name.count / 4)
    let ranked = known.map { (name: $0, distance: editDistance(name, $0)) }
        .filter { $0.distance <= limit }
        .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }
    return ranked.first?.name
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
