import Foundation
import SupportBot
import Testing

@testable import TranscriptReplay

/// The metrics on a small transcript with hand-written replies, so every figure is computed by hand.
@Suite struct ReplayMetricsTests {
    // Nine turns in eight conversations (A..H). The replies are written here, not produced by an
    // engine, so the arithmetic below follows from this table alone.
    //
    // line conv expected                                  reply                          intent route lang
    //  1   A    intent x, route answer, lang en           x answer en                     ok     ok    ok
    //  2   A    (nothing)                                 - answer en (a "yes")           -      -     -
    //  3   B    intent y, route answer                    x answer en                     FAIL   ok    -
    //  4   C    intent x|y, route answer                  y answer vi                     ok     ok    -
    //  5   D    intent z                                  clarify (z|x) en                FAIL   -     -
    //  6   E    route fallback|escalate, lang en          x answer vi                     -      FAIL  FAIL
    //  7   F    intent h, route escalate, lang vi         h escalate vi (human_request)   ok     ok    ok
    //  8   G    intent s, route security                  s security en (reason security) ok     ok    -
    //  9   H    intent y, lang vi                         - fallback vi                   FAIL   -     ok
    static let transcriptText = """
        {"conversation": "A", "user": "one", "expect_intent": "x", "expect_route": "answer", "expect_language": "en"}
        {"conversation": "A", "user": "yes"}
        {"conversation": "B", "user": "three", "expect_intent": "y", "expect_route": "answer"}
        {"conversation": "C", "user": "four", "expect_intent": ["x", "y"], "expect_route": "answer"}
        {"conversation": "D", "user": "five", "expect_intent": "z"}
        {"conversation": "E", "user": "six", "expect_route": ["fallback", "escalate"], "expect_language": "en", \
        "source": "oos"}
        {"conversation": "F", "user": "seven", "expect_intent": "h", "expect_route": "escalate", "expect_language": "vi"}
        {"conversation": "G", "user": "eight", "expect_intent": "s", "expect_route": "security"}
        {"conversation": "H", "user": "nine", "expect_intent": "y", "expect_language": "vi"}

        """

    static let replies: [ReplayedTurn] = [
        ReplayedTurn(intent: "x", route: .answer, confidence: 0.9, language: .en),
        ReplayedTurn(intent: nil, route: .answer, confidence: 1, language: .en, satisfaction: true),
        ReplayedTurn(intent: "x", route: .answer, confidence: 0.8, language: .en, explanation: "x won"),
        ReplayedTurn(intent: "y", route: .answer, confidence: 0.8, language: .vi),
        ReplayedTurn(intent: nil, route: .clarify, confidence: 0.6, language: .en, clarificationOptions: ["z", "x"]),
        ReplayedTurn(intent: "x", route: .answer, confidence: 0.7, language: .vi),
        ReplayedTurn(intent: "h", route: .escalate, confidence: 0.9, language: .vi, escalationReason: .humanRequest),
        ReplayedTurn(intent: "s", route: .security, confidence: 0.9, language: .en, escalationReason: .security),
        ReplayedTurn(intent: nil, route: .fallback, confidence: 0.1, language: .vi),
    ]

    static func makeReport() throws -> ReplayReport {
        let parsed = Transcript.parse(Data(transcriptText.utf8), file: "t.jsonl")
        #expect(parsed.diagnostics.isEmpty)
        let transcript = Transcript(files: ["t.jsonl"], turns: parsed.turns)
        return ReplayReport(
            transcript: transcript, replies: replies, contentIntents: ["h", "s", "unused", "x", "y", "z"])
    }

