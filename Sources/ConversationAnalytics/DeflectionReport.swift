import Foundation

/// The figures support leads watch, computed from a log of ``ConversationEvent``s.
///
/// Definitions (the text and HTML renderings state them too):
/// - A conversation is **deflected** when it got at least one `answer` or `security` route and was
///   never handed to a human (an `escalate` route, or a security warning carrying an escalation
///   reason). **Deflection rate** = deflected / conversations, compared with ``target``.
/// - **Containment per day**: the deflection rate of the conversations that started that UTC day
///   (the day of a conversation's first event).
/// - **Escalation rate** = conversations handed to a human / conversations. Each is
///   counted once in ``escalationsByReason``, under the reason of its first escalation
///   (`unspecified` when the event gives none).
/// - **Fallback rate** and **clarification rate** = turns with that route / turns.
/// - **CSAT** = `yes` / (`yes` + `no`) answers to "did this help?".
/// - **Resolution rate** ("resolved on first contact") = conversations that were deflected and whose
///   satisfaction answers contain no `no` / conversations.
/// - **Response time** p50/p95/p99: nearest-rank percentiles of `response_time_us` over all turns.
/// - A conversation's **language** is that of its first event whose language is not `unknown`.
/// - **Unmatched messages**: messages of `fallback` turns, already redacted, grouped ignoring case and
///   repeated spaces, most frequent first.
///
/// The period selects whole conversations: one is counted when its first event is at or after
/// `since` and before `until`; all its events count then, even those after `until`.
/// Rates are `nil` when their denominator is zero.
public struct DeflectionReport: Sendable, Hashable {
    /// The version of the JSON schema (see `DeflectionReport+JSON.swift`).
    public static let schemaVersion = 1

    /// Response-time percentiles in microseconds; `nil` when there were no turns.
    public struct Percentiles: Sendable, Hashable {
        public var p50: Int?
        public var p95: Int?
        public var p99: Int?
        public var max: Int?

        public init(p50: Int? = nil, p95: Int? = nil, p99: Int? = nil, max: Int? = nil) {
            (self.p50, self.p95, self.p99, self.max) = (p50, p95, p99, max)
        }
    }

    /// Containment on one UTC day.
    public struct Day: Sendable, Hashable {
        /// `YYYY-MM-DD`.
        public var date: String
        public var conversations: Int
        public var deflected: Int
        public var deflectionRate: Double? { ratio(deflected, conversations) }

        public init(date: String, conversations: Int, deflected: Int) {
            (self.date, self.conversations, self.deflected) = (date, conversations, deflected)
        }
    }

    /// One intent's turns.
    public struct IntentFigures: Sendable, Hashable {
        public var intent: String
        /// Turns that matched this intent.
        public var turns: Int
        /// ... of which routed `answer` or `security`.
        public var answered: Int
        /// ... of which routed `escalate`.
        public var escalated: Int

        public init(intent: String, turns: Int, answered: Int, escalated: Int) {
            (self.intent, self.turns, self.answered, self.escalated) = (intent, turns, answered, escalated)
        }
    }

    /// One language's conversations.
    public struct LanguageFigures: Sendable, Hashable {
        public var language: String
        public var conversations: Int
        public var deflected: Int
        public var deflectionRate: Double? { ratio(deflected, conversations) }

        public init(language: String, conversations: Int, deflected: Int) {
            (self.language, self.conversations, self.deflected) = (language, conversations, deflected)
        }
    }

    /// A message the bot did not understand, with how often it came.
    public struct UnmatchedMessage: Sendable, Hashable {
        public var message: String
        public var count: Int

        public init(message: String, count: Int) {
            (self.message, self.count) = (message, count)
        }
    }

    /// The deflection rate to reach, 0...1.
    public var target: Double
    /// Conversations starting at or after this time, if set.
    public var since: Date?
    /// Conversations starting before this time, if set.
    public var until: Date?

    public var conversations = 0
    public var turns = 0
    public var deflected = 0
    /// Conversations with at least one `escalate` route.
    public var escalated = 0
    /// Conversations neither deflected nor escalated (only fallbacks and clarifications).
    public var unhandled = 0
    /// Escalated conversations by the reason of their first escalation.
    public var escalationsByReason: [String: Int] = [:]
    public var fallbackTurns = 0
    public var clarificationTurns = 0
    public var satisfactionYes = 0
    public var satisfactionNo = 0
    /// Deflected conversations with no "no" satisfaction answer.
    public var resolved = 0
    public var responseTime = Percentiles()
    /// Oldest day first.
    public var perDay: [Day] = []
    /// Most turns first, then by id.
    public var perIntent: [IntentFigures] = []
    /// Most conversations first, then by code.
    public var perLanguage: [LanguageFigures] = []
    /// Most frequent first, at most the limit given to the initializer.
    public var unmatched: [UnmatchedMessage] = []
    /// Log lines the reader skipped (torn or corrupt).
    public var skipped: [SkippedLogLine] = []

    public var deflectionRate: Double? { ratio(deflected, conversations) }
    public var escalationRate: Double? { ratio(escalated, conversations) }
    public var fallbackRate: Double? { ratio(fallbackTurns, turns) }
    public var clarificationRate: Double? { ratio(clarificationTurns, turns) }
    public var csat: Double? { ratio(satisfactionYes, satisfactionYes + satisfactionNo) }
    public var resolutionRate: Double? { ratio(resolved, conversations) }
    /// Whether the deflection rate reaches the target; `nil` with no conversations.
    public var targetMet: Bool? { deflectionRate.map { $0 >= target } }
    /// Deflection rate minus target, in percentage points (negative when short).
    public var targetGapPoints: Double? { deflectionRate.map { ($0 - target) * 100 } }
    public var skippedLines: Int { skipped.count }

