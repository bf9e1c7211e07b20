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
        self.init(reservingCapacityForTexts: count, bytes: byteCount)
        // In `Language.allCases` order, so packing the same texts always gives the same value.
        for language in Language.allCases {
            guard let list = texts[language] else { continue }
            startList(language)
            for text in list { append(text, language) }
        }
    }

    /// Room for `count` texts of `byteCount` bytes in all, to be added list by list.
    init(reservingCapacityForTexts count: Int, bytes byteCount: Int) {
        bytes.reserveCapacity(byteCount)
        records.reserveCapacity(count)
    }

    /// Lists `language`, even if no text follows. Lists are started in `Language.allCases`
    /// order, each followed by its texts.
    mutating func startList(_ language: Language) {
        listed |= 1 << Language.allCases.firstIndex(of: language)!
    }

    /// What a text's source line holds besides the text, as bytes.
    enum LineBytes {
        /// No source line.
        case none
        /// The whole line, which does not hold the text as it is.
        case whole(UnsafeBufferPointer<UInt8>)
        /// The line holds `head`, then the text, then `tail`.
        case around(head: UnsafeBufferPointer<UInt8>, tail: UnsafeBufferPointer<UInt8>)
    }

    mutating func append(_ text: SourceText, _ language: Language) {
        var copy = text.text
        let stored = text.storedLine
        let packed = copy.withUTF8 { textBytes in
            guard var around = stored.around else {
                // A split without a line has no record form.
                guard stored.split < 0 else { return false }
                return append(textBytes, line: .none, at: text.location, textOffset: text.textOffset, language)
            }
            return around.withUTF8 { line in
                guard stored.split >= 0 else {
                    return append(
                        textBytes, line: .whole(line), at: text.location, textOffset: text.textOffset, language)
                }
                let head = UnsafeBufferPointer(rebasing: line[..<stored.split])
                let tail = UnsafeBufferPointer(rebasing: line[stored.split...])
                return append(
                    textBytes, line: .around(head: head, tail: tail), at: text.location, textOffset: text.textOffset,
                    language)
            }
        }
        if !packed { appendKept(text, language) }
    }

    /// Adds a text given by its bytes; false, adding nothing, when its numbers do not fit a
    /// record (then ``appendKept(_:_:)`` takes it).
    mutating func append(
        _ text: UnsafeBufferPointer<UInt8>, line: LineBytes, at location: SourceLocation, textOffset: Int,
        _ language: Language
    ) -> Bool {
        var fileIndex = 0
        if records.isEmpty {
            file = location.file
        } else if location.file != file {
            if let known = otherFiles.firstIndex(of: location.file) {
                fileIndex = known + 1
            } else {
                guard otherFiles.count < Int(UInt8.max) else { return false }
                otherFiles.append(location.file)
                fileIndex = otherFiles.count
            }
        }
        var form = Form.stored
        var lineLength = 0
        var lineSplit = 0
        switch line {
        case .none:
            form = .none
        case .whole(let whole):
            (lineLength, lineSplit) = (whole.count, Int(Self.wholeLine))
        case .around(let head, let tail):
            if let indentation = Self.usualIndentation(head: head, tail: tail) {
                (form, lineLength) = (indentation.quoted ? .quoted : .plain, indentation.spaces)
            } else {
                (lineLength, lineSplit) = (head.count + tail.count, head.count)
            }
        }
        let fits =
            (0...Int(UInt32.max)).contains(location.line) && (0..<Int(UInt16.max)).contains(location.column)
            && (0..<Int(UInt16.max)).contains(text.count) && (0..<Int(UInt16.max)).contains(lineLength)
            && (0...Int(UInt16.max)).contains(lineSplit) && (0...Int(UInt8.max)).contains(textOffset)
        guard fits else { return false }
        bytes.append(contentsOf: text)
        if form == .stored {
            switch line {
            case .whole(let whole):
                bytes.append(contentsOf: whole)
            case .around(let head, let tail):
                bytes.append(contentsOf: head)
                bytes.append(contentsOf: tail)
            case .none:
                break
            }
        }
        records.append(
            Record(
                line: UInt32(location.line), column: UInt16(location.column), lineSplit: UInt16(lineSplit),
                textLength: UInt16(text.count), lineLength: UInt16(lineLength), textOffset: UInt8(textOffset),
                language: language, file: UInt8(fileIndex), form: form))
        return true
    }

    /// Adds a text as it is, for one whose numbers do not fit a record.
    mutating func appendKept(_ text: SourceText, _ language: Language) {
        kept.append(text)
        records.append(
            Record(
                line: UInt32(kept.count - 1), column: 0, lineSplit: 0, textLength: 0, lineLength: 0, textOffset: 0,
                language: language, file: 0, form: .kept))
    }

    /// The indentation when the line is spaces then `- "`, the text and `"`, or spaces then
    /// `- ` and the text. Inlined: it is asked for every example.
    @inline(__always)
    private static func usualIndentation(
        head: UnsafeBufferPointer<UInt8>, tail: UnsafeBufferPointer<UInt8>
    ) -> (spaces: Int, quoted: Bool)? {
        var spaces = 0
        // Eight spaces at a time first, as a list's items are indented.
        while spaces + 8 <= head.count
            && UnsafeRawPointer(head.baseAddress! + spaces).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020
        {
            spaces += 8
        }
        while spaces < head.count && head[spaces] == UInt8(ascii: " ") { spaces += 1 }
        guard spaces < Int(UInt16.max), head.count - spaces >= 2, head[spaces] == UInt8(ascii: "-"),
            head[spaces + 1] == UInt8(ascii: " ")
        else { return nil }
        if head.count == spaces + 2 && tail.isEmpty { return (spaces, false) }
        let quoted =
            head.count == spaces + 3 && head[spaces + 2] == UInt8(ascii: "\"") && tail.count == 1
            && tail[0] == UInt8(ascii: "\"")
        return quoted ? (spaces, true) : nil
    }

    /// How many texts are listed under `language`.
    func count(of language: Language) -> Int {
        records.reduce(0) { $0 + ($1.language == language ? 1 : 0) }
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
