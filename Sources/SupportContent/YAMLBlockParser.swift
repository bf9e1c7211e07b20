import CYaml

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds a ``YAMLTree`` straight from a file's bytes when the file keeps to the block style
/// content is written in; nil for anything else, which goes to libyaml's events as before.
///
/// At 10,000 intents libyaml's scanner, token queue and events cost most of reading 10 MB of
/// intents. This reads the same files line by line: block mappings with plain keys, block
/// sequences (indented or not), and one-line scalars, plain or quoted without escapes, with
/// comments and blank lines between. It gives the tree libyaml's events give (same nodes, texts,
/// styles, lines and columns, children in the same order) and returns nil at the first thing
/// outside that subset, such as flow collections, block scalars, escapes, tabs, carriage
/// returns, empty values, several documents, a key written twice, or `&`, `*` and brackets in
/// plain texts, so that libyaml, and Yams after it, keep deciding every file that is unusual or
/// wrong, and the loader's checks for anchors and deep nesting need not read a file taken here
/// (unless, for nesting, a comment holds a bracket: see ``parse(plain:maximumNodes:)``).
enum YAMLBlockParser {
    /// The tree of `bytes` (UTF-8), or nil when the file is not in the subset read here.
    static func build(_ bytes: UnsafeBufferPointer<UInt8>, maximumNodes: Int) -> YAMLTree? {
        guard hasOnlyPlainCharacters(bytes) else { return nil }
        return build(plain: Array(bytes), maximumNodes: maximumNodes)
    }

    /// ``build(_:maximumNodes:)`` for bytes known to have only plain characters (see
    /// ``UTF8Scan``).
    /// The tree keeps `file` for its scalars' texts, without a copy.
    static func build(plain file: [UInt8], maximumNodes: Int) -> YAMLTree? {
        build(plain: SourceFileText(validUTF8: file), maximumNodes: maximumNodes)
    }

    /// ``build(plain:maximumNodes:)`` for a file whose lines are already found: the parser goes
    /// from line to line by them rather than looking for each line's end again.
    static func build(plain source: SourceFileText, maximumNodes: Int) -> YAMLTree? {
        parse(plain: source, maximumNodes: maximumNodes)?.tree
    }

    /// ``build(plain:maximumNodes:)``, and whether a comment holds a bracket (`[`, `]`, `{`,
    /// `}`), which the nesting check counts as it counts them anywhere outside quotes: the only
    /// place, besides quotes, a taken file may have one. Nil too when a line, even blank or a
    /// comment, has more than `maximumIndentation` leading spaces (``SourceFileText/firstLine(indentedDeeperThan:)``
    /// finds one): looked for here as each line's indentation is found, not in a pass of its own.
    static func parse(plain source: SourceFileText, maximumNodes: Int, maximumIndentation: Int = .max)
        -> (tree: YAMLTree, commentHasBracket: Bool)?
    {
        source.withBytes { bytes in
            source.lineStarts.withUnsafeBufferPointer { lineStarts in
                var parser = Parser(
                    bytes: bytes, lineStarts: lineStarts, maximumNodes: maximumNodes,
                    maximumIndentation: maximumIndentation)
                guard let tree = try? parser.document(in: source.bytes) else {
                    parser.deallocate()
                    return nil
                }
                return (tree, parser.commentHasBracket)
            }
        }
    }

