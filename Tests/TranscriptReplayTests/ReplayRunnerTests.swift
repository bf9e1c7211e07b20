import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@testable import TranscriptReplay

/// Replays of the fixture transcripts through the minimal fixture content (Tests/Fixtures/minimal-content).
@Suite struct ReplayRunnerTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures/replay")

    static func load(_ name: String) throws -> Transcript {
        try Transcript.load(files: [fixtures.appendingPathComponent(name).path])
    }

    @Test func figuresOnTheFixtureContent() throws {
        let transcript = try Self.load("minimal.jsonl")
        let replies = ReplayRunner(engine: Fixtures.minimalEngine).run(transcript)
        let report = ReplayReport(
            transcript: transcript, replies: replies, contentIntents: Fixtures.minimalEngine.content.intents.map(\.id))
        // 10 turns; conversations m1 (2 turns), m2, m3, m4, m5, m6 (2 turns), m7, m8: 8.
        #expect(report.overall.turns == 10)
        #expect(report.overall.conversations == 8)
        // Intent: lines 1, 3, 4, 5, 7, 8, 9, 10 expect one (8). Line 4 ("fee to cash out") deliberately
        // expects fees.trading and gets fees.withdrawal; line 5 lists both fee intents and gets
        // fees.trading. 7/8 = 0.875.
        #expect(report.overall.intent == ReplayReport.Ratio(passed: 7, total: 8))
        // Route: every line but 2 (9), all met. Language: lines 1, 3, 5, 7, 8, 9, 10 (7), all met.
        #expect(report.overall.route == ReplayReport.Ratio(passed: 9, total: 9))
        #expect(report.overall.language == ReplayReport.Ratio(passed: 7, total: 7))
        // Deflected: m1, m2, m3, m4, m7 (a security warning without hand-over), m8 = 6. Not: m5 (fallback),
        // m6 (escalated to a human). 6/8 = 0.75.
        #expect(report.overall.deflection == ReplayReport.Ratio(passed: 6, total: 8))
        #expect(report.failures.map(\.turn.line) == [4])
        #expect(report.failures.first?.reply.intent == "fees.withdrawal")
        #expect(report.failures.first?.turn.extra["source"] == .string("deliberately wrong expectation"))
        #expect(report.confusions.map { "\($0.expected)>\($0.actual)" } == ["fees.trading>fees.withdrawal"])
        // Languages: en lines 1-6 (line 2 by its conversation, 4 and 6 by the reply), vi lines 7, 8, 10, en 9.
        #expect(report.perLanguage.map(\.language) == ["en", "vi"])
        #expect(report.perLanguage.map(\.figures.turns) == [7, 3])
        // Intents of the fixture that no line expects.
        #expect(
            report.untestedIntents == [
                "greeting", "language.switch", "security.account_compromised",
                "security.secret_shared",
            ])
    }

    @Test func outputDoesNotDependOnThreads() throws {
        let transcript = try Self.load("minimal.jsonl")
        // Many copies, so workers really interleave.
        let turns = (0..<50).flatMap { copy in
            transcript.turns.map { turn in
                var turn = turn
                turn.conversation = turn.conversation.map { "\($0)-\(copy)" }
                return turn
            }
        }
        let big = Transcript(files: transcript.files, turns: turns)
        let serial = ReplayRunner(engine: Fixtures.minimalEngine, threads: 1).run(big)
        let parallel = ReplayRunner(engine: Fixtures.minimalEngine, threads: 8).run(big)
        // What the engine decided, turn by turn. (Explanations are left out: when two patterns of one
        // intent tie, which one the engine names can vary from call to call; see the report.)
        func decisions(_ replies: [ReplayedTurn]) -> [String] {
            replies.map {
                "\($0.intent ?? "-") \($0.route) \($0.confidence) \($0.language) \($0.escalationReason?.rawValue ?? "-") "
                    + "\($0.satisfaction.map(String.init) ?? "-") \($0.clarificationOptions)"
            }
        }
        let same = decisions(serial) == decisions(parallel)
        #expect(same)
        #expect(serial.count == 500)
    }

    @Test func conversationStateCarriesAcrossTurns() throws {
        // Line 2 of minimal.jsonl is a "yes" to "did this help?" after line 1's answer.
        let transcript = try Self.load("minimal.jsonl")
        let replies = ReplayRunner(engine: Fixtures.minimalEngine).run(transcript)
        #expect(replies[1].satisfaction == true)
    }

    /// Two security intents added to a copy of the fixture content: one that should win (an up-front
    /// fee scam) and one that deliberately steals "how do i withdraw" from withdrawal.how_to.
    static let addedIntents = """
        intents:
          - id: scam.advance_fee
            route: security
            title: {en: a fee asked up front, vi: đòi phí trước}
            patterns:
              en: ["{~fee before ~withdraw}"]
              vi: ["{~fee trước ~withdraw}"]
            examples:
              en: [fee before withdraw, pay a fee before i withdraw, fee before cash out, a fee before withdrawing, fee before withdraw usdt]
              vi: [phí trước khi rút, đóng phí trước rồi rút, phí trước rút tiền, nộp phí trước khi rút tiền, phí trước mới rút]
          - id: scam.withdraw_help
            route: security
            title: {en: withdrawal help, vi: trợ giúp rút tiền}
            patterns:
              en: ["how do i withdraw"]
              vi: ["làm sao rút tiền"]
            examples:
              en: [how do i withdraw, how do i withdraw now, so how do i withdraw, how do i withdraw usdt, how do i withdraw today]
              vi: [làm sao rút tiền, làm sao rút tiền đây, làm sao rút tiền vậy, làm sao rút tiền nhanh, làm sao rút tiền usdt]
        """

    @Test func baselineDiffOnADeliberateContentChange() throws {
        let changed = try TemporaryContent(copying: Fixtures.minimalContent)
        try changed.write("intents/replay-test.yaml", Self.addedIntents)
        for id in ["scam.advance_fee", "scam.withdraw_help"] {
            try changed.write("faq/en/\(id).md", "Test answer.\n")
            try changed.write("faq/vi/\(id).md", "Câu trả lời thử.\n")
        }
        let current = try SupportEngine.load(contentDirectory: changed.directory)
        let parsed = Transcript.parse(
            Data(
                """
                {"user": "how do i withdraw", "expect_intent": "withdrawal.how_to", "expect_route": "answer"}
                {"user": "they want a fee before i can withdraw", "expect_intent": "scam.advance_fee", "expect_route": "security"}
                {"user": "trading fee", "expect_intent": "fees.trading", "expect_route": "answer"}
                {"user": "what is the weather", "expect_route": "fallback"}
                """.utf8), file: "b.jsonl")
        #expect(parsed.diagnostics.isEmpty)
        let transcript = Transcript(files: ["b.jsonl"], turns: parsed.turns)
        let baselineReport = ReplayReport(
            transcript: transcript, replies: ReplayRunner(engine: Fixtures.minimalEngine).run(transcript))
        let currentReport = ReplayReport(transcript: transcript, replies: ReplayRunner(engine: current).run(transcript))
        let comparison = BaselineComparison(baseline: baselineReport, current: currentReport)

        // Line 1: withdrawal.how_to (answer) -> scam.withdraw_help (security): intent and route now fail: worse.
        // Line 2: fees.withdrawal (answer) -> scam.advance_fee (security): both now met: better.
        // Lines 3 and 4 do not change.
        #expect(comparison.changed.map(\.turn.line) == [1, 2])
        #expect(comparison.changed.map(\.change) == [.worse, .better])
        #expect(comparison.changed.map(\.baseline.intent) == ["withdrawal.how_to", "fees.withdrawal"])
        #expect(comparison.changed.map(\.current.intent) == ["scam.withdraw_help", "scam.advance_fee"])
        #expect((comparison.count(.better), comparison.count(.worse), comparison.count(.neither)) == (1, 1, 0))
        // Intent accuracy stays 2/3 (one turn lost, one gained); route accuracy stays 3/4.
        #expect(baselineReport.overall.intent == ReplayReport.Ratio(passed: 2, total: 3))
        #expect(currentReport.overall.intent == ReplayReport.Ratio(passed: 2, total: 3))
        #expect(currentReport.overall.route == ReplayReport.Ratio(passed: 3, total: 4))
        let text = comparison.renderText(baselineName: "fixture")
        #expect(text.contains("2 turns changed route or intent: 1 better, 1 worse, 0 neither"))
        #expect(text.contains("[worse] b.jsonl:1: \"how do i withdraw\""))
        #expect(text.contains("[better] b.jsonl:2: \"they want a fee before i can withdraw\""))
    }

    @Test func logReplayComparesWithWhatWasLogged() throws {
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        // Logged out of order: the reader's order must not matter, the turn numbers do.
        let events = [
            ConversationEvent(
                time: time, conversation: "L1", turn: 2, language: "en", route: "fallback", message: "how do i withdraw"
            ),
            ConversationEvent(
                time: time, conversation: "L1", turn: 1, language: "en", route: "answer", intent: "withdrawal.pending",
                confidence: 0.9, message: "my withdrawal is stuck"),
            ConversationEvent(
                time: time, conversation: "L2", turn: 1, language: "vi", route: "escalate", intent: "human.request",
                confidence: 0.9, escalationReason: "human_request", message: "gặp nhân viên"),
        ]
        let replay = LogReplay(events: events, runner: ReplayRunner(engine: Fixtures.minimalEngine))
        #expect(replay.turns.map(\.event.message) == ["my withdrawal is stuck", "how do i withdraw", "gặp nhân viên"])
        #expect(replay.conversations == 2)
        // Only L1 turn 2 changed: fallback then, withdrawal.how_to (answer) now.
        #expect(replay.changedTurns.map(\.event.turn) == [2])
        #expect(replay.changedTurns.first?.reply.intent == "withdrawal.how_to")
        #expect(replay.routeTransitions == [LogReplay.Transition(logged: "fallback", now: "answer", count: 1)])
        // L1 was answered, L2 handed over: 1/2 on both sides.
        #expect(replay.loggedDeflection == ReplayReport.Ratio(passed: 1, total: 2))
        #expect(replay.replayedDeflection == ReplayReport.Ratio(passed: 1, total: 2))
    }

    @Test func unmatchedWordsOfFailingTurns() throws {
        let parsed = Transcript.parse(
            Data(
                """
                {"user": "what is the weather in hanoi, weather", "expect_route": "answer"}
                {"user": "withdrawals pending in hanoi", "expect_route": "answer"}
                {"user": "never failing", "expect_route": "fallback"}
                """.utf8), file: "w.jsonl")
        let transcript = Transcript(files: ["w.jsonl"], turns: parsed.turns)
        let fallback = ReplayedTurn(intent: nil, route: .fallback, confidence: 0, language: .en)
        let report = ReplayReport(transcript: transcript, replies: [fallback, fallback, fallback])
        let words = UnmatchedWords(report: report, content: Fixtures.minimalEngine.content)
        // Two failing turns. "is", "the" are stop words; "withdrawals" and "pending" are pattern words
        // ("withdraw" + a plural ending); "weather" counts once for its turn.
        #expect(words.failingTurns == 2)
        #expect(words.words.map { "\($0.word):\($0.turns)" } == ["hanoi:2", "in:2", "weather:1", "what:1"])
        #expect(words.words.first?.example == "w.jsonl:1")
    }
}
