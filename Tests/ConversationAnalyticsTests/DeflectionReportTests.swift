import ConversationAnalytics
import Foundation
import Testing

/// Six conversations over two days, every figure computed by hand below.
///
/// | conv | first event      | lang        | turns (route, intent, response µs)                              | outcome     |
/// |------|------------------|-------------|-----------------------------------------------------------------|-------------|
/// | c1   | 01-06 09:00      | en          | answer deposit.missing 100; answer sat=yes 200                  | deflected, resolved |
/// | c2   | 01-06 10:00      | vi          | clarify 300; answer kyc.status 400; answer sat=no 500           | deflected, not resolved |
/// | c3   | 01-06 11:00      | vi          | fallback "Làm sao để   stake?" 600; escalate not_understood 700 | escalated   |
/// | c4   | 01-07 08:00      | en          | security security.seed_phrase 800                               | deflected, resolved |
/// | c5   | 01-07 09:00      | unknown, vi | fallback "làm sao để stake?" 900; fallback "referral bonus?" 1000 | neither   |
/// | c6   | 01-07 12:00      | en          | answer withdrawal.pending 1100; escalate withdrawal.pending human_request 1200; escalate frustration 1300 | escalated |
enum SmallLog {
    static let events: [ConversationEvent] = [
        event("c1", 1, "answer", at: at("2025-01-06", 9), intent: "deposit.missing", responseTime: 100),
        event("c1", 2, "answer", at: at("2025-01-06", 9, 1), responseTime: 200, satisfaction: "yes"),
        event("c2", 1, "clarify", at: at("2025-01-06", 10), language: "vi", responseTime: 300),
        event("c2", 2, "answer", at: at("2025-01-06", 10, 1), language: "vi", intent: "kyc.status", responseTime: 400),
        event("c2", 3, "answer", at: at("2025-01-06", 10, 2), language: "vi", responseTime: 500, satisfaction: "no"),
        event(
            "c3", 1, "fallback", at: at("2025-01-06", 11), language: "vi", responseTime: 600,
            message: "Làm sao để   stake?"),
        event(
            "c3", 2, "escalate", at: at("2025-01-06", 11, 1), language: "vi", responseTime: 700,
            reason: "not_understood"),
        event("c4", 1, "security", at: at("2025-01-07", 8), intent: "security.seed_phrase", responseTime: 800),
        event(
            "c5", 1, "fallback", at: at("2025-01-07", 9), language: "unknown", responseTime: 900,
            message: "làm sao để stake?"),
        event(
            "c5", 2, "fallback", at: at("2025-01-07", 9, 1), language: "vi", responseTime: 1000,
            message: "referral bonus?"),
        event("c6", 1, "answer", at: at("2025-01-07", 12), intent: "withdrawal.pending", responseTime: 1100),
        event(
            "c6", 2, "escalate", at: at("2025-01-07", 12, 1), intent: "withdrawal.pending", responseTime: 1200,
            reason: "human_request"),
        event("c6", 3, "escalate", at: at("2025-01-07", 12, 2), responseTime: 1300, reason: "frustration"),
    ]
}

@Suite("Deflection report figures")
struct DeflectionReportTests {
    let report = DeflectionReport(events: SmallLog.events, target: 0.6)

    @Test func conversationsTurnsAndDeflection() {
        #expect(report.conversations == 6)
        #expect(report.turns == 13)  // 2 + 3 + 2 + 1 + 2 + 3
        #expect(report.deflected == 3)  // c1, c2, c4 (c4 by a security route)
        #expect(report.deflectionRate == 0.5)  // 3 / 6
        #expect(report.targetMet == false)
        #expect(abs(report.targetGapPoints! - -10) < 1e-9)  // (0.5 - 0.6) * 100
    }

    @Test func escalations() {
        #expect(report.escalated == 2)  // c3, c6
        #expect(report.escalationRate == 2.0 / 6)
        // c6 escalated twice: counted once, under its first reason.
        #expect(report.escalationsByReason == ["not_understood": 1, "human_request": 1])
        #expect(report.unhandled == 1)  // c5: fallbacks only
    }

