import TextNormalization

/// Texts by language, packed: their bytes back to back in one array and a fixed-size record
/// each in another, instead of a dictionary of arrays of ``SourceText`` with a heap string per
/// text.
///
/// For what is read rarely and kept long: an intent's examples are read by lint only, yet at
/// 10,000 intents their 100,000 texts held about 15 MB as `SourceText`s; packed, a third.
/// ``unpacked()`` gives back equal values (texts, locations, offsets, source lines).
struct PackedSourceTexts: Sendable {
    private struct Record {
        var line: Int32
        var column: Int32
        var textOffset: Int32
        /// Where the text goes in the stored line; -1 when the whole line is stored.
        var lineSplit: Int32
        var textLength: Int32
        /// The stored line's length; -1 when there is no source line.
        var lineLength: Int32
        /// 0 for `file`, else `otherFiles[file - 1]`.
        var file: UInt16
        var language: Language
    }

    /// Each text's bytes, then its stored line's.
    private var bytes: [UInt8] = []
    private var records: [Record] = []
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
            for text in list { byteCount += text.text.utf8.count + (text.storedLine.around?.utf8.count ?? 0) }
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
        var copy = text.text
        let textLength = copy.withUTF8 { buffer in
            bytes.append(contentsOf: buffer)
            return buffer.count
        }
        var lineLength = -1
        if var around = stored.around {
            lineLength = around.withUTF8 { buffer in
                bytes.append(contentsOf: buffer)
                return buffer.count
            }
        }
        records.append(
            Record(
                line: Int32(clamping: location.line), column: Int32(clamping: location.column),
                textOffset: Int32(clamping: text.textOffset), lineSplit: Int32(clamping: stored.split),
                textLength: Int32(textLength), lineLength: Int32(lineLength), file: UInt16(clamping: fileIndex),
                language: language))
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
            for record in records {
                let text = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + Int(record.textLength))]),
                    as: UTF8.self)
                offset += Int(record.textLength)
                var line: String?
                if record.lineLength >= 0 {
                    line = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + Int(record.lineLength))]),
                        as: UTF8.self)
                    offset += Int(record.lineLength)
                }
                let location = SourceLocation(
                    file: record.file == 0 ? file : otherFiles[Int(record.file) - 1], line: Int(record.line),
                    column: Int(record.column))
                result[record.language, default: []].append(
                    SourceText(
                        text: text, location: location, lineAround: line, lineSplit: Int(record.lineSplit),
                        textOffset: Int(record.textOffset)))
            }
        }
        return result
    }
}
