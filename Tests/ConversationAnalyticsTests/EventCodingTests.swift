import ConversationAnalytics
import Foundation
import Testing

@Suite("Event JSON")
struct EventCodingTests {
    let sample = ConversationEvent(
        time: EventTimeFormat.parse("2025-01-02T03:04:05.678Z")!, conversation: "c-1", turn: 2, language: "vi",
        route: "escalate", intent: "withdrawal.pending", confidence: 0.75, responseTimeMicroseconds: 1234,
        escalationReason: "human_request", satisfaction: "no", message: "rút tiền \"chưa\" về\n\\ [EMAIL]\u{1}")

    @Test func lineHasTheSchemaKeysInOrder() {
        let line = String(decoding: sample.jsonLine(), as: UTF8.self)
        #expect(
            line == #"{"time":"2025-01-02T03:04:05.678Z","conversation":"c-1","turn":2,"language":"vi","#
                + #""route":"escalate","intent":"withdrawal.pending","confidence":0.75,"response_time_us":1234,"#
                + #""escalation_reason":"human_request","satisfaction":"no","#
                + #""message":"rút tiền \"chưa\" về\n\\ [EMAIL]\u0001"}"# + "\n")
    }

    @Test func lineRoundTrips() throws {
        let decoded = try JSONDecoder().decode(ConversationEvent.self, from: sample.jsonLine())
        #expect(decoded == sample)
        let minimal = event("c", 1, "fallback", at: at("2025-01-06", 1), message: "?")
        #expect(try JSONDecoder().decode(ConversationEvent.self, from: minimal.jsonLine()) == minimal)
        #expect(!String(decoding: minimal.jsonLine(), as: UTF8.self).contains("intent"))
    }

    @Test func codableMatchesTheLine() throws {
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(sample)) as? NSDictionary
        let line = try JSONSerialization.jsonObject(with: sample.jsonLine()) as? NSDictionary
        #expect(encoded == line)
    }

    @Test func readersAcceptNullsUnknownKeysAndWholeSeconds() throws {
        let text =
            #"{"time":"2025-01-02T03:04:05Z","conversation":"c","turn":1,"language":"en","route":"answer","#
            + #""intent":null,"confidence":1,"response_time_us":5,"escalation_reason":null,"future_key":[1],"#
            + #""message":"hi"}"#
        let decoded = try JSONDecoder().decode(ConversationEvent.self, from: Data(text.utf8))
        #expect(decoded.intent == nil)
        #expect(decoded.time == EventTimeFormat.parse("2025-01-02T03:04:05.000Z"))
    }

    @Test func badTimeIsRejected() {
        let text =
            #"{"time":"yesterday","conversation":"c","turn":1,"language":"en","route":"answer","#
            + #""confidence":1,"response_time_us":5,"message":"hi"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ConversationEvent.self, from: Data(text.utf8)) }
    }

    @Test(arguments: ["2025-02-30", "2025-1-01", "20250101", "2025-13-01", "", "abcd-ef-gh"])
    func badDaysAreRejected(text: String) {
        #expect(EventTimeFormat.startOfDay(text) == nil)
    }

    @Test func daysAreUTC() {
        let day = EventTimeFormat.startOfDay("2024-02-29")!
        #expect(EventTimeFormat.format(day) == "2024-02-29T00:00:00.000Z")
        #expect(EventTimeFormat.day(of: day.addingTimeInterval(86_399)) == "2024-02-29")
        #expect(EventTimeFormat.format(EventTimeFormat.startOfNextDay(after: day)) == "2024-03-01T00:00:00.000Z")
    }

    @Test func inMemorySinkKeepsOrderAcrossThreads() throws {
        let sink = InMemoryEventSink()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<100 {
                try? sink.record(event("w\(worker)", index + 1, "answer", at: at("2025-01-06", 1)))
            }
        }
        #expect(sink.events.count == 800)
        for worker in 0..<8 {
            #expect(sink.events.filter { $0.conversation == "w\(worker)" }.map(\.turn) == Array(1...100))
        }
        sink.removeAll()
        #expect(sink.events.isEmpty)
    }
}
