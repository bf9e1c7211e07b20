import Foundation
import Yams

/// A parsed content file that knows how to point at its own lines.
struct YAMLFile {
    /// Content files are small; a bigger one is a mistake or an attack.
    static let maximumBytes = 4 << 20
    /// Deeper nesting than support content ever needs is refused before the parser recurses.
    static let maximumDepth = 64
    /// Nodes visited per file, aliases included: stops "billion laughs" expansions.
    static let maximumNodes = 200_000

    let path: String
    let lines: [Substring]
    let root: Node

    /// The implicit types content uses (`true`, `3`, empty): each rule is a regular expression
    /// tried on every plain scalar, and the default set's floats, timestamps and merge keys made
    /// tag resolution a quarter of loading.
    static let resolver = Resolver.basic.appending(.bool).appending(.int).appending(.null)

    /// Reads and parses `url`, reporting problems to `log`; nil when the file cannot be used.
    static func load(_ url: URL, relativePath: String, log: DiagnosticLog) -> YAMLFile? {
        let location = SourceLocation(file: relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.error(location, "cannot read the file")
            return nil
        }
        guard data.count <= maximumBytes else {
            log.error(location, "file is \(data.count) bytes; content files may be at most \(maximumBytes) bytes")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(location, "file is not valid UTF-8")
            return nil
        }
        // Split on bytes: splitting by Character cost as much as parsing the YAML.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            text[$0.startIndex..<$0.endIndex]
        }
        if let (line, column) = firstAnchorOrAlias(lines) {
            log.error(
                SourceLocation(file: relativePath, line: line, column: column),
                "anchors and aliases (&, *) are not allowed in content files", sourceLine: String(lines[line - 1]))
            return nil
        }
        if let tooDeep = firstOverlyNestedLine(lines) {
            log.error(
                SourceLocation(file: relativePath, line: tooDeep, column: 1),
                "nesting is deeper than \(maximumDepth) levels")
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text, Self.resolver) else {
                log.error(location, "file is empty")
                return nil
            }
            let file = YAMLFile(path: relativePath, lines: lines, root: root)
            var budget = maximumNodes
            guard file.checkStructure(root, depth: 0, budget: &budget, log: log) else { return nil }
            return file
        } catch let error as YamlError {
            let (mark, problem) = describe(error)
            let at = SourceLocation(file: relativePath, line: mark?.line ?? 0, column: mark?.column ?? 0)
            log.error(at, "YAML syntax: \(problem)", sourceLine: mark.flatMap { lineText($0.line, in: lines) })
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

    /// A cheap look at brackets and indentation before the recursive parser sees the text.
    private static func firstOverlyNestedLine(_ lines: [Substring]) -> Int? {
        var depth = 0
        for (index, line) in lines.enumerated() {
            let bytes = line.utf8
            let indentation = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            if indentation > maximumDepth * 4 { return index + 1 }
            var quote: UInt8?
            for byte in bytes {
                if let open = quote {
                    if byte == open { quote = nil }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                default: continue
                }
                if depth > maximumDepth { return index + 1 }
            }
        }
        return nil
    }

    /// Finds `&anchor` or `*alias` where a YAML node starts, outside quotes and block scalars.
    ///
    /// Checked on the text because the parser resolves aliases before we could see them, and
    /// nested aliases are how a small file expands into billions of nodes.
    private static func firstAnchorOrAlias(_ lines: [Substring]) -> (Int, Int)? {
        var blockIndentation: Int?
        for (index, line) in lines.enumerated() {
            let bytes = Array(line.utf8)
            let indentation = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            if let block = blockIndentation {
                if indentation == bytes.count || indentation > block { continue }
                blockIndentation = nil
            }
            var atNodeStart = true
            var quote: UInt8?
            var previous = UInt8(ascii: " ")
            for (offset, byte) in bytes.enumerated() {
                if let open = quote {
                    if byte == open { quote = nil }
                    previous = byte
                    continue
                }
                let next: UInt8? = offset + 1 < bytes.count ? bytes[offset + 1] : nil
                if byte == UInt8(ascii: "#") && previous == UInt8(ascii: " ") { break }
                if atNodeStart, byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*"), let next,
                    isAnchorNameStart(next)
                {
                    let column = bytes[..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
                    return (index + 1, column)
                }
                switch byte {
                case UInt8(ascii: " "): break
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): atNodeStart = true
                case UInt8(ascii: "-") where next == nil || next == UInt8(ascii: " "): atNodeStart = true
                case UInt8(ascii: ":") where next == nil || next == UInt8(ascii: " "): atNodeStart = true
                default: atNodeStart = false
                }
                previous = byte
            }
            if let last = line.split(separator: " ").last, last.first == "|" || last.first == ">" {
                blockIndentation = indentation
            }
        }
        return nil
    }

    private static func isAnchorNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func lineText(_ line: Int, in lines: [Substring]) -> String? {
        line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
    }

    /// Refuses anchors and aliases (never needed in support content, and the way to expand a
    /// small file into a huge tree) and bounds the number of nodes.
    private func checkStructure(_ node: Node, depth: Int, budget: inout Int, log: DiagnosticLog) -> Bool {
        budget -= 1
        if budget < 0 {
            log.error(location(of: node), "file has more than \(Self.maximumNodes) YAML nodes")
            return false
        }
        if node.anchor != nil {
            log.error(location(of: node), "anchors and aliases (&, *) are not allowed in content files")
            return false
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard checkStructure(key, depth: depth + 1, budget: &budget, log: log),
                    checkStructure(value, depth: depth + 1, budget: &budget, log: log)
                else { return false }
            }
        case .sequence(let sequence):
            for item in sequence {
                guard checkStructure(item, depth: depth + 1, budget: &budget, log: log) else { return false }
            }
        default:
            break
        }
        return true
    }

    func location(of node: Node) -> SourceLocation {
        SourceLocation(file: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    func sourceLine(of node: Node) -> String? {
        guard let line = node.mark?.line else { return nil }
        return Self.lineText(line, in: lines)
    }

    /// The node's text as a `SourceText`, pointing at its first character.
    func sourceText(_ node: Node) -> SourceText? {
        guard case .scalar(let scalar) = node else { return nil }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return SourceText(
            text: scalar.string, location: location(of: node), sourceLine: sourceLine(of: node),
            textOffset: quoted ? 1 : 0)
    }

    // MARK: - Typed access that reports what is wrong

    func mapping(_ node: Node, _ what: String, log: DiagnosticLog) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        log.error(location(of: node), "\(what) must be a mapping (key: value)", sourceLine: sourceLine(of: node))
        return nil
    }

    func sequence(_ node: Node, _ what: String, log: DiagnosticLog) -> Node.Sequence? {
        if case .sequence(let sequence) = node { return sequence }
        log.error(location(of: node), "\(what) must be a list", sourceLine: sourceLine(of: node))
        return nil
    }

    func string(_ node: Node, _ what: String, log: DiagnosticLog) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        log.error(location(of: node), "\(what) must be text", sourceLine: sourceLine(of: node))
        return nil
    }

    /// A list of texts; a single text is accepted as a list of one.
    func texts(_ node: Node, _ what: String, log: DiagnosticLog) -> [SourceText] {
        if let single = sourceText(node) { return [single] }
        guard let items = sequence(node, what, log: log) else { return [] }
        return items.compactMap { item in
            if let text = sourceText(item) { return text }
            log.error(location(of: item), "each of \(what) must be text", sourceLine: sourceLine(of: item))
            return nil
        }
    }

    /// Reports keys the schema does not know (typos such as `pattern:` for `patterns:`).
    func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: Set<String>, in what: String, log: DiagnosticLog) {
        for key in mapping.keys {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let known = allowed.sorted().joined(separator: ", ")
            log.error(
                location(of: key), "unknown key '\(name)' in \(what) (expected one of: \(known))",
                sourceLine: sourceLine(of: key))
        }
    }
}
