import ConversationAnalytics
import Foundation
import Testing

@Suite("JSON Lines event log")
struct JSONLinesEventLogTests {
    /// A message long enough that a line passes PIPE_BUF (4096 bytes) now and then.
    func numbered(_ writer: Int, _ index: Int) -> ConversationEvent {
        let padding = String(repeating: "x", count: (index % 7) * 1000)
        return event("w\(writer)", index + 1, "answer", at: at("2025-01-06", 1), message: "\(index) \(padding)")
    }

    /// Half a line, as a writer that died in the middle of its line leaves it.
    func appendLineOfAWriterThatDied(to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"time":"2025-01-07T08:00:00.000Z","conv"#.utf8))
        try handle.close()
    }

    @Test func appendsOneLinePerEvent() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let log = try JSONLinesEventLog(path: folder.path("ev.jsonl"), options: .init(sync: .everyEvent))
        for item in SmallLog.events { try log.record(item) }
        log.close()
        try log.record(SmallLog.events[0])  // reopens after close
        let lines = try lines(of: folder.path("ev.jsonl"))
        #expect(lines.count == SmallLog.events.count + 1)
        #expect(try EventLogReader().read([folder.path("ev.jsonl")]).events == SmallLog.events + [SmallLog.events[0]])
    }

    @Test func concurrentAppendsFromManyThreadsNeverInterleave() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let shared = try JSONLinesEventLog(path: path)
        let (writers, perWriter) = (16, 150)
        // Even writers share one log object; odd writers each open their own descriptor, so both the
        // in-process lock and flock(2) between descriptors are exercised.
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            let log = writer.isMultiple(of: 2) ? shared : try! JSONLinesEventLog(path: path)
            for index in 0..<perWriter { try! log.record(numbered(writer, index)) }
        }
        let result = try EventLogReader().read(files: [path])
        #expect(result.skipped.isEmpty)
        #expect(result.events.count == writers * perWriter)
        for writer in 0..<writers {
            let mine = result.events.filter { $0.conversation == "w\(writer)" }
            #expect(mine == (0..<perWriter).map { numbered(writer, $0) })
        }
    }

    @Test func aTornLineLeftByACrashDoesNotSpoilTheNextEvent() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let first = try JSONLinesEventLog(path: path)
        for item in SmallLog.events.prefix(3) { try first.record(item) }
        try appendLineOfAWriterThatDied(to: path)
        let second = try JSONLinesEventLog(path: path)
        try second.record(SmallLog.events[3])
        let result = try EventLogReader().read(files: [path])
        #expect(result.events == Array(SmallLog.events.prefix(4)))
        #expect(result.skipped == [SkippedLogLine(file: path, line: 4, reason: "not a valid event")])
    }

    /// The writer that wrote the last whole line skips reading the last byte back while the
    /// file still ends there; a torn line after it must still be ended.
    @Test func aTornLineAfterOurOwnLineIsEndedByOurNextWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let log = try JSONLinesEventLog(path: path)
        for item in SmallLog.events.prefix(2) { try log.record(item) }
        try appendLineOfAWriterThatDied(to: path)
        for item in SmallLog.events[2..<4] { try log.record(item) }
        let result = try EventLogReader().read(files: [path])
        #expect(result.events == Array(SmallLog.events.prefix(4)))
        #expect(result.skipped == [SkippedLogLine(file: path, line: 3, reason: "not a valid event")])
    }

    @Test func rotatesBySize() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let log = try JSONLinesEventLog(path: path, options: .init(maxBytes: 1_000))
        let events = (0..<60).map { event("c\($0)", 1, "answer", at: at("2025-01-06", 1), message: "message \($0)") }
        for item in events { try log.record(item) }
        let files = try EventLogReader.resolve([path])
        #expect(files.count > 5)
        #expect(files.last == path)
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
            #expect(size <= 1_000)
        }
        let result = try EventLogReader().read(files: files)
        #expect(result.events == events)  // every event, in order, across the rotated files
        #expect(result.skipped.isEmpty)
    }

    @Test func rotatesWhenTheDayChanges() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let now = at("2025-01-02", 12)
        let log = try JSONLinesEventLog(path: path, options: .init(rotateDaily: true, clock: { now }))
        try log.record(SmallLog.events[0])
        // Pretend that write happened the day before.
        try FileManager.default.setAttributes([.modificationDate: at("2025-01-01", 23, 30)], ofItemAtPath: path)
        try log.record(SmallLog.events[1])
        try log.record(SmallLog.events[2])  // same day: no rotation
        let rotated = folder.path("ev.jsonl.20250101-233000")
        #expect(try EventLogReader.resolve([path]) == [rotated, path])
        #expect(try EventLogReader().read(files: [rotated]).events == [SmallLog.events[0]])
        #expect(try EventLogReader().read(files: [path]).events == [SmallLog.events[1], SmallLog.events[2]])
    }

    @Test func aWriterNoticesAnotherWritersRotation() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let small = try JSONLinesEventLog(path: path, options: .init(maxBytes: 300))
        let unbounded = try JSONLinesEventLog(path: path)
        try unbounded.record(SmallLog.events[0])
        try small.record(SmallLog.events[1])  // rotates the file `unbounded` has open
        try unbounded.record(SmallLog.events[2])  // must follow the path to the new file
        let files = try EventLogReader.resolve([path])
        #expect(files.count == 2)
        #expect(try EventLogReader().read(files: [path]).events == [SmallLog.events[1], SmallLog.events[2]])
    }

    @Test func openingAnUnwritablePathFails() {
        #expect(throws: EventLogError.self) {
            try JSONLinesEventLog(path: "/nonexistent-folder-for-tests/ev.jsonl")
        }
    }
}
