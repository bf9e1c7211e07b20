import ArgumentParser
import ConversationAnalytics
import Foundation

/// `supportbot report`: the deflection report from the conversation event log.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print the deflection report of a conversation event log.",
        // Written out so the hidden test subcommand does not add "<subcommand>" to it.
        usage: """
            supportbot report [--log <file> ...] [--since <YYYY-MM-DD>] [--until <YYYY-MM-DD>] [--target <target>] \
            [--json] [--html <file>]
            """,
        discussion: """
            Reads JSON Lines event logs (rotated files of each log too), skips and counts torn or corrupt \
            lines, and prints deflection against the target, containment per day, escalations by reason, \
            fallback and clarification rates, CSAT, resolution rate, response-time percentiles, per-intent \
            and per-language figures and the most frequent unmatched messages. The text output states \
            the definitions. Exit status: 0 ok, 2 bad input (unreadable log, bad date or target).
            """,
        subcommands: [WriteSampleEventsCommand.self]
    )

    static let defaultLog = "supportbot-events.jsonl"

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Event log files or glob patterns; a log's rotated files are read too. (default: \(defaultLog))",
            valueName: "file"))
    var log: [String] = []

    @Option(help: ArgumentHelp("Count conversations that start on or after this UTC day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(help: ArgumentHelp("Count conversations that start on or before this UTC day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @Option(help: "The deflection rate to reach, between 0 and 1.")
    var target: Double = 0.6

    @Flag(help: "Print every figure as one JSON object (schema_version 1) instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Also write a self-contained HTML report with charts to this file.", valueName: "file"))
    var html: String?

    func run() throws {
        do {
            try makeReport()
        } catch let error as ReportInputError {
            FileHandle.standardError.write(Data("supportbot report: error: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func makeReport() throws {
        let sinceDate = try since.map { try Self.day($0, option: "--since") }
        let untilDate = try until.map { EventTimeFormat.startOfNextDay(after: try Self.day($0, option: "--until")) }
        if let sinceDate, let untilDate, sinceDate >= untilDate {
            throw ReportInputError("--since \(since ?? "") is after --until \(until ?? "")")
        }
        guard target >= 0, target <= 1 else {
            throw ReportInputError("--target must be between 0 and 1 (0.6 means 60%), not \(target)")
        }
        let result: EventLogReader.Result
        do {
            result = try EventLogReader().read(log.isEmpty ? [Self.defaultLog] : log)
        } catch let error as EventLogError {
            throw ReportInputError(error.description)
        }
        let report = DeflectionReport(
            events: result.events, target: target, since: sinceDate, until: untilDate, skipped: result.skipped)
        if let html {
            do {
                try report.renderHTML().write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw ReportInputError("cannot write HTML report '\(html)': \(error.localizedDescription)")
            }
        }
        print(json ? report.renderJSON() : report.renderText(), terminator: "")
        if let html { FileHandle.standardError.write(Data("wrote HTML report to \(html)\n".utf8)) }
    }

    private static func day(_ text: String, option: String) throws -> Date {
        guard let date = EventTimeFormat.startOfDay(text) else {
            throw ReportInputError("\(option) '\(text)' is not a date (expected YYYY-MM-DD, e.g. 2025-01-31)")
        }
        return date
    }
}

/// Bad input to `report`: printed on standard error, exit status 2.
struct ReportInputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// `supportbot report write-sample-events`: appends generated events to a log (hidden).
///
/// For tests and demos of the log and the report: the crash-safety test kills it mid-stream, the
/// concurrency test runs several at once on one file, `Scripts/check-report-html.sh` reports on its
/// output. `--mode sequence` writes event i as conversation `<prefix>-<i / 10>`, turn `i % 10 + 1`,
/// message `event <i>`, so a reader can check that no event is missing or out of order.
struct WriteSampleEventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-sample-events",
        abstract: "Append generated events to an event log (for tests and demos).",
        shouldDisplay: false
    )

    enum Mode: String, ExpressibleByArgument {
        case sample, sequence
    }

    @Option(help: "The log to append to.")
    var path: String

    @Option(help: "How many events to write; 0 writes until killed.")
    var count = 1000

    @Option(help: "sample: varied, realistic-looking events; sequence: numbered events.")
    var mode: Mode = .sample

    @Option(help: "Conversation id prefix.")
    var prefix = "c"

    @Option(help: "Spread sample conversations over this many days.")
    var days = 14

    @Option(help: "First day of the sample (YYYY-MM-DD).")
    var start = "2025-03-01"

    @Option(help: "Seed of the sample generator.")
    var seed: UInt64 = 1

    @Option(help: "Rotate the log before it grows past this many bytes.")
    var maxBytes: Int?

    @Flag(help: "fsync after every event.")
    var sync = false

    func run() throws {
        guard let startDate = EventTimeFormat.startOfDay(start) else {
            throw ValidationError("--start '\(start)' is not a date (expected YYYY-MM-DD)")
        }
        let log = try JSONLinesEventLog(
            path: path, options: .init(maxBytes: maxBytes, sync: sync ? .everyEvent : .none))
        var generator = SampleEvents(prefix: prefix, start: startDate, days: max(1, days), seed: seed)
        var index = 0
        while count == 0 || index < count {
            let event = mode == .sequence ? sequenceEvent(index) : generator.next()
            try log.record(event)
            index += 1
        }
    }

    private func sequenceEvent(_ index: Int) -> ConversationEvent {
        ConversationEvent(
            time: Date(), conversation: "\(prefix)-\(index / 10)", turn: index % 10 + 1, language: "en",
            route: "answer", intent: "test.sequence", confidence: 1, responseTimeMicroseconds: index % 1000,
            message: "event \(index)")
    }
}

/// A deterministic stream of plausible events: conversations that are deflected (more often on some
/// days than others), escalated for various reasons, or left with fallbacks.
private struct SampleEvents {
    let prefix: String
    let start: Date
    let days: Int
    var random: SplitMix
    var pending: [ConversationEvent] = []
    var conversation = 0

    static let intents = [
        "deposit.missing", "withdrawal.pending", "kyc.status", "account.2fa_reset", "fees.trading",
        "p2p.dispute", "account.locked", "security.seed_phrase_shared", "staking.rewards",
    ]
    static let reasons = ["human_request", "not_understood", "high_risk", "frustration", "complaint"]
    static let unmatched = [
        "can i stake from the mobile app", "mình muốn đổi số điện thoại [PHONE]", "is there a referral bonus",
        "app bị lỗi font", "how to export tax report", "send statement to [EMAIL]", "tai sao phi cao vay",
        "what is launchpool",
    ]

    init(prefix: String, start: Date, days: Int, seed: UInt64) {
        self.prefix = prefix
        self.start = start
        self.days = days
        random = SplitMix(state: seed)
    }

    mutating func next() -> ConversationEvent {
        if pending.isEmpty { pending = makeConversation().reversed() }
        return pending.removeLast()
    }

    private mutating func makeConversation() -> [ConversationEvent] {
        defer { conversation += 1 }
        let day = conversation % days
        let startTime = start.addingTimeInterval(Double(day) * 86_400 + Double(random.below(80_000)))
        let language = random.chance(0.6) ? "vi" : random.chance(0.9) ? "en" : "unknown"
        let id = "\(prefix)-\(conversation)"
        var turns: [ConversationEvent] = []
        func add(_ route: String, _ intent: String?, reason: String? = nil, satisfaction: String? = nil) {
            let message: String
            if route == "fallback" {
                message = Self.unmatched[random.skewed(Self.unmatched.count)]
            } else if satisfaction != nil {
                message =
                    satisfaction == "yes" ? (language == "vi" ? "có" : "yes") : (language == "vi" ? "không" : "no")
            } else {
                message = intent.map { "question about \($0)" } ?? "hello"
            }
            let slow = random.chance(0.03)
            turns.append(
                ConversationEvent(
                    time: startTime.addingTimeInterval(Double(turns.count) * 25), conversation: id,
                    turn: turns.count + 1, language: language, route: route, intent: intent,
                    confidence: intent == nil ? 0 : 0.6 + Double(random.below(40)) / 100,
                    responseTimeMicroseconds: slow ? 1_500 + random.below(3_000) : 60 + random.below(400),
                    escalationReason: reason, satisfaction: satisfaction, message: message))
        }
        // Deflection drifts between about 45% and 75% over the days.
        let deflectChance = 0.6 + 0.15 * sin(Double(day) * 0.9)
        let intent = Self.intents[random.skewed(Self.intents.count)]
        if random.chance(deflectChance) {
            if random.chance(0.2) { add("clarify", nil) }
            add(intent.hasPrefix("security.") ? "security" : "answer", intent)
            if random.chance(0.8) { add("answer", nil, satisfaction: random.chance(0.9) ? "yes" : "no") }
        } else if random.chance(0.75) {
            if random.chance(0.4) { add("fallback", nil) }
            let reason = Self.reasons[random.skewed(Self.reasons.count)]
            add("escalate", reason == "not_understood" ? nil : intent, reason: reason)
        } else {
            add("fallback", nil)
            if random.chance(0.5) { add("fallback", nil) }
        }
        return turns
    }
}

/// SplitMix64: small, fast, deterministic.
private struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < probability }
    /// Low indices more often than high ones.
    mutating func skewed(_ count: Int) -> Int { min(below(count), below(count)) }
}
