import SupportBot

/// The figures of one replay: accuracy, per-intent scores, confusions, deflection and failures.
///
/// Definitions (the text report states them too):
/// - Intent accuracy = turns whose reply intent is one of `expect_intent`, without a clarifying
///   question / turns with `expect_intent`. Clarify rate = turns with `expect_intent` answered
///   with a clarifying question / turns with `expect_intent`.
/// - Route and language accuracy = turns whose route (language) is one of `expect_route`
///   (`expect_language`) / turns with that expectation.
/// - Per intent, over the turns with `expect_intent`: each turn has one gold label, the reply's
///   intent when it is one of the listed intents (and not a clarification), otherwise the first
///   listed intent; and one predicted label, the reply's intent, `(clarify)` or `(none)`.
///   Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 = 2·TP / (2·TP + FP + FN), support = gold
///   turns (TP + FN). So the supports add up to the turns with `expect_intent`, and a list
///   expectation counts once, never as a miss for the listed intents the reply did not choose.
///   `false answers` counts, separately, the turns without `expect_intent` whose route
///   expectation failed while the bot answered (route answer or security) with this intent:
///   out-of-scope messages it should not have answered.
/// - Confusions: (gold, predicted) pairs that differ, most frequent first.
/// - A conversation is deflected when it got at least one answer or security route, never an
///   escalate route, and no reply with an escalation reason. Deflection rate = deflected /
///   conversations replayed.
/// - A turn's language (for the per-language figures) is its first `expect_language`; without one,
///   the first `expect_language` of its conversation; failing that, the language the bot replied in.
///   A conversation's language is that of its first turn.
public struct ReplayReport: Sendable {
    /// `passed` of `total`; the value is nil when nothing was measured.
    public struct Ratio: Sendable, Hashable {
        public var passed: Int
        public var total: Int

        public init(passed: Int = 0, total: Int = 0) {
            self.passed = passed
            self.total = total
        }

        public var value: Double? { total == 0 ? nil : Double(passed) / Double(total) }

        mutating func add(_ outcome: Bool?) {
            guard let outcome else { return }
            total += 1
            if outcome { passed += 1 }
        }
    }

    /// The headline figures of a set of turns: the whole replay, one language, or one file.
    public struct Figures: Sendable, Hashable {
        public var turns = 0
        public var conversations = 0
        public var intent = Ratio()
        /// Turns with `expect_intent` that got a clarifying question; out of `intent.total`.
        public var clarified = 0
        public var route = Ratio()
        public var language = Ratio()
        /// Deflected conversations of `conversations`.
        public var deflection = Ratio()
        /// Turns with at least one expectation that failed.
        public var failedTurns = 0

        public init() {}

        public var clarifyRate: Double? { intent.total == 0 ? nil : Double(clarified) / Double(intent.total) }

        mutating func add(_ verdict: Verdict, reply: ReplayedTurn) {
            turns += 1
            intent.add(verdict.intent)
            route.add(verdict.route)
            language.add(verdict.language)
            if verdict.intent != nil, reply.route == .clarify { clarified += 1 }
            if !verdict.passed { failedTurns += 1 }
        }
    }

    /// Precision, recall and F1 of one intent.
    public struct IntentScore: Sendable, Hashable {
        public var intent: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        /// Out-of-scope turns (no `expect_intent`, failed `expect_route`) answered with this intent.
        public var falseAnswers = 0

        public init(intent: String) {
            self.intent = intent
        }

        /// Turns whose gold label is this intent.
        public var support: Int { truePositives + falseNegatives }
        public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double? {
            ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
        }
    }

    /// How often turns of one gold label got another label.
    public struct Confusion: Sendable, Hashable {
        public var expected: String
        public var actual: String
        public var count: Int
    }

    /// A turn with at least one failed expectation.
    public struct Failure: Sendable, Hashable {
        public var turn: TranscriptTurn
        /// 1-based position in its conversation.
        public var turnNumber: Int
        public var reply: ReplayedTurn
        public var verdict: Verdict
    }

    public let transcript: Transcript
    public let replies: [ReplayedTurn]
    /// One per turn, in the order of the transcript's turns.
    public let verdicts: [Verdict]
    public let overall: Figures
    /// By language code, sorted.
    public let perLanguage: [(language: String, figures: Figures)]
    /// By file, in the order given.
    public let perFile: [(file: String, figures: Figures)]
    /// Every intent that is a gold or predicted label of a turn with `expect_intent`, or was
    /// falsely answered; sorted by id.
    public let perIntent: [IntentScore]
    /// Most frequent first, then by expected and actual label.
    public let confusions: [Confusion]
    /// In transcript order.
    public let failures: [Failure]
    /// Intents of the content that no turn expects (sorted); empty when no content intents were given.
    public let untestedIntents: [String]

