import Foundation

extension DeflectionReport {
    /// The definitions of the figures, one sentence each, as the text and HTML reports state them.
    public static let definitions: [String] = [
        "A conversation is DEFLECTED when it got at least one answer or security route and was never handed to a "
            + "human (an escalate route, or a security warning that also hands over).",
        "Deflection rate = deflected conversations / conversations.",
        "Containment per day = the deflection rate of the conversations whose first event falls on that UTC day.",
        "Escalation rate = conversations handed to a human / conversations; each is counted once, "
            + "under the reason of its first escalation.",
        "Fallback rate and clarification rate = turns with that route / turns.",
        "CSAT = \"yes\" / (\"yes\" + \"no\") answers to \"did this help?\".",
        "Resolution rate (resolved on first contact) = deflected conversations with no \"no\" answer / conversations.",
        "Response time = the engine's time per turn; p50/p95/p99 are nearest-rank percentiles over all turns.",
        "A conversation's language is that of its first event in a known language.",
        "The period counts a conversation when its first event falls in it.",
    ]

    /// The plain-text report, for a terminal. Ends with a newline.
    public func renderText() -> String {
        var out: [String] = []
        out.append("SupportBot deflection report")
        out.append("Period: \(periodDescription)")
        out.append("")

        out.append("Deflection")
        out.append(
            "  Deflection rate      \(percent(deflectionRate))  (\(deflected) of \(conversations) conversations)")
        out.append("  Target               \(percent(target))  \(targetVerdict)")
        out.append("  Escalation rate      \(percent(escalationRate))  (\(escalated) conversations)")
        out.append("  Neither              \(unhandled) conversations (only fallbacks and clarifications)")
        out.append("")

        out.append("Definitions")
        for definition in Self.definitions { out.append("  - " + definition) }
        out.append("")

        out.append("Containment per day (UTC)")
        if perDay.isEmpty { out.append("  (no conversations)") }
        for day in perDay {
            let bar = String(repeating: "#", count: Int(((day.deflectionRate ?? 0) * 20).rounded()))
            out.append(
                "  \(day.date)  \(pad(day.conversations, 6)) conv  \(pad(day.deflected, 6)) deflected  "
                    + "\(pad(percent(day.deflectionRate), 6))  \(bar)")
        }
        out.append("")

        out.append("Escalations by reason")
        if escalationsByReason.isEmpty { out.append("  (none)") }
        for (reason, count) in sortedReasons {
            out.append(
                "  \(reason.padding(toLength: 18, withPad: " ", startingAt: 0)) \(pad(count, 6))  "
                    + percent(ratio(count, conversations)) + " of conversations")
        }
        out.append("")

        out.append("Turns")
        out.append("  Turns                \(turns)")
        out.append("  Fallback rate        \(percent(fallbackRate))  (\(fallbackTurns) turns)")
        out.append("  Clarification rate   \(percent(clarificationRate))  (\(clarificationTurns) turns)")
        out.append("")

        out.append("Satisfaction")
        out.append("  CSAT                 \(percent(csat))  (\(satisfactionYes) yes, \(satisfactionNo) no)")
        out.append(
            "  Resolution rate      \(percent(resolutionRate))  (\(resolved) of \(conversations) resolved on first contact)"
        )
        out.append("")

        out.append("Engine response time (µs)")
        out.append(
            "  p50 \(micro(responseTime.p50))  p95 \(micro(responseTime.p95))  p99 \(micro(responseTime.p99))  "
                + "max \(micro(responseTime.max))")
        out.append("")

        out.append("Per intent")
        if perIntent.isEmpty {
            out.append("  (no intent matched)")
        } else {
            let width = max(24, perIntent.map(\.intent.count).max() ?? 0)
            out.append(
                "  " + "intent".padding(toLength: width, withPad: " ", startingAt: 0) + "   turns  answered  escalated")
            for row in perIntent {
                out.append(
                    "  " + row.intent.padding(toLength: width, withPad: " ", startingAt: 0)
                        + " \(pad(row.turns, 7)) \(pad(row.answered, 9)) \(pad(row.escalated, 10))")
            }
        }
        out.append("")

        out.append("Per language")
        out.append("  language  conversations  deflected  deflection")
        for row in perLanguage {
            out.append(
                "  " + row.language.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + " \(pad(row.conversations, 14)) \(pad(row.deflected, 10)) \(pad(percent(row.deflectionRate), 11))"
            )
        }
        out.append("")

        out.append("Most frequent unmatched messages (fallback, redacted)")
        if unmatched.isEmpty { out.append("  (none)") }
        for item in unmatched { out.append("  \(pad(item.count, 5))  \(item.message)") }
        out.append("")

        out.append("Log lines skipped (torn or corrupt): \(skippedLines)")
        for line in skipped.prefix(10) { out.append("  \(line)") }
        if skipped.count > 10 { out.append("  ... and \(skipped.count - 10) more") }
        return out.joined(separator: "\n") + "\n"
    }

    /// "MET by 2.5 pp" / "SHORT by 3.1 pp" / "no conversations".
    var targetVerdict: String {
        guard let met = targetMet, let gap = targetGapPoints else { return "n/a (no conversations)" }
        let points = String(format: "%.1f", abs(gap))
        return met ? "MET (by \(points) pp)" : "SHORT by \(points) pp"
    }

    var periodDescription: String {
        switch (since, until) {
        case (nil, nil): "all conversations in the log"
        case (let since?, nil): "conversations starting from \(EventTimeFormat.format(since))"
        case (nil, let until?): "conversations starting before \(EventTimeFormat.format(until))"
        case (let since?, let until?):
            "conversations starting from \(EventTimeFormat.format(since)), before \(EventTimeFormat.format(until))"
        }
    }

    /// Reasons, largest count first, then by name.
    var sortedReasons: [(reason: String, count: Int)] {
        escalationsByReason.map { ($0.key, $0.value) }.sorted { ($1.1, $0.0) < ($0.1, $1.0) }
    }
}

/// `62.5%`, or `n/a`.
func percent(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    return String(format: "%.1f%%", value * 100)
}

private func micro(_ value: Int?) -> String {
    value.map(String.init) ?? "n/a"
}

private func pad(_ value: Int, _ width: Int) -> String {
    pad(String(value), width)
}

private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
