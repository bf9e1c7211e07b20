import Foundation

/// The JSON rendering: one object, keys sorted, stable across versions of the same `schema_version`.
///
/// ```
/// {
///   "schema_version": 1,
///   "since": "2025-01-01T00:00:00.000Z" | null,     // conversations starting at or after
///   "until": "2025-02-01T00:00:00.000Z" | null,     // conversations starting before
///   "conversations": 40, "turns": 130,
///   "deflected": 25, "deflection_rate": 0.625,      // rates: 0...1, 4 decimals, null when 0/0
///   "target": 0.6, "target_met": true, "target_gap_pp": 2.5,   // null with no conversations
///   "escalated": 12, "escalation_rate": 0.3, "unhandled": 3,
///   "escalations_by_reason": {"human_request": 7, "high_risk": 5},
///   "fallback_turns": 10, "fallback_rate": 0.0769,
///   "clarification_turns": 4, "clarification_rate": 0.0308,
///   "satisfaction": {"yes": 9, "no": 1}, "csat": 0.9,
///   "resolved": 22, "resolution_rate": 0.55,
///   "response_time_us": {"p50": 120, "p95": 400, "p99": 900, "max": 1200},   // null values with no turns
///   "per_day": [{"date": "2025-01-01", "conversations": 10, "deflected": 7, "deflection_rate": 0.7}],
///   "per_intent": [{"intent": "kyc.status", "turns": 12, "answered": 11, "escalated": 1}],
///   "per_language": [{"language": "vi", "conversations": 30, "deflected": 20, "deflection_rate": 0.6667}],
///   "unmatched": [{"message": "how do i stake [EMAIL]", "count": 4}],
///   "skipped_lines": 1,
///   "skipped": [{"file": "events.jsonl", "line": 77, "reason": "torn last line (no newline)"}]   // first 100
/// }
/// ```
/// Orders: `per_day` oldest first; `per_intent`, `per_language`, `unmatched` largest count first.
extension DeflectionReport: Encodable {
    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case since, until, conversations, turns, deflected
        case deflectionRate = "deflection_rate"
        case target
        case targetMet = "target_met"
        case targetGapPoints = "target_gap_pp"
        case escalated
        case escalationRate = "escalation_rate"
        case unhandled
        case escalationsByReason = "escalations_by_reason"
        case fallbackTurns = "fallback_turns"
        case fallbackRate = "fallback_rate"
        case clarificationTurns = "clarification_turns"
        case clarificationRate = "clarification_rate"
        case satisfaction, csat, resolved
        case resolutionRate = "resolution_rate"
        case responseTime = "response_time_us"
        case perDay = "per_day"
        case perIntent = "per_intent"
        case perLanguage = "per_language"
        case unmatched
        case skippedLines = "skipped_lines"
        case skipped
    }

    /// The most skipped lines listed one by one; `skipped_lines` always has the full count.
    static let skippedListLimit = 100

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(since.map(EventTimeFormat.format), forKey: .since)
        try c.encode(until.map(EventTimeFormat.format), forKey: .until)
        try c.encode(conversations, forKey: .conversations)
        try c.encode(turns, forKey: .turns)
        try c.encode(deflected, forKey: .deflected)
        try c.encode(rounded(deflectionRate), forKey: .deflectionRate)
        try c.encode(target, forKey: .target)
        try c.encode(targetMet, forKey: .targetMet)
        try c.encode(rounded(targetGapPoints, places: 2), forKey: .targetGapPoints)
        try c.encode(escalated, forKey: .escalated)
        try c.encode(rounded(escalationRate), forKey: .escalationRate)
        try c.encode(unhandled, forKey: .unhandled)
        try c.encode(escalationsByReason, forKey: .escalationsByReason)
        try c.encode(fallbackTurns, forKey: .fallbackTurns)
        try c.encode(rounded(fallbackRate), forKey: .fallbackRate)
        try c.encode(clarificationTurns, forKey: .clarificationTurns)
        try c.encode(rounded(clarificationRate), forKey: .clarificationRate)
        try c.encode(["yes": satisfactionYes, "no": satisfactionNo], forKey: .satisfaction)
        try c.encode(rounded(csat), forKey: .csat)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(rounded(resolutionRate), forKey: .resolutionRate)
        try c.encode(
            ["p50": responseTime.p50, "p95": responseTime.p95, "p99": responseTime.p99, "max": responseTime.max],
            forKey: .responseTime)
        try c.encode(perDay.map(DayJSON.init), forKey: .perDay)
        try c.encode(perIntent.map(IntentJSON.init), forKey: .perIntent)
        try c.encode(perLanguage.map(LanguageJSON.init), forKey: .perLanguage)
        try c.encode(unmatched.map(UnmatchedJSON.init), forKey: .unmatched)
        try c.encode(skippedLines, forKey: .skippedLines)
        try c.encode(Array(skipped.prefix(Self.skippedListLimit)), forKey: .skipped)
    }

    /// The report as pretty-printed JSON with sorted keys, ending in a newline.
    public func renderJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

private struct DayJSON: Encodable {
    let date: String
    let conversations: Int
    let deflected: Int
    let deflectionRate: Double?
    init(_ day: DeflectionReport.Day) {
        (date, conversations, deflected) = (day.date, day.conversations, day.deflected)
        deflectionRate = rounded(day.deflectionRate)
    }
    enum CodingKeys: String, CodingKey {
        case date, conversations, deflected
        case deflectionRate = "deflection_rate"
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(conversations, forKey: .conversations)
        try c.encode(deflected, forKey: .deflected)
        try c.encode(deflectionRate, forKey: .deflectionRate)
    }
}

private struct IntentJSON: Encodable {
    let intent: String
    let turns: Int
    let answered: Int
    let escalated: Int
    init(_ figures: DeflectionReport.IntentFigures) {
        (intent, turns, answered, escalated) = (figures.intent, figures.turns, figures.answered, figures.escalated)
    }
}

private struct LanguageJSON: Encodable {
    let language: String
    let conversations: Int
    let deflected: Int
    let deflectionRate: Double?
    init(_ figures: DeflectionReport.LanguageFigures) {
        (language, conversations, deflected) = (figures.language, figures.conversations, figures.deflected)
        deflectionRate = rounded(figures.deflectionRate)
    }
    enum CodingKeys: String, CodingKey {
        case language, conversations, deflected
        case deflectionRate = "deflection_rate"
    }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(language, forKey: .language)
        try c.encode(conversations, forKey: .conversations)
        try c.encode(deflected, forKey: .deflected)
        try c.encode(deflectionRate, forKey: .deflectionRate)
    }
}

private struct UnmatchedJSON: Encodable {
    let message: String
    let count: Int
    init(_ message: DeflectionReport.UnmatchedMessage) {
        (self.message, count) = (message.message, message.count)
    }
}

/// `value` rounded to `places` decimals, so the JSON shows 0.6667 rather than 0.6666666666666666.
private func rounded(_ value: Double?, places: Int = 4) -> Double? {
    guard let value else { return nil }
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
}