    /// Whether `bytes` lack what libyaml reads specially: control characters other than line
    /// feeds (tabs and carriage returns included), DEL, C1 controls, Unicode line and paragraph
    /// separators, byte order marks and the non-characters U+FFFE and U+FFFF.
    static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight bytes at a time while they are all printable ASCII: no high bit, none below
            // a space (a borrow can only add false alarms above a true one), no DEL.
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let isDelete = (del &- 0x0101_0101_0101_0101) & ~del & high
                if (word & high) | belowSpace | isDelete == 0 {
                    index += 8
                    continue
                }
            }
            // Otherwise these eight bytes one by one.
            let stop = min(index + 8, count)
            while index < stop {
                let byte = bytes[index]
                index += 1
                let special =
                    byte < 0x20 ? byte != 0x0A : byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF
                if special && !isPlainSpecial(byte, followedBy: UnsafeBufferPointer(rebasing: bytes[index...])) {
                    return false
                }
            }
        }
        return true
    }

    /// Whether `byte` (below a space, DEL, or the lead byte of a character libyaml may read
    /// specially) starts a character read as text, given the bytes after it.
    private static func isPlainSpecial(_ byte: UInt8, followedBy next: UnsafeBufferPointer<UInt8>) -> Bool {
        switch byte {
        case 0xC2:
            // U+0080...U+009F: C1 controls and NEL, a line break to libyaml.
            return next.count < 1 || next[0] >= 0xA0
        case 0xE2:
            // U+2028, U+2029: line and paragraph separators.
            return next.count < 2 || next[0] != 0x80 || (next[1] != 0xA8 && next[1] != 0xA9)
        case 0xEF:
            // U+FEFF (a byte order mark) and U+FFFE, U+FFFF.
            guard next.count >= 2 else { return true }
            return !(next[0] == 0xBB && next[1] == 0xBF) && !(next[0] == 0xBF && next[1] >= 0xBE)
        default:
            // Controls other than the line feed (tabs and carriage returns included), and DEL.
            return false
        }
    }

    /// Thrown at the first thing the subset does not take.
    struct Unsupported: Error {}

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let maximumNodes: Int
        let maximumIndentation: Int
        /// The tree's lists, held here rather than in a ``YAMLTree`` until the end: appending
        /// to a class's arrays paid a dynamic exclusivity check each time.
        var entries: NodeList<YAMLTree.Entry>
        var children: NodeList<Int32>
        /// Children of the open collections, innermost last (as in ``YAMLTreeBuilder``).
        var pending = NodeList<Int32>(capacity: 64)
        /// The current content line (not blank, not only a comment): where it starts and ends
        /// (at its `\n` or the end of the file), its 1-based number and its indentation; the
        /// indentation is -1 after the last line.
        var lineStart = 0
        var lineEnd = 0
        var lineNumber = 0
        var indentation = -1
        /// Where each line starts (``SourceFileText/lineStarts``), and the index of the line
        /// after the current one.
        let lineStarts: UnsafeBufferPointer<UInt32>
        var nextLine = 0
        /// Whether a comment holds a bracket.
        var commentHasBracket = false
        /// Whether the file has a backslash anywhere: when it has none, no double-quoted text
        /// needs looking at for one (a search in each was a twentieth of parsing 10,000 intents).
        let hasBackslash: Bool

        init(
            bytes: UnsafeBufferPointer<UInt8>, lineStarts: UnsafeBufferPointer<UInt32>, maximumNodes: Int,
            maximumIndentation: Int
        ) {
            self.bytes = bytes
            self.lineStarts = lineStarts
            self.maximumNodes = maximumNodes
            self.maximumIndentation = maximumIndentation
            hasBackslash = bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\\")), bytes.count) != nil } ?? false
            // About one node for every 30 bytes of content.
            entries = NodeList(capacity: bytes.count / 24 + 16)
            children = NodeList(capacity: bytes.count / 24 + 16)
        }

        /// Frees the lists, for a document not taken; the parser is not used after.
        func deallocate() {
            entries.deallocate()
            children.deallocate()
            pending.deallocate()
        }

        static let plainStyle = UInt8(YAML_PLAIN_SCALAR_STYLE.rawValue)
        static let singleQuotedStyle = UInt8(YAML_SINGLE_QUOTED_SCALAR_STYLE.rawValue)
        static let doubleQuotedStyle = UInt8(YAML_DOUBLE_QUOTED_SCALAR_STYLE.rawValue)

        /// The document, whose scalars' texts are where they are in `file`, the array of `bytes`.
        mutating func document(in file: [UInt8]) throws(Unsupported) -> YAMLTree {
            try advance()
            guard indentation == 0 else { throw Unsupported() }
            _ = try node(at: 0)
            guard indentation < 0 else { throw Unsupported() }
            pending.deallocate()
            return YAMLTree(owning: entries.elements(from: 0), bytes: file, children: children.elements(from: 0))
        }

        /// Moves to the next content line, counting the blank and comment lines it passes;
        /// throws at a line indented deeper than `maximumIndentation`.
        @inline(__always)
        mutating func advance() throws(Unsupported) {
            // Up to the last line that holds a byte (the empty one after a final `\n` is no line).
            while nextLine < lineStarts.count && Int(lineStarts[nextLine]) < bytes.count {
                let start = Int(lineStarts[nextLine])
                nextLine += 1
                let end = nextLine < lineStarts.count ? Int(lineStarts[nextLine]) - 1 : bytes.count
                lineNumber += 1
                var first = start
                // The indentation eight spaces at a time, then space by space.
                while first + 8 <= end
                    && UnsafeRawPointer(bytes.baseAddress! + first).loadUnaligned(as: UInt64.self)
                        == 0x2020_2020_2020_2020
                {
                    first += 8
                }
                while first < end && bytes[first] == UInt8(ascii: " ") { first += 1 }
                guard first - start <= maximumIndentation else { throw Unsupported() }
                if first == end { continue }
                if bytes[first] == UInt8(ascii: "#") {
                    if hasBracket(from: first, to: end) { commentHasBracket = true }
                    continue
                }
                (lineStart, lineEnd, indentation) = (start, end, first - start)
                return
            }
            lineStart = bytes.count
            lineEnd = bytes.count
            indentation = -1
        }

        // Inlined, as are the other readers the parsing functions call for each line: a call
        // copied the whole parser to pass it, for each key and item.
        @inline(__always)
        func byte(_ column: Int) -> UInt8? {
            lineStart + column < lineEnd ? bytes[lineStart + column] : nil
        }

        /// Whether `bytes[start..<end]` holds `[`, `]`, `{` or `}`: outside quotes, the nesting
        /// check counts them, even in comments and plain texts.
        func hasBracket(from start: Int, to end: Int) -> Bool {
            bytes[start..<end].contains { Self.isBracket($0) }
        }

        static func isBracket(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{")
                || byte == UInt8(ascii: "}")
        }

        /// Notes whether the comment from `column` to the end of the line holds a bracket.
        mutating func noteComment(from column: Int) {
            if hasBracket(from: lineStart + column, to: lineEnd) { commentHasBracket = true }
        }

        /// Whether a block sequence entry (`-` then a space or the end of the line) is at `column`.
        @inline(__always)
        func isEntry(at column: Int) -> Bool {
            guard byte(column) == UInt8(ascii: "-") else { return false }
            let next = byte(column + 1)
            return next == nil || next == UInt8(ascii: " ")
        }

        /// The column of the `:` that ends a plain key starting at `column` (letters, digits,
        /// `_`, then also `.` and `-`), when a space or the end of the line follows it.
        @inline(__always)
        func keyEnd(at column: Int) -> Int? {
            // By offsets in the file: through `byte(_:)`, each byte was an optional and a
            // bounds check, a tenth of parsing.
            var position = lineStart + column
            guard position < lineEnd, Self.isKeyStart(bytes[position]) else { return nil }
            position += 1
            while position < lineEnd,
                Self.isKeyStart(bytes[position]) || bytes[position] == UInt8(ascii: ".")
                    || bytes[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            let end = position - lineStart
            guard end - column <= 128, position < lineEnd, bytes[position] == UInt8(ascii: ":") else { return nil }
            return position + 1 == lineEnd || bytes[position + 1] == UInt8(ascii: " ") ? end : nil
        }

        static func isKeyStart(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }

        /// A collection that starts at `column` of the current line.
        mutating func node(at column: Int) throws(Unsupported) -> Int32 {
            if isEntry(at: column) {
                guard column == indentation else { throw Unsupported() }
                return try sequence(at: column)
            }
            guard let colon = keyEnd(at: column) else { throw Unsupported() }
            return try mapping(at: column, firstColon: colon)
        }

        /// A block mapping whose keys are at `column`, the first on the current line, its `:` at
        /// `firstColon` (found by the caller, which told a mapping from a text by it).
        mutating func mapping(at column: Int, firstColon: Int) throws(Unsupported) -> Int32 {
            let node = try add(YAMLTree.Entry(kind: .mapping, style: 0, line: lineNumber, column: column + 1, first: 0))
            let firstChild = pending.count
            var nextColon: Int? = firstColon
            repeat {
                guard let colon = nextColon ?? keyEnd(at: column) else { throw Unsupported() }
                nextColon = nil
                let key = try scalar(from: column, to: column, colon, style: Self.plainStyle)
                pending.append(key)
                var start = colon + 1
                while byte(start) == UInt8(ascii: " ") { start += 1 }
                if let first = byte(start), first != UInt8(ascii: "#") {
                    pending.append(try inlineScalar(at: start))
                    try advance()
                    guard indentation <= column else { throw Unsupported() }
                } else {
                    // Nothing after the key (but a comment): its value is on the lines below.
                    if byte(start) != nil { noteComment(from: start) }
                    try advance()
                    if indentation > column {
                        pending.append(try self.node(at: indentation))
                    } else if indentation == column && isEntry(at: column) {
                        pending.append(try sequence(at: column))
                    } else {
                        throw Unsupported()
                    }
                }
            } while indentation == column
            guard hasDistinctKeys(from: firstChild) else { throw Unsupported() }
            setChildren(of: node, from: firstChild)
            return node
        }

        /// Whether the keys pending from `firstChild` (every other item) differ.
        ///
        /// Keys read here are plain and ASCII (see ``keyEnd(at:)``), so they are equal as strings
        /// exactly when their bytes are: compared by length and bytes, without the general check's
        /// canonical equivalence, for a few keys; the general check for many.
        @inline(__always)
        func hasDistinctKeys(from firstChild: Int) -> Bool {
            guard pending.count - firstChild <= 32 else {
                return YAMLTreeBuilder.hasDistinctScalarKeys(
                    pending.elements(from: firstChild), entries: entries.elements(from: 0), bytes: bytes)
            }
            func key(_ position: Int) -> UnsafeBufferPointer<UInt8> {
                let entry = entries[Int(pending[position])]
                return UnsafeBufferPointer(rebasing: bytes[Int(entry.first)..<Int(entry.first + entry.count)])
            }
            for position in stride(from: firstChild, to: pending.count, by: 2) {
                let name = key(position)
                for other in stride(from: position + 2, to: pending.count, by: 2) {
                    let otherName = key(other)
                    if otherName.count == name.count && otherName.elementsEqual(name) { return false }
                }
            }
            return true
        }

        /// A block sequence whose entries' dashes are at `column`, the first on the current line.
        mutating func sequence(at column: Int) throws(Unsupported) -> Int32 {
            let node = try add(
                YAMLTree.Entry(kind: .sequence, style: 0, line: lineNumber, column: column + 1, first: 0))
            let firstChild = pending.count
            repeat {
                var start = column + 1
                while byte(start) == UInt8(ascii: " ") { start += 1 }
                guard start > column + 1, let first = byte(start), first != UInt8(ascii: "#"), !isEntry(at: start)
                else { throw Unsupported() }
                if let colon = keyEnd(at: start) {
                    pending.append(try mapping(at: start, firstColon: colon))
                } else {
                    pending.append(try inlineScalar(at: start))
                    try advance()
                }
                guard indentation <= column else { throw Unsupported() }
            } while indentation == column && isEntry(at: column)
            setChildren(of: node, from: firstChild)
            return node
        }

        /// A scalar that starts at `column` and ends on this line, with at most a comment after it.
        @inline(__always)
        mutating func inlineScalar(at column: Int) throws(Unsupported) -> Int32 {
            let first = byte(column)!
            let quote = first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
            if quote {
                // The closing quote on this line, found by memchr; escapes are libyaml's to read.
                let start = bytes.baseAddress! + lineStart + column + 1
                let length = lineEnd - lineStart - column - 1
                var end = lineEnd - lineStart
                if let found = memchr(start, Int32(first), length) {
                    end = column + 1 + start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                }
                if first == UInt8(ascii: "\""), hasBackslash,
                    memchr(start, Int32(UInt8(ascii: "\\")), end - column - 1) != nil
                {
                    throw Unsupported()
                }
                // Unclosed on this line, or `''` (a quote inside single quotes).
                guard byte(end) != nil, byte(end + 1) != UInt8(ascii: "'") || first != UInt8(ascii: "'") else {
                    throw Unsupported()
                }
                var after = end + 1
                while byte(after) == UInt8(ascii: " ") { after += 1 }
                if let next = byte(after) {
                    guard next == UInt8(ascii: "#"), after > end + 1 else { throw Unsupported() }
                    noteComment(from: after)
                }
                let style = first == UInt8(ascii: "'") ? Self.singleQuotedStyle : Self.doubleQuotedStyle
                return try scalar(from: column, to: column + 1, end, style: style)
            }
            // `-`, `?` and `:` start a plain scalar when something other than a space follows.
            let second = byte(column + 1)
            let startsPlain =
                first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":")
                ? second != nil && second != UInt8(ascii: " ") : !Self.isIndicator(first)
            guard startsPlain else { throw Unsupported() }
            var end = column + 1
            var last = column + 1
            while let next = byte(end) {
                if next == UInt8(ascii: ":") {
                    let after = byte(end + 1)
                    if after == nil || after == UInt8(ascii: " ") { throw Unsupported() }
                } else if next == UInt8(ascii: "#") && bytes[lineStart + end - 1] == UInt8(ascii: " ") {
                    noteComment(from: end)
                    break
                } else if next == UInt8(ascii: "&") || next == UInt8(ascii: "*") || Self.isBracket(next) {
                    // Left to the checks that may take it for an anchor or alias (`a - *b`) or
                    // count its brackets as nesting: a file taken here has none of them outside
                    // quotes, so they need not look.
                    throw Unsupported()
                }
                end += 1
                if next != UInt8(ascii: " ") { last = end }
            }
            return try scalar(from: column, to: column, last, style: Self.plainStyle)
        }

        /// Bytes that cannot start a plain scalar here, or that start one only in some contexts.
        static func isIndicator(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"),
                UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                return true
            default:
                return false
            }
        }

        /// A scalar node marked at `column` whose text is the line's bytes `textStart..<textEnd`.
        mutating func scalar(from column: Int, to textStart: Int, _ textEnd: Int, style: UInt8)
            throws(Unsupported) -> Int32
        {
            var entry = YAMLTree.Entry(
                kind: .scalar, style: style, line: lineNumber, column: column + 1, first: lineStart + textStart)
            entry.count = Int32(textEnd - textStart)
            return try add(entry)
        }

        @inline(__always)
        mutating func add(_ entry: YAMLTree.Entry) throws(Unsupported) -> Int32 {
            guard entries.count < maximumNodes else { throw Unsupported() }
            entries.append(entry)
            return Int32(entries.count - 1)
        }

        /// Moves the children pending from `firstChild` on to `node`'s list.
        @inline(__always)
        mutating func setChildren(of node: Int32, from firstChild: Int) {
            entries[Int(node)].first = Int32(children.count)
            entries[Int(node)].count = Int32(pending.count - firstChild)
            children.append(contentsOf: pending.elements(from: firstChild))
            pending.removeAll(from: firstChild)
        }
    }

    /// A list the parser appends to for each node, in memory it owns until the tree takes it
    /// or ``deallocate()`` frees it. Appending to an array called the runtime each time to
    /// check that its buffer was not shared: a tenth of parsing 10,000 intents.
    struct NodeList<Element: BitwiseCopyable> {
        private var base: UnsafeMutablePointer<Element>
        private var capacity: Int
        private(set) var count = 0

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        subscript(position: Int) -> Element {
            get { base[position] }
            nonmutating set { base[position] = newValue }
        }

        mutating func append(_ element: Element) {
            if count == capacity { grow(toHold: count + 1) }
            (base + count).initialize(to: element)
            count += 1
        }

        mutating func append(contentsOf elements: UnsafeBufferPointer<Element>) {
            if count + elements.count > capacity { grow(toHold: count + elements.count) }
            if let start = elements.baseAddress { (base + count).initialize(from: start, count: elements.count) }
            count += elements.count
        }

        /// The elements from `position` on, valid until the list next changes.
        func elements(from position: Int) -> UnsafeBufferPointer<Element> {
            UnsafeBufferPointer(start: base + position, count: count - position)
        }

        mutating func removeAll(from position: Int) { count = position }

        func deallocate() { base.deallocate() }

        private mutating func grow(toHold needed: Int) {
            let larger = max(needed, capacity * 2)
            let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
            (base, capacity) = (moved, larger)
        }
    }
}
