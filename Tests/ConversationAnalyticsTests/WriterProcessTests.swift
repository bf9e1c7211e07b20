import ConversationAnalytics
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tests that run the built `supportbot` binary: its hidden `report write-sample-events` subcommand
/// appends with ``JSONLinesEventLog``, so killing it tests the real writer. Skipped when no binary
/// has been built (`swift build` first).
@Suite("Writer processes", .enabled(if: SupportBotBinary.url != nil, "no built supportbot binary"))
struct WriterProcessTests {
    /// Waits until `path` holds at least `bytes` bytes (or 20 s pass).
    func waitForSize(_ path: String, _ bytes: Int) {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if size >= bytes { return }
            usleep(2_000)
        }
    }

    /// `event 0`, `event 1`... of one writer, as the sequence mode writes them.
    func indices(_ events: [ConversationEvent], prefix: String) -> [Int] {
        events.filter { $0.conversation.hasPrefix(prefix + "-") }.map { Int($0.message.dropFirst(6))! }
    }

    @Test func killingAWriterMidStreamLeavesEveryWrittenEventIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        var written: [String: Int] = [:]
        /// The last line of the file after each writer was killed.
        var tornCandidates: [Int] = []
        for round in 0..<4 {
            let prefix = "r\(round)"
            let before = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let writer = try SupportBotBinary.start(
                [
                    "report", "write-sample-events", "--path", path, "--mode", "sequence", "--count", "0", "--prefix",
                    prefix,
                ]
                    + (round.isMultiple(of: 2) ? [] : ["--sync"]),
                in: folder)
            waitForSize(path, before + 20_000 * (round + 1))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            #expect(writer.terminationReason == .uncaughtSignal)

            let result = try EventLogReader().read(files: [path])
            // Only the last line a killed writer left can be torn: this round's is the last line of
            // the file, an earlier round's stays where that writer stopped (a new writer starts
            // on a line of its own).
            let lineCount = try lines(of: path).count
            tornCandidates.append(lineCount)
            #expect(result.skipped.count <= round + 1)
            for torn in result.skipped { #expect(tornCandidates.contains(torn.line), "line \(torn.line) torn") }
            // Each writer's events are there from the first, none missing, in order.
            let mine = indices(result.events, prefix: prefix)
            #expect(mine.count > 0)
            #expect(mine == Array(0..<mine.count))
            written[prefix] = mine.count
            // Earlier rounds are untouched.
            for (earlier, count) in written { #expect(indices(result.events, prefix: earlier).count == count) }
        }
        // A new writer carries on after the crashes, on a line of its own.
        let log = try JSONLinesEventLog(path: path)
        try log.record(SmallLog.events[0])
        let after = try EventLogReader().read(files: [path])
        #expect(after.events.last == SmallLog.events[0])
        #expect(after.skipped.count <= 4)
    }

    @Test func severalProcessesAppendingAndRotatingNeverInterleave() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path("ev.jsonl")
        let (processes, perProcess) = (4, 1_500)
        let writers = try (0..<processes).map { index in
            try SupportBotBinary.start(
                [
                    "report", "write-sample-events", "--path", path, "--mode", "sequence", "--count",
                    String(perProcess), "--prefix", "p\(index)", "--max-bytes", "40000",
                ], in: folder)
        }
        for writer in writers {
            writer.waitUntilExit()
            #expect(writer.terminationStatus == 0)
        }
        let files = try EventLogReader.resolve([path])
        #expect(files.count > 3)  // rotated several times while four processes wrote
        let result = try EventLogReader().read(files: files)
        #expect(result.skipped.isEmpty)
        #expect(result.events.count == processes * perProcess)
        for index in 0..<processes {
            // Every event once, in order across the rotated files.
            #expect(indices(result.events, prefix: "p\(index)") == Array(0..<perProcess))
        }
    }
}

/// `supportbot report` end to end: figures, exit codes, messages.
@Suite("supportbot report", .enabled(if: SupportBotBinary.url != nil, "no built supportbot binary"))
struct ReportCommandTests {
    func folderWithSmallLog(name: String = "supportbot-events.jsonl") throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let log = try JSONLinesEventLog(path: folder.path(name))
        for item in SmallLog.events { try log.record(item) }
        return folder
    }

    @Test func jsonFromTheDefaultLog() throws {
        let folder = try folderWithSmallLog()
        defer { folder.cleanUp() }
        let output = try SupportBotBinary.run(["report", "--json", "--target", "0.5"], in: folder)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let object = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["conversations"] as? Int == 6)
        #expect(object["deflection_rate"] as? Double == 0.5)
        #expect(object["target_met"] as? Bool == true)  // 50% >= 50%
        #expect(object["skipped_lines"] as? Int == 0)
    }

    @Test func sinceAndUntilAreWholeUTCDaysInclusive() throws {
        let folder = try folderWithSmallLog()
        defer { folder.cleanUp() }
        let first = try SupportBotBinary.run(["report", "--json", "--until", "2025-01-06"], in: folder)
        let object = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["conversations"] as? Int == 3)  // c1 c2 c3
        #expect(object["until"] as? String == "2025-01-07T00:00:00.000Z")
        let second = try SupportBotBinary.run(["report", "--since", "2025-01-07", "--until", "2025-01-07"], in: folder)
        #expect(second.status == 0)
        #expect(second.stdout.contains("Deflection rate      33.3%  (1 of 3 conversations)"))
    }

    @Test func textAndHTML() throws {
        let folder = try folderWithSmallLog(name: "ev.jsonl")
        defer { folder.cleanUp() }
        // A torn last line is skipped, counted and named.
        let handle = try #require(FileHandle(forWritingAtPath: folder.path("ev.jsonl")))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"time":"#.utf8))
        try handle.close()
        let output = try SupportBotBinary.run(["report", "--log", "ev.jsonl", "--html", "report.html"], in: folder)
        #expect(output.status == 0)
        #expect(output.stdout.contains("SHORT by 10.0 pp"))
        #expect(output.stdout.contains("Log lines skipped (torn or corrupt): 1"))
        #expect(output.stdout.contains("ev.jsonl:14: torn last line (no newline)"))
        #expect(output.stderr == "wrote HTML report to report.html\n")
        let html = try String(contentsOfFile: folder.path("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
    }

    @Test(arguments: [
        (["--log", "missing.jsonl"], "supportbot report: error: cannot read log 'missing.jsonl': no such file\n"),
        (
            ["--since", "2025-02-30"],
            "supportbot report: error: --since '2025-02-30' is not a date (expected YYYY-MM-DD, e.g. 2025-01-31)\n"
        ),
        (
            ["--until", "yesterday"],
            "supportbot report: error: --until 'yesterday' is not a date (expected YYYY-MM-DD, e.g. 2025-01-31)\n"
        ),
        (
            ["--since", "2025-01-08", "--until", "2025-01-07"],
            "supportbot report: error: --since 2025-01-08 is after --until 2025-01-07\n"
        ),
        (["--target", "60"], "supportbot report: error: --target must be between 0 and 1 (0.6 means 60%), not 60.0\n"),
        (["--log", "*.nothing"], "supportbot report: error: no log file matches '*.nothing'\n"),
    ])
    func badInputExitsWithStatus2(arguments: [String], message: String) throws {
        let folder = try folderWithSmallLog()
        defer { folder.cleanUp() }
        let output = try SupportBotBinary.run(["report"] + arguments, in: folder)
        #expect(output.status == 2)
        #expect(output.stderr == message)
        #expect(output.stdout == "")
    }
}