    /// Scores `replies` (one per turn of `transcript`, in order). `contentIntents`, when given,
    /// lets the report list the intents no turn tests.
    public init(transcript: Transcript, replies: [ReplayedTurn], contentIntents: [String] = []) {
        precondition(transcript.turns.count == replies.count, "one reply per turn")
        self.transcript = transcript
        self.replies = replies
        let verdicts = zip(transcript.turns, replies).map { $0.expectation.verdict(for: $1) }
        self.verdicts = verdicts

        // Languages: each turn's key, then each conversation's.
        var turnLanguage = [String](repeating: "", count: replies.count)
        var turnNumber = [Int](repeating: 0, count: replies.count)
        for members in transcript.conversations {
            let conversationLanguage = members.lazy.compactMap { transcript.turns[$0].expectation.languages?.first }
                .first
            for (position, index) in members.enumerated() {
                turnNumber[index] = position + 1
                turnLanguage[index] =
                    (transcript.turns[index].expectation.languages?.first ?? conversationLanguage
                    ?? replies[index].language).rawValue
            }
        }

        var overall = Figures()
        var byLanguage: [String: Figures] = [:]
        var byFile: [String: Figures] = [:]
        var scores: [String: IntentScore] = [:]
        var confusionCounts: [String: [String: Int]] = [:]
        var failures: [Failure] = []
        for (index, turn) in transcript.turns.enumerated() {
            let reply = replies[index]
            let verdict = verdicts[index]
            overall.add(verdict, reply: reply)
            byLanguage[turnLanguage[index], default: Figures()].add(verdict, reply: reply)
            byFile[turn.file, default: Figures()].add(verdict, reply: reply)
            if !verdict.passed {
                failures.append(Failure(turn: turn, turnNumber: turnNumber[index], reply: reply, verdict: verdict))
            }
            if let expected = turn.expectation.intents {
                let predicted = reply.label
                let gold = verdict.intent == true ? predicted : expected[0]
                if gold == predicted {
                    scores[gold, default: IntentScore(intent: gold)].truePositives += 1
                } else {
                    scores[gold, default: IntentScore(intent: gold)].falseNegatives += 1
                    if let intent = reply.intent, reply.route != .clarify {
                        scores[intent, default: IntentScore(intent: intent)].falsePositives += 1
                    }
                    confusionCounts[gold, default: [:]][predicted, default: 0] += 1
                }
            } else if verdict.route == false, reply.route == .answer || reply.route == .security,
                let intent = reply.intent
            {
                scores[intent, default: IntentScore(intent: intent)].falseAnswers += 1
            }
        }
        for members in transcript.conversations {
            let deflected = isDeflected(
                routes: members.map { replies[$0].route },
                escalated: members.contains { replies[$0].escalationReason != nil })
            let first = members[0]
            overall.conversations += 1
            overall.deflection.add(deflected)
            byLanguage[turnLanguage[first], default: Figures()].conversations += 1
            byLanguage[turnLanguage[first], default: Figures()].deflection.add(deflected)
            byFile[transcript.turns[first].file, default: Figures()].conversations += 1
            byFile[transcript.turns[first].file, default: Figures()].deflection.add(deflected)
        }

        self.overall = overall
        perLanguage = byLanguage.keys.sorted().map { ($0, byLanguage[$0]!) }
        perFile = transcript.files.compactMap { file in byFile[file].map { (file, $0) } }
        perIntent = scores.keys.sorted().map { scores[$0]! }
        confusions = confusionCounts.flatMap { expected, actuals in
            actuals.map { Confusion(expected: expected, actual: $0.key, count: $0.value) }
        }
        .sorted { ($1.count, $0.expected, $0.actual) < ($0.count, $1.expected, $1.actual) }
        self.failures = failures
        let tested = Set(transcript.turns.flatMap { $0.expectation.intents ?? [] })
        untestedIntents = contentIntents.filter { !tested.contains($0) }.sorted()
    }

    /// The intents with an F1 (a gold or predicted label), weakest first: by F1, then by support
    /// (larger first), then by id.
    public var weakestIntents: [IntentScore] {
        perIntent.filter { $0.f1 != nil }.sorted {
            ($0.f1 ?? 0, -$0.support, $0.intent) < ($1.f1 ?? 0, -$1.support, $1.intent)
        }
    }
}

func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
    denominator == 0 ? nil : Double(numerator) / Double(denominator)
}
