import Foundation
import TextNormalization
import Yams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A parsed content file that knows how to point at its own lines.
struct YAMLFile {
    /// Content files are small; a bigger one is a mistake or an attack.
    static let maximumBytes = 4 << 20
    /// Deeper nesting than support content ever needs is refused before the parser recurses.
    static let maximumDepth = 64
    /// Nodes visited per file, aliases included: stops "billion laughs" expansions.
    static let maximumNodes = 200_000

    let path: String
    let source: SourceFileText
    let root: YAMLNode

    /// The implicit types content uses (`true`, `3`, empty): each rule is a regular expression
    /// tried on every plain scalar, and the default set's floats, timestamps and merge keys made
    /// tag resolution a quarter of loading.
    static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.null)

    /// Reads and parses `url`, reporting problems to `log`; nil when the file cannot be used.
    static func load(_ url: URL, relativePath: String, log: DiagnosticLog) -> YAMLFile? {
        let location = SourceLocation(file: relativePath)
        guard case .bytes(let data) = ContentFileReader.contents(atPath: url.path) else {
            log.error(location, "cannot read the file")
            return nil
        }
        guard data.count <= maximumBytes else {
            log.error(location, "file is \(data.count) bytes; content files may be at most \(maximumBytes) bytes")
            return nil
        }
        var bytes = data
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            // Foundation decides what a byte order mark makes of the text, as it always has.
            guard let text = ContentFileReader.text(decoding: data) else {
                log.error(location, "file is not valid UTF-8")
                return nil
            }
            bytes = Array(text.utf8)
        }
        let scan = bytes.withUnsafeBufferPointer(UTF8Scan.scan)
        guard scan.isValid else {
            log.error(location, "file is not valid UTF-8")
            return nil
        }
        let source = SourceFileText(validUTF8: bytes)
        // A file the block parser takes has no anchor or alias and no bracket outside quotes but
        // in comments (it takes no `&`, `*` or bracket in a plain text): the checks for them
        // would find nothing, and they were a tenth of loading 10,000 intents. The parser refuses
        // deep indentation as it reaches it, as it recurses once per level; brackets in comments
        // still count as nesting (below, when they are too deep).
        if scan.isPlain,
            let parsed = YAMLBlockParser.parse(
                plain: source, maximumNodes: maximumNodes, maximumIndentation: maximumDepth * 4),
            !parsed.commentHasBracket || YAMLTextChecks.firstOverlyNestedLine(source, maximumDepth: maximumDepth) == nil
        {
            return YAMLFile(path: relativePath, source: source, root: parsed.tree.root)
        }
        if let (line, column) = YAMLTextChecks.firstAnchorOrAlias(source) {
            log.error(
                SourceLocation(file: relativePath, line: line, column: column),
                "anchors and aliases (&, *) are not allowed in content files", sourceLine: source.line(line))
            return nil
        }
        if let tooDeep = YAMLTextChecks.firstOverlyNestedLine(source, maximumDepth: maximumDepth) {
            log.error(
                SourceLocation(file: relativePath, line: tooDeep, column: 1),
                "nesting is deeper than \(maximumDepth) levels")
            return nil
        }
        if let tree = source.withBytes({ YAMLTreeBuilder.build($0, maximumNodes: maximumNodes) }) {
            return YAMLFile(path: relativePath, source: source, root: tree.root)
        }
        return composeWithYams(source, relativePath: relativePath, log: log)
    }

    /// The file as Yams composes and checks it, for what the event loop leaves to Yams: syntax
    /// errors, duplicate keys, anchors, tags, several documents or none. Its diagnostics are
    /// the ones content authors have always seen.
    private static func composeWithYams(_ source: SourceFileText, relativePath: String, log: DiagnosticLog)
        -> YAMLFile?
    {
        let location = SourceLocation(file: relativePath)
        do {
            guard let root = try Yams.compose(yaml: source.text, Self.resolver) else {
                log.error(location, "file is empty")
                return nil
            }
            var budget = maximumNodes
            guard checkStructure(root, depth: 0, budget: &budget, file: relativePath, log: log) else { return nil }
            return YAMLFile(path: relativePath, source: source, root: YAMLTreeBuilder.tree(of: root).root)
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            let at = SourceLocation(file: relativePath, line: mark?.line ?? 0, column: mark?.column ?? 0)
            log.error(at, "YAML syntax: \(problem)", sourceLine: mark.flatMap { source.line($0.line) })
            return nil
        } catch {
            log.error(location, "YAML syntax: \(error)")
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ", "))
        default:
            return (nil, String(describing: error))
        }
    }

    /// Refuses anchors and aliases (never needed in support content, and the way to expand a
    /// small file into a huge tree) and bounds the number of nodes.
    private static func checkStructure(
        _ node: Node, depth: Int, budget: inout Int, file: String, log: DiagnosticLog
    ) -> Bool {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
        budget -= 1
        if budget < 0 {
            log.error(location, "file has more than \(Self.maximumNodes) YAML nodes")
            return false
        }
        if node.anchor != nil {
            log.error(location, "anchors and aliases (&, *) are not allowed in content files")
            return false
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard checkStructure(key, depth: depth + 1, budget: &budget, file: file, log: log),
                    checkStructure(value, depth: depth + 1, budget: &budget, file: file, log: log)
                else { return false }
            }
        case .sequence(let sequence):
            for item in sequence {
                guard checkStructure(item, depth: depth + 1, budget: &budget, file: file, log: log) else {
                    return false
                }
            }
        default:
            break
        }
        return true
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: path, line: node.line, column: node.column)
    }

    func sourceLine(of node: YAMLNode) -> String? { source.line(node.line) }

    /// The node's text as a `SourceText`, pointing at its first character.
    ///
    /// When the line holds the text as is (no escapes, one line), only what surrounds it is
    /// kept; otherwise the whole line.
    func sourceText(_ node: YAMLNode) -> SourceText? {
        guard node.kind == .scalar else { return nil }
        var around = LineAroundCache()
        return source.withBytes { file in
            node.tree.bytes.withUnsafeBufferPointer { texts in
                sourceText(ofScalar: node.tree.entry(node.index), file: file, texts: texts, around: &around)
            }
        }
    }

    /// The last line around a text made into a string, by where its two parts are in the file.
    ///
    /// The texts of a list are usually written alike (`        - "…"`): one string for all of
    /// them instead of one each, which was a seventh of reading patterns.
    struct LineAroundCache {
        var head = 0..<0
        var tail = 0..<0
        var around: String?

        /// The string of `head` then `tail` (ranges of `file`), made only when the last one
        /// was of other bytes.
        @inline(__always)
        mutating func string(head: Range<Int>, tail: Range<Int>, in file: UnsafeBufferPointer<UInt8>) -> String {
            if let around, head.count == self.head.count, tail.count == self.tail.count,
                Self.same(head, self.head, in: file), Self.same(tail, self.tail, in: file)
            {
                return around
            }
            let made = String(unsafeUninitializedCapacity: head.count + tail.count) { buffer in
                _ = UnsafeMutableBufferPointer(rebasing: buffer[..<head.count])
                    .initialize(from: UnsafeBufferPointer(rebasing: file[head]))
                _ = UnsafeMutableBufferPointer(rebasing: buffer[head.count...])
                    .initialize(from: UnsafeBufferPointer(rebasing: file[tail]))
                return head.count + tail.count
            }
            (self.head, self.tail, around) = (head, tail, made)
            return made
        }

        /// Whether two ranges of `file` of the same length hold the same bytes.
        private static func same(_ one: Range<Int>, _ other: Range<Int>, in file: UnsafeBufferPointer<UInt8>) -> Bool {
            one.isEmpty
                || memcmp(file.baseAddress! + one.lowerBound, file.baseAddress! + other.lowerBound, one.count) == 0
        }
    }

    /// ``sourceText(_:)`` of a scalar's entry, given the file's bytes and its tree's. Inlined
    /// into the loops over lists, as is the cache it asks: it is called for every pattern.
    @inline(__always)
    private func sourceText(
        ofScalar entry: YAMLTree.Entry, file: UnsafeBufferPointer<UInt8>, texts: UnsafeBufferPointer<UInt8>,
        around: inout LineAroundCache
    ) -> SourceText {
        let bytes = UnsafeBufferPointer(rebasing: texts[Int(entry.first)..<Int(entry.first + entry.count)])
        let textOffset = entry.isQuoted ? 1 : 0
        // The line around the text first, so that the text is made into a string last and
        // moved into the value once.
        var lineAround: String?
        var lineSplit = -1
        switch placement(of: bytes, line: Int(entry.line), column: Int(entry.column), textOffset: textOffset, in: file)
        {
        case .noLine:
            break
        case .whole(let line):
            lineAround = String(decoding: UnsafeBufferPointer(rebasing: file[line]), as: UTF8.self)
        case .around(let line, let textRange):
            lineAround = around.string(
                head: line.lowerBound..<textRange.lowerBound, tail: textRange.upperBound..<line.upperBound, in: file)
            lineSplit = textRange.lowerBound - line.lowerBound
        }
        return SourceText(
            text: String(decoding: bytes, as: UTF8.self),
            location: SourceLocation(file: path, line: Int(entry.line), column: Int(entry.column)),
            lineAround: lineAround, lineSplit: lineSplit, textOffset: textOffset)
    }

    /// Where a scalar's text is on its source line, by UTF-8 offsets in the file.
    enum LinePlacement {
        /// The node's line is not in the file.
        case noLine
        /// The line does not hold the text as it is (escapes, several lines).
        case whole(line: Range<Int>)
        /// The line holds the text's bytes at `text`.
        case around(line: Range<Int>, text: Range<Int>)
    }

    /// Where a scalar's text, line and column put it on its line, given the file's bytes.
    ///
    /// Worked out over the line's bytes: comparing through `Substring` views was a quarter of
    /// loading 10,000 intents.
    private func placement(
        of text: UnsafeBufferPointer<UInt8>, line number: Int, column: Int, textOffset: Int,
        in file: UnsafeBufferPointer<UInt8>
    ) -> LinePlacement {
        guard let range = source.lineRange(number) else { return .noLine }
        // A text the block parser left in the file's bytes is on its line where its bytes are:
        // what comes before it there is ASCII (indentation, `- `, plain keys), so its column
        // was counted in bytes, and finding it again by its column was a tenth of reading texts.
        if let fileStart = file.baseAddress, let textStart = text.baseAddress,
            textStart >= fileStart + range.lowerBound, textStart + text.count <= fileStart + range.upperBound
        {
            let start = textStart - fileStart
            return .around(line: range, text: start..<(start + text.count))
        }
        let line = UnsafeBufferPointer(rebasing: file[range])
        // Columns count Unicode scalars, as libyaml does.
        guard let start = Self.offset(ofScalar: column - 1 + textOffset, in: line),
            start + text.count <= line.count,
            text.isEmpty || memcmp(line.baseAddress! + start, text.baseAddress!, text.count) == 0
        else { return .whole(line: range) }
        return .around(line: range, text: (range.lowerBound + start)..<(range.lowerBound + start + text.count))
    }

    /// The texts of the lists of texts under each language packed from the file's bytes, without
    /// a string for each text. The items that are not texts are left out (``checkTexts(_:_:log:)`` reports
    /// them).
    func packedTexts(_ lists: [(language: Language, node: YAMLNode)]) -> PackedSourceTexts {
        var count = 0
        var byteCount = 0
        for (_, list) in lists {
            list.tree.forEachText(in: list.index) { entry in
                count += 1
                byteCount += Int(entry.count)
            }
        }
        var packed = PackedSourceTexts(reservingCapacityForTexts: count, bytes: byteCount)
        // In `Language.allCases` order, as `PackedSourceTexts.init(_:)` packs. The file's and
        // the tree's bytes opened once for each list, not for each text.
        for language in Language.allCases {
            guard let list = lists.first(where: { $0.language == language })?.node else { continue }
            packed.startList(language)
            let tree = list.tree
            source.withBytes { file in
                tree.bytes.withUnsafeBufferPointer { texts in
                    var around = LineAroundCache()
                    tree.forEachText(in: list.index) { entry in
                        let text = UnsafeBufferPointer(
                            rebasing: texts[Int(entry.first)..<Int(entry.first + entry.count)])
                        let textOffset = entry.isQuoted ? 1 : 0
                        let line: PackedSourceTexts.LineBytes
                        switch placement(
                            of: text, line: Int(entry.line), column: Int(entry.column), textOffset: textOffset, in: file
                        )
                        {
                        case .noLine:
                            line = .none
                        case .whole(let range):
                            line = .whole(UnsafeBufferPointer(rebasing: file[range]))
                        case .around(let range, let textRange):
                            line = .around(
                                head: UnsafeBufferPointer(rebasing: file[range.lowerBound..<textRange.lowerBound]),
                                tail: UnsafeBufferPointer(rebasing: file[textRange.upperBound..<range.upperBound]))
                        }
                        let location = SourceLocation(file: path, line: Int(entry.line), column: Int(entry.column))
                        if !packed.append(text, line: line, at: location, textOffset: textOffset, language) {
                            packed.appendKept(
                                sourceText(ofScalar: entry, file: file, texts: texts, around: &around), language)
                        }
                    }
                }
            }
        }
        return packed
    }

    /// The UTF-8 offset of the `count`-th Unicode scalar of `bytes` (its end when `count` is
    /// the number of scalars); nil beyond it.
    private static func offset(ofScalar count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard count >= 0 else { return nil }
        var remaining = count
        var offset = 0
        // Eight ASCII bytes at a time (such as a line's indentation), each a scalar of its own.
        while remaining >= 8 && offset + 8 <= bytes.count
            && UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            offset += 8
            remaining -= 8
        }
        while remaining > 0 {
            guard offset < bytes.count else { return nil }
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    // MARK: - Typed access that reports what is wrong
    // What is read is described lazily: the description is built only for a message.

    func mapping(_ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog) -> YAMLMapping? {
        if let mapping = node.mapping { return mapping }
        log.error(location(of: node), "\(what()) must be a mapping (key: value)", sourceLine: sourceLine(of: node))
        return nil
    }

    func sequence(_ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog) -> YAMLSequence? {
        if let sequence = node.sequence { return sequence }
        log.error(location(of: node), "\(what()) must be a list", sourceLine: sourceLine(of: node))
        return nil
    }

    func string(_ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog) -> String? {
        if let text = node.scalar { return text }
        log.error(location(of: node), "\(what()) must be text", sourceLine: sourceLine(of: node))
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    func texts(_ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog) -> [SourceText] {
        // Sized to the items: the loaded content keeps these lists, and growing by doubling
        // left a third of their memory unused at 10,000 intents.
        var texts: [SourceText] = []
        texts.reserveCapacity(node.sequence?.count ?? 1)
        // The file's and the tree's bytes opened once for the list, not for each text.
        let tree = node.tree
        source.withBytes { file in
            tree.bytes.withUnsafeBufferPointer { bytes in
                var around = LineAroundCache()
                forEachTextEntry(node, what(), log: log) { _, entry in
                    texts.append(sourceText(ofScalar: entry, file: file, texts: bytes, around: &around))
                }
            }
        }
        return texts
    }

    /// The first text of a list of texts (or the text itself) as a string, reporting the items
    /// that are not texts.
    func firstText(_ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog) -> String? {
        var first: Int32?
        forEachTextEntry(node, what(), log: log) { index, _ in first = first ?? index }
        return first.map { node.tree.string($0) }
    }

    /// Reports the items of a list of texts that are not texts, for a list read otherwise.
    func checkTexts(_ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog) {
        forEachTextEntry(node, what(), log: log) { _, _ in }
    }

    /// Calls `body` with the index and entry of each scalar of a list of texts (or of the node
    /// itself when it is a text), reporting the items that are not texts. Entries rather than
    /// nodes: a node for each item cost a retain and a release of the tree. Inlined, with the
    /// callers' bodies: a call through a closure for each text was a twentieth of reading them.
    @inline(__always)
    private func forEachTextEntry(
        _ node: YAMLNode, _ what: @autoclosure () -> String, log: DiagnosticLog,
        _ body: (Int32, YAMLTree.Entry) -> Void
    ) {
        let tree = node.tree
        if node.kind == .scalar { return body(node.index, tree.entry(node.index)) }
        guard let items = sequence(node, what(), log: log) else { return }
        for position in items.indices {
            let item = tree.child(node.index, position)
            let entry = tree.entry(item)
            if entry.kind == .scalar {
                body(item, entry)
            } else {
                let itemNode = YAMLNode(tree: tree, index: item)
                log.error(
                    location(of: itemNode), "each of \(what()) must be text", sourceLine: sourceLine(of: itemNode))
            }
        }
    }

    /// Reports keys the schema does not know (typos such as `pattern:` for `patterns:`).
    func rejectUnknownKeys(
        _ mapping: YAMLMapping, allowed: Set<String>, in what: @autoclosure () -> String, log: DiagnosticLog
    ) {
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            reportUnknownKey(key, name, allowed: allowed, in: what(), log: log)
        }
    }

    /// Reports the keys of `fields` that its schema does not know.
    func rejectUnknownKeys(
        _ fields: YAMLFields, allowed: [String], in what: @autoclosure () -> String, log: DiagnosticLog
    ) {
        for (key, name) in fields.unknownKeys { reportUnknownKey(key, name, allowed: allowed, in: what(), log: log) }
    }

    private func reportUnknownKey(
        _ key: YAMLNode, _ name: String, allowed: some Sequence<String>, in what: String, log: DiagnosticLog
    ) {
        let known = allowed.sorted().joined(separator: ", ")
        log.error(
            location(of: key), "unknown key '\(name)' in \(what) (expected one of: \(known))",
            sourceLine: sourceLine(of: key))
    }
}
