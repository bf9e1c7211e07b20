import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only JSON Lines file of ``ConversationEvent``s, safe against crashes and shared writers.
///
/// Each event is one line, written with ONE `write(2)` of the complete line (ending in `"\n"`) on a
/// file opened with `O_APPEND`, under an exclusive `flock(2)`, so:
/// - several threads or processes may append to the same file and lines never interleave
///   (`O_APPEND` alone does not promise that for regular files, the lock does);
/// - a crash or `kill -9` can at worst leave the last line torn; lines already written are never
///   touched. ``EventLogReader`` skips and counts a torn line, and the next writer starts on a new
///   line (it ends an unterminated last line with `"\n"` before its own), so a torn line never
///   damages the event written after it.
///
/// Rotation: before a write, when the file would grow past ``Options-swift.struct/maxBytes`` or was
/// last written on an earlier UTC day than now (``Options-swift.struct/rotateDaily``), it is renamed
/// to `<path>.<yyyyMMdd-HHmmss>` (the UTC time of its last write; `-1`, `-2`... if that name is taken)
/// and a new file is started. Writers in other processes notice the rename under the lock and reopen.
/// ``EventLogReader/resolve(_:includeRotated:)`` finds the rotated files again.
///
/// ```swift
/// let log = try JSONLinesEventLog(path: "supportbot-events.jsonl", options: .init(maxBytes: 64 << 20))
/// try log.record(event)
/// ```
public final class JSONLinesEventLog: ConversationEventSink {
    /// When to `fsync(2)` the file (and, on opening or rotating, its folder).
    public enum SyncPolicy: Sendable, Hashable {
        /// Leave flushing to the kernel: survives a process crash, not a power cut. The default.
        case none
        /// `fsync` after every event: survives a power cut too, at the cost of a disk flush per turn.
        case everyEvent
    }

    /// How the log rotates and syncs.
    public struct Options: Sendable {
        /// Rotate before a write that would make the file larger than this many bytes. `nil`: never.
        public var maxBytes: Int?
        /// Rotate when the file was last written on an earlier UTC day than ``clock`` says it is now.
        public var rotateDaily: Bool
        /// When to `fsync`.
        public var sync: SyncPolicy
        /// The current time, for daily rotation. Injected by tests.
        public var clock: @Sendable () -> Date

        public init(
            maxBytes: Int? = nil, rotateDaily: Bool = false, sync: SyncPolicy = .none,
            clock: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.maxBytes = maxBytes
            self.rotateDaily = rotateDaily
            self.sync = sync
            self.clock = clock
        }
    }

    /// The path of the live file.
    public let path: String
    public let options: Options
    /// The open file, closed after ``close()`` or a rotation (reopened on the next write).
    private let file = Locked(OpenFile())

    /// A descriptor and what this writer knows of the file behind it.
    private struct OpenFile {
        /// -1 when closed.
        var descriptor: Int32 = -1
        /// The file's size right after this writer's last line, or -1: while the file still ends
        /// there, its last byte is that line's newline and need not be read back.
        var endOfOwnLine: off_t = -1

        mutating func close() {
            if descriptor >= 0 { systemClose(descriptor) }
            descriptor = -1
            endOfOwnLine = -1
        }
    }

    /// Opens (creating if needed) the log at `path`. Throws when the file cannot be opened for appending.
    public init(path: String, options: Options = Options()) throws {
        self.path = path
        self.options = options
        let fd = try Self.open(path)
        if options.sync == .everyEvent { Self.syncFolder(of: path) }
        file.withLock { $0.descriptor = fd }
    }

    deinit {
        close()
    }

    public func record(_ event: ConversationEvent) throws {
        try append(line: event.jsonLine())
    }

