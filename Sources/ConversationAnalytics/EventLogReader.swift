import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A line of a log that was not an event: torn by a crash, or corrupt.
public struct SkippedLogLine: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as it was given to the reader.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// Why it was skipped.
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(file):\(line): \(reason)" }
}

/// Reads JSON Lines event logs written by ``JSONLinesEventLog``, rotated files included.
///
/// A line that is not a complete event is skipped and reported with its file and line number:
/// a last line with no `"\n"` (a writer died mid-write), or a line that is not a valid event.
/// Blank lines are ignored.
public struct EventLogReader: Sendable {
    /// What a read found.
    public struct Result: Sendable, Hashable {
        /// The events, file by file in the order given, line by line.
        public var events: [ConversationEvent]
        /// The lines skipped, in reading order.
        public var skipped: [SkippedLogLine]
        /// The files read.
        public var files: [String]

        public init(events: [ConversationEvent] = [], skipped: [SkippedLogLine] = [], files: [String] = []) {
            self.events = events
            self.skipped = skipped
            self.files = files
        }
    }

    public init() {}

    /// Reads `files` in order. Throws ``EventLogError`` naming the first file that cannot be read.
    public func read(files: [String]) throws -> Result {
        var result = Result(files: files)
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw EventLogError("cannot read log '\(file)': \(Self.reason(for: file))")
            }
            let part = parse(data, file: file)
            result.events += part.events
            result.skipped += part.skipped
        }
        return result
    }

    /// Reads the files named by `arguments` (see ``resolve(_:includeRotated:)``).
    public func read(_ arguments: [String], includeRotated: Bool = true) throws -> Result {
        try read(files: Self.resolve(arguments, includeRotated: includeRotated))
    }

    /// Parses the bytes of one log; `file` only names it in ``SkippedLogLine``s.
    public func parse(_ data: Data, file: String) -> Result {
        var result = Result(files: [file])
        let decoder = JSONDecoder()
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            lineNumber += 1
            let newline = data[start...].firstIndex(of: 0x0A)
            let end = newline ?? data.endIndex
            let line = data[start..<end]
            start = newline.map { data.index(after: $0) } ?? data.endIndex
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard newline != nil else {
                result.skipped.append(
                    SkippedLogLine(file: file, line: lineNumber, reason: "torn last line (no newline)"))
                break
            }
            do {
                result.events.append(try decoder.decode(ConversationEvent.self, from: line))
            } catch {
                result.skipped.append(SkippedLogLine(file: file, line: lineNumber, reason: "not a valid event"))
            }
        }
        return result
    }

    /// Turns log arguments into the list of files to read.
    ///
    /// An argument with `*`, `?` or `[` is a glob pattern (it must match at least one file). Any other
    /// argument is a log path: with `includeRotated`, its rotated files (`<path>.<yyyyMMdd-HHmmss>[-N]`
    /// in the same folder) come first, oldest first, then the live file. The live file may be missing
    /// when rotated files exist. Files named twice are read once.
    public static func resolve(_ arguments: [String], includeRotated: Bool = true) throws -> [String] {
        var files: [String] = []
        var seen: Set<String> = []
        func add(_ file: String) {
            let key = URL(fileURLWithPath: file).standardizedFileURL.path
            if seen.insert(key).inserted { files.append(file) }
        }
        for argument in arguments {
            if argument.contains(where: { "*?[".contains($0) }) {
                let matches = glob(argument)
                guard !matches.isEmpty else { throw EventLogError("no log file matches '\(argument)'") }
                matches.forEach(add)
                continue
            }
            let rotated = includeRotated ? rotatedFiles(of: argument) : []
            rotated.forEach(add)
            if FileManager.default.fileExists(atPath: argument) || rotated.isEmpty {
                guard FileManager.default.isReadableFile(atPath: argument) else {
                    throw EventLogError("cannot read log '\(argument)': \(reason(for: argument))")
                }
                add(argument)
            }
        }
        return files
    }

    /// The rotated files of the log at `path`, oldest first.
    public static func rotatedFiles(of path: String) -> [String] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let stamped = entries.compactMap { entry -> (stamp: String, counter: Int, entry: String)? in
            guard entry.hasPrefix(name + "."), let parsed = rotationSuffix(entry.dropFirst(name.count + 1)) else {
                return nil
            }
            return (parsed.stamp, parsed.counter, entry)
        }
        let prefix = path.hasSuffix(name) ? String(path.dropLast(name.count)) : ""
        return stamped.sorted { ($0.stamp, $0.counter) < ($1.stamp, $1.counter) }.map { prefix + $0.entry }
    }

    /// `yyyyMMdd-HHmmss` with an optional `-N`.
    private static func rotationSuffix(_ suffix: Substring) -> (stamp: String, counter: Int)? {
        let parts = suffix.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 8, parts[1].count == 6,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let counter = parts.count == 3 ? Int(parts[2]) ?? 0 : 0
        return (parts[0] + "-" + parts[1], counter)
    }

    private static func glob(_ pattern: String) -> [String] {
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
            var matches = glob_t()
            defer { globfree(&matches) }
            guard systemGlob(pattern, &matches) == 0 else { return [] }
            return (0..<Int(matches.gl_pathc)).compactMap { index in
                matches.gl_pathv[index].map { String(cString: $0) }
            }
        #else
            return []
        #endif
    }

    private static func reason(for file: String) -> String {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) { return "no such file" }
        if isFolder.boolValue { return "it is a folder" }
        return "permission denied"
    }
}

// A free function: inside the type, `glob` resolves to its own member.
private func systemGlob(_ pattern: String, _ matches: inout glob_t) -> Int32 {
    glob(pattern, 0, nil, &matches)
}
