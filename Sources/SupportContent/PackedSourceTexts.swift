import TextNormalization

/// Texts by language, packed: their bytes back to back in one array and a 16-byte record each
/// in another, instead of a dictionary of arrays of ``SourceText`` with a heap string per text.
///
/// For what is read rarely and kept long: an intent's examples are read by lint only, yet at
/// 10,000 intents their 100,000 texts held about 15 MB as `SourceText`s; packed, about 6 MB.
/// The usual line around a text (`        - "…"` or `        - …`) is stored as its indentation
/// only; a text whose numbers do not fit a record is kept as it is. ``unpacked()`` gives back
/// equal values (texts, locations, offsets, source lines).
struct PackedSourceTexts: Sendable {
    private struct Record {
        /// The line, or for `Form.kept` the text's index in `kept`.
        var line: UInt32
        var column: UInt16
        /// Where the text goes in the stored line (`Form.stored`).
        var lineSplit: UInt16
        var textLength: UInt16
        /// The stored line's length (`Form.stored`) or the indentation (`Form.quoted`, `.plain`).
        var lineLength: UInt16
        var textOffset: UInt8
        var language: Language
        /// 0 for `file`, else `otherFiles[file - 1]`.
        var file: UInt8
        var form: Form
    }

    private enum Form: UInt8 {
        /// The line around the text is in `bytes` after the text (or the whole line, `lineSplit`
        /// being `wholeLine`).
        case stored
        /// No source line.
        case none
        /// `lineLength` spaces, then `- "` and `"` around the text.
        case quoted
        /// `lineLength` spaces, then `- ` before the text.
        case plain
        /// Too large for a record: the text is in `kept`.
        case kept
    }

    private static let wholeLine = UInt16.max

    /// Each text's bytes, then its stored line's.
    private var bytes: [UInt8] = []
    private var records: [Record] = []
    private var kept: [SourceText] = []
    private var file = ""
    private var otherFiles: [String] = []
    /// Languages listed even when their list is empty, one bit each by `Language.allCases` order.
    private var listed: UInt8 = 0

    init() {}

    init(_ texts: [Language: [SourceText]]) {
        var byteCount = 0
        var count = 0
        for list in texts.values {
            count += list.count
            for text in list { byteCount += text.text.utf8.count }
        }
        bytes.reserveCapacity(byteCount)
        records.reserveCapacity(count)
        // In `Language.allCases` order, so packing the same texts always gives the same value.
        for (position, language) in Language.allCases.enumerated() {
            guard let list = texts[language] else { continue }
            listed |= 1 << position
            for text in list { append(text, language) }
        }
    }

    private mutating func append(_ text: SourceText, _ language: Language) {
        let location = text.location
        var fileIndex = 0
        if records.isEmpty {
            file = location.file
        } else if location.file != file {
            if let known = otherFiles.firstIndex(of: location.file) {
                fileIndex = known + 1
            } else {
                otherFiles.append(location.file)
                fileIndex = otherFiles.count
            }
        }
        let stored = text.storedLine
        let textLength = text.text.utf8.count
        var form = Form.stored
        var lineLength = stored.around?.utf8.count ?? 0
        var lineSplit = stored.split < 0 ? Int(Self.wholeLine) : stored.split
        if stored.around == nil {
            (form, lineLength, lineSplit) = (.none, 0, 0)
        } else if stored.split >= 0, let indentation = Self.usualIndentation(stored.around!, split: stored.split) {
            (form, lineLength, lineSplit) = (indentation.quoted ? .quoted : .plain, indentation.spaces, 0)
        }
        let fits =
            (0...Int(UInt32.max)).contains(location.line) && (0..<Int(UInt16.max)).contains(location.column)
            && (0..<Int(UInt16.max)).contains(textLength) && (0..<Int(UInt16.max)).contains(lineLength)
            && (0...Int(UInt16.max)).contains(lineSplit) && (0...Int(UInt8.max)).contains(text.textOffset)
            && fileIndex <= Int(UInt8.max) && (stored.around != nil || stored.split < 0)
        guard fits else {
            kept.append(text)
            records.append(
                Record(
                    line: UInt32(kept.count - 1), column: 0, lineSplit: 0, textLength: 0, lineLength: 0,
                    textOffset: 0, language: language, file: 0, form: .kept))
            return
        }
        var copy = text.text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
        if form == .stored, var around = stored.around {
            around.withUTF8 { bytes.append(contentsOf: $0) }
        }
        records.append(
            Record(
                line: UInt32(location.line), column: UInt16(location.column), lineSplit: UInt16(lineSplit),
                textLength: UInt16(textLength), lineLength: UInt16(lineLength), textOffset: UInt8(text.textOffset),
                language: language, file: UInt8(fileIndex), form: form))
    }

    /// The indentation when `around` is spaces then `- "` and `"` (split after the first
    /// quote), or spaces then `- ` (split at its end).
    private static func usualIndentation(_ around: String, split: Int) -> (spaces: Int, quoted: Bool)? {
        var around = around
        return around.withUTF8 { bytes in
            var spaces = 0
            while spaces < bytes.count && bytes[spaces] == UInt8(ascii: " ") { spaces += 1 }
            guard spaces < Int(UInt16.max), bytes.count - spaces >= 2, bytes[spaces] == UInt8(ascii: "-"),
                bytes[spaces + 1] == UInt8(ascii: " ")
            else { return nil }
            if bytes.count - spaces == 2 && split == spaces + 2 { return (spaces, false) }
            let quoted =
                bytes.count - spaces == 4 && bytes[spaces + 2] == UInt8(ascii: "\"")
                && bytes[spaces + 3] == UInt8(ascii: "\"") && split == spaces + 3
            return quoted ? (spaces, true) : nil
        }
    }

    /// The texts as they were packed.
    func unpacked() -> [Language: [SourceText]] {
        var result: [Language: [SourceText]] = [:]
        guard listed != 0 else { return result }
        for (position, language) in Language.allCases.enumerated() where listed & (1 << position) != 0 {
            result[language] = []
        }
        bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            func take(_ count: Int) -> String {
                defer { offset += count }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
            }
            for record in records {
                if record.form == .kept {
                    result[record.language, default: []].append(kept[Int(record.line)])
                    continue
                }
                let text = take(Int(record.textLength))
                let spaces = String(repeating: " ", count: Int(record.lineLength))
                var line: String?
                var split = Int(record.lineSplit)
                switch record.form {
                case .stored:
                    line = take(Int(record.lineLength))
                    if record.lineSplit == Self.wholeLine { split = -1 }
                case .none:
                    split = -1
                case .quoted:
                    (line, split) = (spaces + "- \"\"", Int(record.lineLength) + 3)
                case .plain:
                    (line, split) = (spaces + "- ", Int(record.lineLength) + 2)
                case .kept:
                    break
                }
                let location = SourceLocation(
                    file: record.file == 0 ? file : otherFiles[Int(record.file) - 1], line: Int(record.line),
                    column: Int(record.column))
                result[record.language, default: []].append(
                    SourceText(
                        text: text, location: location, lineAround: line, lineSplit: split,
                        textOffset: Int(record.textOffset)))
            }
        }
        return result
    }
}