    @Test func headlineFigures() throws {
        let report = try Self.makeReport()
        #expect(report.overall.turns == 9)
        #expect(report.overall.conversations == 8)
        // Intent: lines 1, 3, 4, 5, 7, 8, 9 expect one (7); correct: 1, 4 (y is listed), 7, 8 (4).
        // Line 5 is a clarifying question: not correct. 4/7 = 0.5714...
        #expect(report.overall.intent == ReplayReport.Ratio(passed: 4, total: 7))
        #expect(report.overall.intent.value == 4.0 / 7.0)
        // Clarify rate: 1 clarifying question (line 5) / 7 turns with expect_intent.
        #expect(report.overall.clarified == 1)
        #expect(report.overall.clarifyRate == 1.0 / 7.0)
        // Route: lines 1, 3, 4, 6, 7, 8 (6); correct all but line 6 (answered an out-of-scope message): 5/6.
        #expect(report.overall.route == ReplayReport.Ratio(passed: 5, total: 6))
        // Language: lines 1, 6, 7, 9 (4); line 6 replied in vi, expected en: 3/4 = 0.75.
        #expect(report.overall.language == ReplayReport.Ratio(passed: 3, total: 4))
        // Deflection: A, B, C, E got answers (E wrongly, but it was answered) and no hand-over: 4.
        // D only clarify, F escalated, G a security warning with an escalation reason, H fallback. 4/8 = 0.5.
        #expect(report.overall.deflection == ReplayReport.Ratio(passed: 4, total: 8))
        // Failing turns: 3, 5, 6, 9.
        #expect(report.failures.map(\.turn.line) == [3, 5, 6, 9])
        #expect(report.failures[2].verdict.failedKinds == [.route, .language])
        #expect(report.failures[2].turn.extra == ["source": .string("oos")])
        #expect(report.overall.failedTurns == 4)
    }

    @Test func perIntentScores() throws {
        let report = try Self.makeReport()
        let scores = Dictionary(uniqueKeysWithValues: report.perIntent.map { ($0.intent, $0) })
        #expect(report.perIntent.map(\.intent) == ["h", "s", "x", "y", "z"])
        // x: gold x only on line 1 (TP). Predicted x wrongly on line 3 (gold y): FP 1. Line 6 answered
        // with x without expect_intent: a false answer, not an FP.
        // precision 1/(1+1) = 0.5, recall 1/1 = 1, F1 = 2*1/(2*1+1+0) = 2/3.
        let x = try #require(scores["x"])
        #expect((x.truePositives, x.falsePositives, x.falseNegatives, x.falseAnswers) == (1, 1, 0, 1))
        #expect(x.support == 1)
        #expect(x.precision == 0.5)
        #expect(x.recall == 1)
        #expect(x.f1 == 2.0 / 3.0)
        // y: gold y on line 3 (got x: FN), line 4 (list x|y, got y: TP, so gold is y), line 9 (fallback: FN).
        // precision 1/1 = 1, recall 1/3, F1 = 2/(2+0+2) = 0.5, support 3.
        let y = try #require(scores["y"])
        #expect((y.truePositives, y.falsePositives, y.falseNegatives) == (1, 0, 2))
        #expect(y.support == 3)
        #expect(y.precision == 1)
        #expect(y.recall == 1.0 / 3.0)
        #expect(y.f1 == 0.5)
        // z: gold z on line 5, a clarifying question: FN. Never predicted: precision undefined, recall 0, F1 0.
        let z = try #require(scores["z"])
        #expect((z.truePositives, z.falsePositives, z.falseNegatives) == (0, 0, 1))
        #expect(z.precision == nil)
        #expect(z.recall == 0)
        #expect(z.f1 == 0)
        // h and s: one TP each: all 1.
        #expect(scores["h"]?.f1 == 1)
        #expect(scores["s"]?.precision == 1)
        // The supports add up to the turns with expect_intent: 1 + 3 + 1 + 1 + 1 = 7.
        #expect(report.perIntent.map(\.support).reduce(0, +) == 7)
        // Weakest first: z (0), y (0.5), x (2/3), then h and s (1) by id.
        #expect(report.weakestIntents.map(\.intent) == ["z", "y", "x", "h", "s"])
        #expect(report.untestedIntents == ["unused"])
    }

    @Test func confusions() throws {
        let report = try Self.makeReport()
        // y -> (none) (line 9), y -> x (line 3), z -> (clarify) (line 5): one each, ordered by expected, actual.
        let pairs = report.confusions.map { "\($0.expected)>\($0.actual):\($0.count)" }
        #expect(pairs == ["y>(none):1", "y>x:1", "z>(clarify):1"])
    }

