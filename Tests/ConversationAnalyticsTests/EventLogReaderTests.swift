import ConversationAnalytics
import Foundation
import Testing

@Suite("Event log reader")
struct EventLogReaderTests {
    func text(_ events: [ConversationEvent]) -> String {
        events.map { String(decoding: $0.jsonLine(), as: UTF8.self) }.joined()
    }

    @Test func tornLastLineIsSkippedAndCounted() {
        let good = text(Array(SmallLog.events.prefix(3)))
        let torn = String(String(decoding: SmallLog.events[3].jsonLine(), as: UTF8.self).prefix(40))
        let result = EventLogReader().parse(Data((good + torn).utf8), file: "events.jsonl")
        #expect(result.events == Array(SmallLog.events.prefix(3)))
        #expect(
            result.skipped == [SkippedLogLine(file: "events.jsonl", line: 4, reason: "torn last line (no newline)")])
    }

    @Test func aCompleteLastLineWithoutNewlineIsStillTorn() {
        // The writer always ends a line with "\n"; without it, the write did not finish.
        let line = String(decoding: SmallLog.events[0].jsonLine(), as: UTF8.self).dropLast()
        let result = EventLogReader().parse(Data(line.utf8), file: "f")
        #expect(result.events.isEmpty)
        #expect(result.skipped.map(\.line) == [1])
    }

    @Test func corruptLinesInTheMiddleAreSkippedWithTheirLineNumbers() {
        let lines = [
            text([SmallLog.events[0]]), "{\"time\":\"2025-01-06T0\n", "\n", "not json at all\n",
            text([SmallLog.events[1]]), "{\"turn\":1}\n",
        ]
        let result = EventLogReader().parse(Data(lines.joined().utf8), file: "log")
        #expect(result.events == [SmallLog.events[0], SmallLog.events[1]])
        #expect(
            result.skipped.map(\.description) == [
                "log:2: not a valid event", "log:4: not a valid event", "log:6: not a valid event",
            ])
    }

    @Test func readsSeveralFilesAndReportsUnreadableOnes() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try text(Array(SmallLog.events.prefix(5))).write(
            toFile: folder.path("a.jsonl"), atomically: true, encoding: .utf8)
        try text(Array(SmallLog.events.dropFirst(5))).write(
            toFile: folder.path("b.jsonl"), atomically: true, encoding: .utf8)
        let result = try EventLogReader().read([folder.path("a.jsonl"), folder.path("b.jsonl")])
        #expect(result.events == SmallLog.events)
        #expect(result.skipped.isEmpty)
        let globbed = try EventLogReader().read([folder.path("*.jsonl")])
        #expect(globbed.events == SmallLog.events)

        let missing = folder.path("missing.jsonl")
        #expect(throws: EventLogError("cannot read log '\(missing)': no such file")) {
            try EventLogReader().read([missing])
        }
        #expect(throws: EventLogError("no log file matches '\(folder.path("*.log"))'")) {
            try EventLogReader().read([folder.path("*.log")])
        }
        #expect(throws: EventLogError("cannot read log '\(folder.url.path)': it is a folder")) {
            try EventLogReader().read(files: [folder.url.path])
        }
    }

    @Test func rotatedFilesComeFirstOldestFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let names = [
            "ev.jsonl", "ev.jsonl.20250101-000000-10", "ev.jsonl.20250101-000000", "ev.jsonl.20241231-235959",
            "ev.jsonl.20250101-000000-2", "ev.jsonl.bak", "ev.jsonl.2025-01-01", "other.jsonl.20250101-000000",
        ]
        for name in names { _ = FileManager.default.createFile(atPath: folder.path(name), contents: Data()) }
        let expected = [
            "ev.jsonl.20241231-235959", "ev.jsonl.20250101-000000", "ev.jsonl.20250101-000000-2",
            "ev.jsonl.20250101-000000-10", "ev.jsonl",
        ].map(folder.path)
        #expect(try EventLogReader.resolve([folder.path("ev.jsonl")]) == expected)
        #expect(
            try EventLogReader.resolve([folder.path("ev.jsonl")], includeRotated: false) == [folder.path("ev.jsonl")])
        // Named twice: read once.
        #expect(
            try EventLogReader.resolve([folder.path("ev.jsonl"), folder.path("ev.jsonl.20250101-000000")]) == expected)
        // Only rotated files left: fine.
        try FileManager.default.removeItem(atPath: folder.path("ev.jsonl"))
        #expect(try EventLogReader.resolve([folder.path("ev.jsonl")]) == Array(expected.dropLast()))
    }
}
