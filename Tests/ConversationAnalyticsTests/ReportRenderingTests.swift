import ConversationAnalytics
import Foundation
import Testing

@Suite("Report renderings")
struct ReportRenderingTests {
    let report = DeflectionReport(
        events: SmallLog.events, target: 0.6,
        skipped: [SkippedLogLine(file: "events.jsonl", line: 14, reason: "torn last line (no newline)")])

    func json() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(report.renderJSON().utf8)) as? [String: Any])
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let keys = Set(try json().keys)
        let documented: Set = [
            "schema_version", "since", "until", "conversations", "turns", "deflected", "deflection_rate", "target",
            "target_met", "target_gap_pp", "escalated", "escalation_rate", "unhandled", "escalations_by_reason",
            "fallback_turns", "fallback_rate", "clarification_turns", "clarification_rate", "satisfaction", "csat",
            "resolved", "resolution_rate", "response_time_us", "per_day", "per_intent", "per_language", "unmatched",
            "skipped_lines", "skipped",
        ]
        #expect(keys == documented)
    }

    @Test func jsonFigures() throws {
        let object = try json()
        #expect(object["conversations"] as? Int == 6)
        #expect(object["turns"] as? Int == 13)
        #expect(object["deflected"] as? Int == 3)
        #expect(object["deflection_rate"] as? Double == 0.5)
        #expect(object["target"] as? Double == 0.6)
        #expect(object["target_met"] as? Bool == false)
        #expect(object["target_gap_pp"] as? Double == -10)
        #expect(object["escalation_rate"] as? Double == 0.3333)  // 2 / 6, 4 decimals
        #expect(object["escalations_by_reason"] as? [String: Int] == ["not_understood": 1, "human_request": 1])
        #expect(object["fallback_rate"] as? Double == 0.2308)  // 3 / 13
        #expect(object["clarification_rate"] as? Double == 0.0769)  // 1 / 13
        #expect(object["csat"] as? Double == 0.5)
        #expect(object["resolution_rate"] as? Double == 0.3333)
        #expect(object["response_time_us"] as? [String: Int] == ["p50": 700, "p95": 1300, "p99": 1300, "max": 1300])
        #expect(object["skipped_lines"] as? Int == 1)
        #expect(object["since"] is NSNull)
        let days = try #require(object["per_day"] as? [[String: Any]])
        #expect(days.map { $0["date"] as? String } == ["2025-01-06", "2025-01-07"])
        #expect(days.map { $0["deflection_rate"] as? Double } == [0.6667, 0.3333])
        let unmatched = try #require(object["unmatched"] as? [[String: Any]])
        #expect(unmatched.first?["message"] as? String == "Làm sao để stake?")
        #expect(unmatched.first?["count"] as? Int == 2)
        let intents = try #require(object["per_intent"] as? [[String: Any]])
        #expect(intents.first?["intent"] as? String == "withdrawal.pending")
        #expect(intents.first?["escalated"] as? Int == 1)
    }

    @Test func jsonOfAnEmptyReportUsesNull() throws {
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(DeflectionReport(events: []).renderJSON().utf8))
                as? [String: Any])
        #expect(object["deflection_rate"] is NSNull)
        #expect(object["target_met"] is NSNull)
        #expect((object["response_time_us"] as? [String: Any])?["p50"] is NSNull)
    }

    @Test func textStatesDefinitionsAndVerdict() {
        let text = report.renderText()
        #expect(text.contains("Deflection rate      50.0%  (3 of 6 conversations)"))
        #expect(text.contains("Target               60.0%  SHORT by 10.0 pp"))
        #expect(
            text.contains(
                "A conversation is DEFLECTED when it got at least one answer or security route and was never handed to a "
                    + "human (an escalate route, or a security warning that also hands over)."
            ))
        #expect(text.contains("resolved on first contact"))
        #expect(text.contains("  2025-01-06       3 conv       2 deflected   66.7%"))
        #expect(text.contains("p50 700  p95 1300  p99 1300  max 1300"))
        #expect(text.contains("      2  Làm sao để stake?"))
        #expect(text.contains("events.jsonl:14: torn last line (no newline)"))
        let met = DeflectionReport(events: SmallLog.events, target: 0.45).renderText()
        #expect(met.contains("MET (by 5.0 pp)"))
    }

    @Test func htmlIsSelfContainedAndEscaped() {
        let hostile =
            SmallLog.events + [
                event("h", 1, "fallback", at: at("2025-01-07", 13), message: "<script>alert('x')</script> & \"q\"")
            ]
        let html = DeflectionReport(events: hostile).renderHTML()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"))
        // No network: the only URL is the SVG namespace.
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http:") && !withoutNamespace.contains("https:"))
        #expect(!html.contains("<link") && !html.contains("<img"))
        // Three charts, the target line, the definitions.
        #expect(html.components(separatedBy: "<svg").count - 1 == 3)
        #expect(html.contains("stroke-dasharray"))
        #expect(html.contains("target 60.0%"))
        #expect(html.contains("A conversation is DEFLECTED"))
    }

    @Test(arguments: [
        (Array(1...100), 50, 95, 99),
        ([5], 5, 5, 5),
        ([10, 20], 10, 20, 20),
        (Array(1...20), 10, 19, 20),
    ])
    func nearestRankPercentiles(values: [Int], p50: Int, p95: Int, p99: Int) {
        let events = values.enumerated().map { index, value in
            event("c\(index)", 1, "answer", at: at("2025-01-06", 1), responseTime: value)
        }
        let times = DeflectionReport(events: events).responseTime
        #expect(times.p50 == p50)
        #expect(times.p95 == p95)
        #expect(times.p99 == p99)
        #expect(times.max == values.max())
    }
}

@Suite("A security warning that hands over counts as an escalation")
struct SecurityHandoverTests {
    @Test func securityWithReasonIsNotDeflected() {
        let start = Date(timeIntervalSince1970: 1_736_000_000)
        let events = [
            ConversationEvent(
                time: start, conversation: "hacked", turn: 1, language: "en", route: "security",
                intent: "security.account_compromised", escalationReason: "security", message: "my account was hacked"),
            ConversationEvent(
                time: start, conversation: "scam", turn: 1, language: "en", route: "security",
                intent: "scam.impersonation", message: "someone posing as staff asked for my code"),
        ]
        let report = DeflectionReport(events: events, target: 0.6)
        // 2 conversations: the warning-only one is deflected, the one handed over is escalated.
        #expect(report.conversations == 2)
        #expect(report.deflected == 1)
        #expect(report.escalated == 1)
        #expect(report.escalationsByReason == ["security": 1])
    }
}