    /// Computes the report.
    /// - Parameters:
    ///   - events: the events, in any order.
    ///   - target: the deflection rate to reach, 0...1.
    ///   - since: count conversations whose first event is at or after this time.
    ///   - until: count conversations whose first event is before this time.
    ///   - skipped: lines the reader skipped, reported as they are.
    ///   - unmatchedLimit: how many unmatched messages to keep.
    /// - Complexity: O(*n* log *n*) in the number of events.
    public init(
        events: [ConversationEvent], target: Double = 0.6, since: Date? = nil, until: Date? = nil,
        skipped: [SkippedLogLine] = [], unmatchedLimit: Int = 20
    ) {
        self.target = target
        self.since = since
        self.until = until
        self.skipped = skipped

        var byConversation: [String: [ConversationEvent]] = [:]
        for event in events { byConversation[event.conversation, default: []].append(event) }

        var days: [String: Day] = [:]
        var languages: [String: LanguageFigures] = [:]
        var intents: [String: IntentFigures] = [:]
        var unmatchedCounts: [String: UnmatchedMessage] = [:]
        var responseTimes: [Int] = []

        // Conversations in order of their first event, so ties (the shown form of an unmatched
        // message) resolve the same way whatever the order of the log.
        let ordered = byConversation.map { id, unsorted in
            (id: id, turns: unsorted.sorted { ($0.time, $0.turn) < ($1.time, $1.turn) })
        }.sorted { ($0.turns[0].time, $0.id) < ($1.turns[0].time, $1.id) }

        for (_, turnsOfConversation) in ordered {
            let first = turnsOfConversation[0]
            if let since, first.time < since { continue }
            if let until, first.time >= until { continue }

            conversations += 1
            turns += turnsOfConversation.count
            let routes = turnsOfConversation.map(\.route)
            let firstEscalation = turnsOfConversation.first(where: \.handsOver)
            let wasDeflected = firstEscalation == nil && routes.contains { $0 == "answer" || $0 == "security" }
            if wasDeflected { deflected += 1 }
            if let firstEscalation {
                escalated += 1
                escalationsByReason[firstEscalation.escalationReason ?? "unspecified", default: 0] += 1
            }
            if !wasDeflected && firstEscalation == nil { unhandled += 1 }
            let saidNo = turnsOfConversation.contains { $0.satisfaction == "no" }
            if wasDeflected && !saidNo { resolved += 1 }

            let day = EventTimeFormat.day(of: first.time)
            days[day, default: Day(date: day, conversations: 0, deflected: 0)].conversations += 1
            let language = turnsOfConversation.first { $0.language != "unknown" }?.language ?? "unknown"
            languages[language, default: LanguageFigures(language: language, conversations: 0, deflected: 0)]
                .conversations += 1
            if wasDeflected {
                days[day]?.deflected += 1
                languages[language]?.deflected += 1
            }

            for event in turnsOfConversation {
                responseTimes.append(event.responseTimeMicroseconds)
                switch event.route {
                case "fallback": fallbackTurns += 1
                case "clarify": clarificationTurns += 1
                default: break
                }
                switch event.satisfaction {
                case "yes": satisfactionYes += 1
                case "no": satisfactionNo += 1
                default: break
                }
                if let intent = event.intent {
                    var figures = intents[intent] ?? IntentFigures(intent: intent, turns: 0, answered: 0, escalated: 0)
                    figures.turns += 1
                    if event.route == "answer" || event.route == "security" { figures.answered += 1 }
                    if event.handsOver { figures.escalated += 1 }
                    intents[intent] = figures
                }
                if event.route == "fallback" {
                    let shown = event.message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    guard !shown.isEmpty else { continue }
                    let key = shown.lowercased()
                    if unmatchedCounts[key] == nil {
                        unmatchedCounts[key] = UnmatchedMessage(message: shown, count: 0)
                    }
                    unmatchedCounts[key]?.count += 1
                }
            }
        }

        responseTime = Self.percentiles(of: responseTimes)
        perDay = days.values.sorted { $0.date < $1.date }
        perIntent = intents.values.sorted { ($1.turns, $0.intent) < ($0.turns, $1.intent) }
        perLanguage = languages.values.sorted { ($1.conversations, $0.language) < ($0.conversations, $1.language) }
        unmatched = Array(
            unmatchedCounts.values.sorted { ($1.count, $0.message) < ($0.count, $1.message) }
                .prefix(max(0, unmatchedLimit)))
    }

    /// Nearest-rank percentiles: the smallest value with at least p% of the values at or below it.
    static func percentiles(of values: [Int]) -> Percentiles {
        guard !values.isEmpty else { return Percentiles() }
        let sorted = values.sorted()
        func rank(_ percent: Int) -> Int {
            // ceil(percent / 100 * n), in integers; at least 1.
            let index = (percent * sorted.count + 99) / 100
            return sorted[Swift.max(1, index) - 1]
        }
        return Percentiles(p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.last)
    }
}

/// `part / whole`, or nil when `whole` is zero.
func ratio(_ part: Int, _ whole: Int) -> Double? {
    whole == 0 ? nil : Double(part) / Double(whole)
}