    @Test func turnRates() {
        #expect(report.fallbackTurns == 3)  // c3 t1, c5 t1, c5 t2
        #expect(report.fallbackRate == 3.0 / 13)
        #expect(report.clarificationTurns == 1)  // c2 t1
        #expect(report.clarificationRate == 1.0 / 13)
    }

    @Test func satisfactionAndResolution() {
        #expect(report.satisfactionYes == 1)  // c1
        #expect(report.satisfactionNo == 1)  // c2
        #expect(report.csat == 0.5)
        #expect(report.resolved == 2)  // c1, c4: deflected, no "no"; c2 said no
        #expect(report.resolutionRate == 2.0 / 6)
    }

    @Test func responseTimePercentiles() {
        // 13 values 100...1300: p50 = 7th (ceil 6.5), p95 = 13th (ceil 12.35), p99 = 13th (ceil 12.87).
        #expect(report.responseTime == .init(p50: 700, p95: 1300, p99: 1300, max: 1300))
    }

    @Test func perDayPerIntentPerLanguage() {
        #expect(
            report.perDay == [
                .init(date: "2025-01-06", conversations: 3, deflected: 2),  // c1 c2 c3
                .init(date: "2025-01-07", conversations: 3, deflected: 1),  // c4 c5 c6
            ])
        #expect(
            report.perIntent == [
                .init(intent: "withdrawal.pending", turns: 2, answered: 1, escalated: 1),
                .init(intent: "deposit.missing", turns: 1, answered: 1, escalated: 0),
                .init(intent: "kyc.status", turns: 1, answered: 1, escalated: 0),
                .init(intent: "security.seed_phrase", turns: 1, answered: 1, escalated: 0),
            ])
        // c5 starts "unknown" then speaks Vietnamese: counted as vi.
        #expect(
            report.perLanguage == [
                .init(language: "en", conversations: 3, deflected: 2),  // c1 c4 c6
                .init(language: "vi", conversations: 3, deflected: 1),  // c2 c3 c5
            ])
    }

    @Test func unmatchedMessagesGroupIgnoringCaseAndSpaces() {
        #expect(
            report.unmatched == [
                .init(message: "Làm sao để stake?", count: 2),  // c3 (shown form: first seen) and c5
                .init(message: "referral bonus?", count: 1),
            ])
        let limited = DeflectionReport(events: SmallLog.events, unmatchedLimit: 1)
        #expect(limited.unmatched.count == 1)
    }

    @Test func orderOfEventsDoesNotMatter() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5 {
            #expect(DeflectionReport(events: SmallLog.events.shuffled(using: &generator)) == report)
        }
    }

    @Test func periodSelectsConversationsByTheirFirstEvent() {
        let second = DeflectionReport(events: SmallLog.events, since: EventTimeFormat.startOfDay("2025-01-07"))
        #expect(second.conversations == 3)  // c4 c5 c6
        #expect(second.deflected == 1)  // c4
        #expect(second.turns == 6)
        let first = DeflectionReport(events: SmallLog.events, until: EventTimeFormat.startOfDay("2025-01-07"))
        #expect(first.conversations == 3)  // c1 c2 c3
        #expect(first.deflectionRate == 2.0 / 3)
        #expect(first.targetMet == true)  // 66.7% >= 60%
        // A conversation that starts before `until` keeps its later turns.
        let straddling = [
            event("x", 1, "answer", at: at("2025-01-06", 23, 59), intent: "a"),
            event("x", 2, "escalate", at: at("2025-01-07", 0, 1), reason: "complaint"),
        ]
        let cut = DeflectionReport(events: straddling, until: EventTimeFormat.startOfDay("2025-01-07"))
        #expect(cut.conversations == 1)
        #expect(cut.deflected == 0)
        #expect(cut.escalationsByReason == ["complaint": 1])
    }

    @Test func emptyLogHasNoRates() {
        let empty = DeflectionReport(events: [])
        #expect(empty.conversations == 0)
        #expect(empty.deflectionRate == nil)
        #expect(empty.csat == nil)
        #expect(empty.targetMet == nil)
        #expect(empty.responseTime == .init())
    }

    @Test func escalationWithoutReasonIsUnspecified() {
        let report = DeflectionReport(events: [event("a", 1, "escalate", at: at("2025-01-06", 1))])
        #expect(report.escalationsByReason == ["unspecified": 1])
        #expect(report.unhandled == 0)
    }
}