    @Test func perLanguage() throws {
        let report = try Self.makeReport()
        let languages = Dictionary(uniqueKeysWithValues: report.perLanguage.map { ($0.language, $0.figures) })
        #expect(report.perLanguage.map(\.language) == ["en", "vi"])
        // Turn languages: 1 en (expected), 2 en (its conversation A expects en), 3 en (reply), 4 vi (reply),
        // 5 en (reply), 6 en (expected), 7 vi (expected), 8 en (reply), 9 vi (expected).
        let en = try #require(languages["en"])
        let vi = try #require(languages["vi"])
        #expect(en.turns == 6)
        #expect(vi.turns == 3)
        // en intent: lines 1 ok, 3 no, 5 no, 8 ok = 2/4; vi intent: 4 ok, 7 ok, 9 no = 2/3.
        #expect(en.intent == ReplayReport.Ratio(passed: 2, total: 4))
        #expect(vi.intent == ReplayReport.Ratio(passed: 2, total: 3))
        // en conversations A, B, D, E, G: deflected A, B, E = 3/5; vi C, F, H: deflected C = 1/3.
        #expect(en.deflection == ReplayReport.Ratio(passed: 3, total: 5))
        #expect(vi.deflection == ReplayReport.Ratio(passed: 1, total: 3))
    }

    @Test func jsonReport() throws {
        let report = try Self.makeReport()
        let text = JSONValue.object(report.jsonMembers()).rendered()
        #expect(text == JSONValue.object(report.jsonMembers()).rendered())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in [
            "turns", "conversations", "intent_accuracy", "route_accuracy", "language_accuracy", "clarify_rate",
            "deflection_rate", "per_intent", "confusions", "failures", "per_language", "per_file",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["turns"] as? Int == 9)
        #expect(object["route_accuracy"] as? Double == 5.0 / 6.0)
        #expect(object["deflection_rate"] as? Double == 0.5)
        let failures = try #require(object["failures"] as? [[String: Any]])
        #expect(failures.count == 4)
        let oos = failures[2]
        #expect(oos["file"] as? String == "t.jsonl")
        #expect(oos["line"] as? Int == 6)
        #expect(oos["message"] as? String == "six")
        #expect((oos["expected"] as? [String: Any])?["route"] as? [String] == ["fallback", "escalate"])
        let actual = try #require(oos["actual"] as? [String: Any])
        #expect(actual["intent"] as? String == "x")
        #expect(actual["route"] as? String == "answer")
        #expect(actual["confidence"] as? Double == 0.7)
        #expect(actual["language"] as? String == "vi")
        #expect((oos["extra"] as? [String: Any])?["source"] as? String == "oos")
        // Keys render sorted: the text is stable whatever order the dictionaries hold them in.
        #expect(text.range(of: "\"clarify_rate\"")!.lowerBound < text.range(of: "\"conversations\"")!.lowerBound)
        // A cap keeps failures_total.
        let capped = JSONValue.object(report.jsonMembers(failureLimit: 1))
        guard case .object(let members) = capped, case .array(let shown) = members["failures"] else {
            Issue.record("not an object")
            return
        }
        #expect(shown.count == 1)
        #expect(members["failures_total"] == .int(4))
    }

    @Test func textReport() throws {
        let text = try Self.makeReport().renderText(failureLimit: 2)
        #expect(text.contains("Replayed 9 turns in 8 conversations (1 file)."))
        #expect(text.contains("Intent accuracy            4 / 7       0.5714  (clarify rate 0.1429: 1 of 7 turns)"))
        #expect(text.contains("Failures: 4 turns (showing the first 2; --failures all shows every one)"))
        #expect(text.contains("  t.jsonl:3: [intent] \"three\""))
        #expect(text.contains("      why       x won"))
        #expect(!text.contains("t.jsonl:6:"))
    }

    @Test func thresholds() throws {
        let report = try Self.makeReport()
        let passing = ReplayThreshold(.languageAccuracy, minimum: 0.75).check(report)
        #expect(passing.passed)
        #expect(passing.description == "language accuracy 0.7500 >= 0.7500: ok")
        let failing = ReplayThreshold(.intentAccuracy, minimum: 0.9).check(report)
        #expect(!failing.passed)
        #expect(failing.description == "intent accuracy 0.5714 < 0.9000: FAILED (--min-intent-accuracy 0.9000)")
    }
}