    /// Appends one complete line, which must end in its only `"\n"`, with the guarantees described on the type.
    public func append(line: Data) throws {
        guard line.last == 0x0A, !line.dropLast().contains(0x0A) else {
            throw EventLogError("a line for event log '\(path)' must end in its only newline")
        }
        try file.withLock { file in
            while true {
                if file.descriptor < 0 {
                    file.descriptor = try Self.open(path)
                    // Make a file just created (or renamed away) survive a power cut as well.
                    if options.sync == .everyEvent { Self.syncFolder(of: path) }
                }
                guard flock(file.descriptor, LOCK_EX) == 0 else { throw Self.failure("cannot lock", path) }
                var current = stat()
                var onDisk = stat()
                guard fstat(file.descriptor, &current) == 0 else {
                    defer { _ = flock(file.descriptor, LOCK_UN) }
                    throw Self.failure("cannot stat", path)
                }
                // Another writer renamed the file away (rotation) or it was deleted: reopen the path.
                if stat(path, &onDisk) != 0 || onDisk.st_ino != current.st_ino || onDisk.st_dev != current.st_dev {
                    _ = flock(file.descriptor, LOCK_UN)
                    file.close()
                    continue
                }
                if needsRotation(size: Int(current.st_size), lastWrite: Self.modificationDate(current), line: line) {
                    let rotated = rotatedPath(for: Self.modificationDate(current))
                    let renamed = rename(path, rotated) == 0
                    let renameError = errno
                    _ = flock(file.descriptor, LOCK_UN)
                    file.close()
                    guard renamed else { throw Self.failure("cannot rotate to '\(rotated)'", path, renameError) }
                    continue
                }
                defer { _ = flock(file.descriptor, LOCK_UN) }
                var bytes = Data()
                // Another writer (or a crash) has been at the file when it no longer ends where our
                // last line did: read its last byte then.
                if current.st_size > 0, current.st_size != file.endOfOwnLine,
                    Self.lastByte(of: file.descriptor, size: current.st_size) != 0x0A
                {
                    bytes.append(0x0A)  // end a line torn by a crashed writer so ours starts clean
                }
                bytes.append(line)
                file.endOfOwnLine = -1
                try Self.writeAll(bytes, to: file.descriptor, path: path)
                file.endOfOwnLine = current.st_size + off_t(bytes.count)
                if options.sync == .everyEvent, fsync(file.descriptor) != 0 { throw Self.failure("cannot fsync", path) }
                return
            }
        }
    }

    /// Closes the file. A later ``record(_:)`` opens it again.
    public func close() {
        file.withLock { $0.close() }
    }

    // MARK: - Rotation

    private func needsRotation(size: Int, lastWrite: Date, line: Data) -> Bool {
        guard size > 0 else { return false }
        if let maxBytes = options.maxBytes, size + line.count > maxBytes { return true }
        if options.rotateDaily, EventTimeFormat.day(of: lastWrite) < EventTimeFormat.day(of: options.clock()) {
            return true
        }
        return false
    }

    private func rotatedPath(for lastWrite: Date) -> String {
        let base = path + "." + EventTimeFormat.rotationStamp(lastWrite)
        var candidate = base
        var counter = 0
        while access(candidate, F_OK) == 0 {
            counter += 1
            candidate = base + "-\(counter)"
        }
        return candidate
    }

    // MARK: - System calls

    private static func open(_ path: String) throws -> Int32 {
        // Read-write so the last byte can be checked with pread(2); O_APPEND still puts every write at the end.
        let fd = systemOpen(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot open", path) }
        return fd
    }

    private static func syncFolder(of path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fd = systemOpen(folder, O_RDONLY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        systemClose(fd)
    }

    private static func lastByte(of fd: Int32, size: off_t) -> UInt8? {
        var byte: UInt8 = 0
        return pread(fd, &byte, 1, size - 1) == 1 ? byte : nil
    }

    private static func writeAll(_ bytes: Data, to fd: Int32, path: String) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            // One write(2) in practice; the loop only finishes a short write (disk full, signal).
            while offset < buffer.count {
                let written = write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot write", path)
                }
                offset += written
            }
        }
    }

    private static func modificationDate(_ info: stat) -> Date {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1e9)
    }

    private static func failure(_ what: String, _ path: String, _ code: Int32 = errno) -> EventLogError {
        EventLogError("\(what) event log '\(path)': \(String(cString: strerror(code)))")
    }
}

// Free functions: inside the class, `open` and `close` would resolve to its own members.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}

private func systemClose(_ fd: Int32) {
    _ = close(fd)
}
