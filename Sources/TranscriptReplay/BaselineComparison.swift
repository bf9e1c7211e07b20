import SupportBot

/// What a content change does to a replay: the turns whose route or intent changed between the
/// baseline content and the current one, each judged against the turn's expectations.
///
/// A changed turn is *better* when the current reply meets more of the turn's expectations than
/// the baseline reply did, *worse* when it meets fewer, and *neither* otherwise (the turn expects
/// nothing, or as many expectations are met as before).
public struct BaselineComparison: Sendable {
    public enum Change: String, Sendable, Hashable, CaseIterable {
        case better, worse, neither
    }

    public struct ChangedTurn: Sendable, Hashable {
        public var turn: TranscriptTurn
        public var baseline: ReplayedTurn
        public var current: ReplayedTurn
        public var baselineVerdict: Verdict
        public var currentVerdict: Verdict

        public var change: Change {
            let delta = currentVerdict.metCount - baselineVerdict.metCount
            return delta > 0 ? .better : delta < 0 ? .worse : .neither
        }
    }

    public let baseline: ReplayReport
    public let current: ReplayReport
    /// In transcript order.
    public let changed: [ChangedTurn]

    /// Compares two replays of the same transcript.
    public init(baseline: ReplayReport, current: ReplayReport) {
        precondition(baseline.replies.count == current.replies.count, "the same transcript on both sides")
        self.baseline = baseline
        self.current = current
        changed = current.transcript.turns.indices.compactMap { index in
            let before = baseline.replies[index]
            let after = current.replies[index]
            guard before.route != after.route || before.intent != after.intent else { return nil }
            return ChangedTurn(
                turn: current.transcript.turns[index], baseline: before, current: after,
                baselineVerdict: baseline.verdicts[index], currentVerdict: current.verdicts[index])
        }
    }

    public func count(_ change: Change) -> Int {
        changed.count { $0.change == change }
    }

    /// The section of the text report, ending with a newline.
    public func renderText(baselineName: String) -> String {
        var out = ["Against the baseline content (\(baselineName))"]
        out.append(
            "  \(changed.count) turns changed route or intent: \(count(.better)) better, \(count(.worse)) worse, "
                + "\(count(.neither)) neither")
        func line(_ name: String, _ before: Double?, _ after: Double?) -> String {
            let delta = before.flatMap { b in after.map { String(format: "%+.4f", $0 - b) } } ?? "-"
            return "  " + pad(name, 20) + rate(before) + " -> " + rate(after) + "  (" + delta + ")"
        }
        out.append(line("Intent accuracy", baseline.overall.intent.value, current.overall.intent.value))
        out.append(line("Route accuracy", baseline.overall.route.value, current.overall.route.value))
        out.append(line("Language accuracy", baseline.overall.language.value, current.overall.language.value))
        out.append(line("Clarify rate", baseline.overall.clarifyRate, current.overall.clarifyRate))
        out.append(line("Deflection rate", baseline.overall.deflection.value, current.overall.deflection.value))
        for change in changed {
            out.append("  [\(change.change.rawValue)] \(change.turn.location): \(quoted(change.turn.reportedMessage))")
            out.append("      baseline  \(change.baseline.summary)")
            out.append("      now       \(change.current.summary)")
            out.append("      expected  " + ReplayReport.describe(change.turn.expectation))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The `baseline` member of the `--json` object.
    public func jsonValue(baselineName: String) -> JSONValue {
        var figures = ReplayReport.figuresJSON(baseline.overall)
        figures["content"] = .string(baselineName)
        return .object([
            "baseline": .object(figures),
            "changed_turns": .int(changed.count),
            "better": .int(count(.better)),
            "worse": .int(count(.worse)),
            "neither": .int(count(.neither)),
            "changed": .array(
                changed.map { change in
                    .object([
                        "file": .string(change.turn.file),
                        "line": .int(change.turn.line),
                        "message": .string(change.turn.reportedMessage),
                        "change": .string(change.change.rawValue),
                        "expected": ReplayReport.expectationJSON(change.turn.expectation),
                        "baseline": ReplayReport.replyJSON(change.baseline),
                        "current": ReplayReport.replyJSON(change.current),
                        "explanation": .string(change.current.explanation),
                    ])
                }),
        ])
    }
}
