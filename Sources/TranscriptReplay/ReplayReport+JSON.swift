import SupportBot

extension ReplayReport {
    /// The version of the JSON schema below; raised when a key changes meaning or goes away.
    public static let jsonSchemaVersion = 1

    /// The report as the members of the `--json` object (README: "Replay JSON"). Rates are numbers
    /// in [0, 1] or `null` when nothing was measured; keys render sorted. `failureLimit` caps
    /// `failures` (nil keeps every one); `failures_total` always counts them all.
    public func jsonMembers(failureLimit: Int? = nil) -> [String: JSONValue] {
        var members = Self.figuresJSON(overall)
        members["schema_version"] = .int(Self.jsonSchemaVersion)
        members["files"] = .array(transcript.files.map { .string($0) })
        members["per_language"] = .object(
            Dictionary(uniqueKeysWithValues: perLanguage.map { ($0.language, .object(Self.figuresJSON($0.figures))) }))
        members["per_file"] = .object(
            Dictionary(uniqueKeysWithValues: perFile.map { ($0.file, .object(Self.figuresJSON($0.figures))) }))
        members["per_intent"] = .object(
            Dictionary(
                uniqueKeysWithValues: perIntent.map { score in
                    (
                        score.intent,
                        .object([
                            "support": .int(score.support), "true_positives": .int(score.truePositives),
                            "false_positives": .int(score.falsePositives),
                            "false_negatives": .int(score.falseNegatives), "false_answers": .int(score.falseAnswers),
                            "precision": .number(score.precision), "recall": .number(score.recall),
                            "f1": .number(score.f1),
                        ])
                    )
                }))
        members["confusions"] = .array(
            confusions.map {
                .object(["expected": .string($0.expected), "actual": .string($0.actual), "count": .int($0.count)])
            })
        members["untested_intents"] = .array(untestedIntents.map { .string($0) })
        members["failures_total"] = .int(failures.count)
        let shown = failureLimit.map { failures.prefix($0) } ?? failures[...]
        members["failures"] = .array(shown.map(Self.failureJSON))
        return members
    }

    /// `turns`, `conversations`, the accuracies with their counts, `clarify_rate`, `deflection_rate`.
    static func figuresJSON(_ figures: Figures) -> [String: JSONValue] {
        [
            "turns": .int(figures.turns),
            "conversations": .int(figures.conversations),
            "failed_turns": .int(figures.failedTurns),
            "intent_accuracy": .number(figures.intent.value),
            "intent_correct": .int(figures.intent.passed),
            "intent_turns": .int(figures.intent.total),
            "clarify_rate": .number(figures.clarifyRate),
            "clarified_turns": .int(figures.clarified),
            "route_accuracy": .number(figures.route.value),
            "route_correct": .int(figures.route.passed),
            "route_turns": .int(figures.route.total),
            "language_accuracy": .number(figures.language.value),
            "language_correct": .int(figures.language.passed),
            "language_turns": .int(figures.language.total),
            "deflection_rate": .number(figures.deflection.value),
            "deflected_conversations": .int(figures.deflection.passed),
        ]
    }

    static func failureJSON(_ failure: Failure) -> JSONValue {
        let turn = failure.turn
        return .object([
            "file": .string(turn.file),
            "line": .int(turn.line),
            "conversation": .optional(turn.conversation),
            "turn": .int(failure.turnNumber),
            "message": .string(turn.reportedMessage),
            "failed": .array(failure.verdict.failedKinds.map { .string($0.rawValue) }),
            "expected": expectationJSON(turn.expectation),
            "actual": replyJSON(failure.reply),
            "explanation": .string(failure.reply.explanation),
            "extra": .object(turn.extra),
        ])
    }

    /// `{intent, route, language}`: each a list of acceptable values, or `null` when not expected.
    static func expectationJSON(_ expectation: Expectation) -> JSONValue {
        .object([
            "intent": expectation.intents.map { .array($0.map { .string($0) }) } ?? .null,
            "route": expectation.routes.map { .array($0.map { .string($0.rawValue) }) } ?? .null,
            "language": expectation.languages.map { .array($0.map { .string($0.rawValue) }) } ?? .null,
        ])
    }

    /// `{intent, route, confidence, language, escalation_reason, clarification_options}`.
    static func replyJSON(_ reply: ReplayedTurn) -> JSONValue {
        .object([
            "intent": .optional(reply.intent),
            "route": .string(reply.route.rawValue),
            "confidence": .number(reply.confidence),
            "language": .string(reply.language.rawValue),
            "escalation_reason": .optional(reply.escalationReason?.rawValue),
            "clarification_options": .array(reply.clarificationOptions.map { .string($0) }),
        ])
    }
}
