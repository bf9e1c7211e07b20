import ArgumentParser
import Foundation
import SupportBot
import TranscriptReplay

/// `supportbot replay`: transcripts (and logged traffic) through the engine, scored against what should happen.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay transcripts through the engine and report accuracy, deflection and failures.",
        discussion: """
            Each transcript line is a JSON object: {"conversation": "c-1", "user": "...", "expect_intent": "...", \
            "expect_route": "answer", "expect_language": "vi"}; every expect_* is optional and may be a list of \
            acceptable values. Conversations run in parallel on all cores; the output does not depend on it. \
            Exit status: 0 ok, 1 a --min-* threshold not met, 2 bad input (a bad transcript line, unknown \
            expected intent, content errors, unreadable log).
            """)

    @Argument(help: ArgumentHelp("Transcript files (JSON Lines).", valueName: "file"), completion: .file())
    var files: [String] = []

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "Print one JSON object (schema_version 1) instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Also write JUnit XML, one test case per expectation, to this file.", valueName: "file"))
    var junit: String?

    @Option(help: ArgumentHelp("Exit 1 when intent accuracy is below this (0...1).", valueName: "x"))
    var minIntentAccuracy: Double?

    @Option(help: ArgumentHelp("Exit 1 when route accuracy is below this (0...1).", valueName: "x"))
    var minRouteAccuracy: Double?

    @Option(help: ArgumentHelp("Exit 1 when language accuracy is below this (0...1).", valueName: "x"))
    var minLanguageAccuracy: Double?

    @Option(
        help: ArgumentHelp(
            "Replay with this content too and list every turn whose route or intent changed.", valueName: "dir"),
        completion: .directory)
    var baselineContent: String?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Replay the logged (redacted) user messages of these event logs through the content.", valueName: "file"))
    var fromLog: [String] = []

    @Option(
        help: ArgumentHelp(
            "How many failing (or changed logged) turns to list: a number or 'all'. (default: 50 in text, all in JSON)",
            valueName: "n"))
    var failures: String?

    @Option(help: ArgumentHelp("Conversations replayed at once. (default: all cores)", valueName: "n"))
    var threads: Int?

    @Option(
        help: ArgumentHelp(
            "Write the replayed turns' events (redacted) to this JSON Lines log, e.g. for `supportbot report`.",
            valueName: "file"))
    var log: String?

    @Flag(help: "Warn about expected intents the content lacks instead of stopping with status 2.")
    var allowUnknownIntents = false

    @Flag(help: "List the most common words of failing turns that no pattern of the content uses.")
    var unmatchedWords = false

    static let defaultTextFailures = 50

    func run() throws {
        let thresholds = try checkedThresholds()
        let failureLimit = try checkedFailureLimit()
        if let threads, threads < 1 { throw inputError("--threads must be at least 1") }
        if files.isEmpty, fromLog.isEmpty {
            throw inputError("give transcript files to replay, or --from-log FILE")
        }
        if files.isEmpty, !thresholds.isEmpty || junit != nil || baselineContent != nil {
            throw inputError("--min-*, --junit and --baseline-content need transcript files")
        }

        var transcript: Transcript?
        if !files.isEmpty {
            do {
                transcript = try Transcript.load(files: files)
            } catch {
                StandardError.print(error.description)
                throw ExitCode(2)
            }
        }
        let engine = try contentOptions.loadEngine()
        var runner = ReplayRunner(engine: engine, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        if let log {
            do {
                runner.engine.eventSink = try JSONLinesEventLog(path: log)
            } catch {
                StandardError.print("cannot open the log '\(log)': \(error)")
                throw ExitCode(2)
            }
        }
        let intentIDs = engine.content.intents.map(\.id)
        if let transcript {
            let unknown = transcript.unknownIntentDiagnostics(knownIntents: Set(intentIDs))
            if !unknown.isEmpty {
                if allowUnknownIntents {
                    StandardError.print(
                        unknown.map { $0.description.replacingOccurrences(of: ": error: ", with: ": warning: ") }
                            .joined(separator: "\n"))
                } else {
                    StandardError.print(TranscriptError(unknown).description)
                    StandardError.print("(--allow-unknown-intents replays anyway and scores those turns as failures)")
                    throw ExitCode(2)
                }
            }
        }

        var object: [String: JSONValue] = [:]
        var text = ""
        var failedThresholds: [ReplayThreshold.Outcome] = []
        if let transcript {
            let start = ContinuousClock.now
            let replies = runner.run(transcript)
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            StandardError.print(
                "replayed \(transcript.turns.count) turns in \(String(format: "%.2f", seconds)) s "
                    + "(\(runner.threads) threads)")
            let report = ReplayReport(transcript: transcript, replies: replies, contentIntents: intentIDs)
            let outcomes = thresholds.map { $0.check(report) }
            failedThresholds = outcomes.filter { !$0.passed }
            if json {
                object = report.jsonMembers(failureLimit: failureLimit)
                object["thresholds"] = .array(outcomes.map(\.jsonValue))
            } else {
                text += report.renderText(failureLimit: failureLimit ?? Self.defaultTextFailures)
            }
            if let baselineContent {
                let baseline = try loadBaseline(baselineContent)
                let baselineRunner = ReplayRunner(engine: baseline, threads: runner.threads)
                let baselineReport = ReplayReport(
                    transcript: transcript, replies: baselineRunner.run(transcript),
                    contentIntents: baseline.content.intents.map(\.id))
                let comparison = BaselineComparison(baseline: baselineReport, current: report)
                if json {
                    object["baseline"] = comparison.jsonValue(baselineName: baselineContent)
                } else {
                    text += "\n" + comparison.renderText(baselineName: baselineContent)
                }
            }
            if unmatchedWords {
                let words = UnmatchedWords(report: report, content: engine.content)
                if json {
                    object["unmatched_words"] = words.jsonValue()
                } else {
                    text += "\n" + words.renderText()
                }
            }
            if let junit {
                do {
                    try report.junitXML(elapsedSeconds: seconds).write(toFile: junit, atomically: true, encoding: .utf8)
                } catch {
                    throw inputError("cannot write JUnit file '\(junit)': \(error.localizedDescription)")
                }
            }
            if !outcomes.isEmpty, !json {
                text += "\nThresholds\n" + outcomes.map { "  " + $0.description + "\n" }.joined()
            }
        }
        if !fromLog.isEmpty {
            let result: EventLogReader.Result
            do {
                result = try EventLogReader().read(fromLog)
            } catch {
                throw inputError("\(error)")
            }
            for skipped in result.skipped {
                StandardError.print("\(skipped.file):\(skipped.line): warning: skipped: \(skipped.reason)")
            }
            let logReplay = LogReplay(events: result.events, runner: runner)
            if json {
                object["log_replay"] = logReplay.jsonValue(limit: failureLimit)
            } else {
                text +=
                    (text.isEmpty ? "" : "\n") + logReplay.renderText(limit: failureLimit ?? Self.defaultTextFailures)
            }
        }
        print(json ? JSONValue.object(object).rendered() : text, terminator: json ? "\n" : "")
        if !failedThresholds.isEmpty {
            for outcome in failedThresholds { StandardError.print("supportbot replay: " + outcome.description) }
            throw ExitCode(1)
        }
    }

    private func checkedThresholds() throws -> [ReplayThreshold] {
        let given: [(ReplayThreshold.Metric, Double?)] = [
            (.intentAccuracy, minIntentAccuracy), (.routeAccuracy, minRouteAccuracy),
            (.languageAccuracy, minLanguageAccuracy),
        ]
        return try given.compactMap { metric, value in
            guard let value else { return nil }
            guard value >= 0, value <= 1 else {
                throw inputError("\(metric.option) must be between 0 and 1 (0.9 means 90%), not \(value)")
            }
            return ReplayThreshold(metric, minimum: value)
        }
    }

    /// nil: the default of the output format.
    private func checkedFailureLimit() throws -> Int? {
        guard let failures else { return nil }
        if failures == "all" { return Int.max }
        guard let limit = Int(failures), limit >= 0 else {
            throw inputError("--failures takes a number or 'all', not '\(failures)'")
        }
        return limit
    }

    private func loadBaseline(_ directory: String) throws -> SupportEngine {
        do {
            return try SupportEngine.load(contentDirectory: URL(fileURLWithPath: directory, isDirectory: true))
        } catch {
            StandardError.print("baseline content '\(directory)':\n" + error.description)
            throw ExitCode(2)
        }
    }

    private func inputError(_ message: String) -> ExitCode {
        StandardError.print("supportbot replay: error: " + message)
        return ExitCode(2)
    }
}
