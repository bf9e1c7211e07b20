import ConversationAnalytics
import Foundation
import SupportBotTestSupport
import Testing

/// The log's time texts against Foundation's ISO 8601 format style, which wrote them before.
@Suite struct EventTimeFormatTests {
    private static let foundationStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt)

    /// What ``EventTimeFormat/format(_:)`` wrote with Foundation alone.
    private static func foundationFormat(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let text = foundationStyle.format(Date(timeIntervalSince1970: TimeInterval(wholeSeconds)))
        return text.dropLast() + String(format: ".%03dZ", Int(millis))
    }

    private static func foundationDay(_ date: Date) -> String {
        String(foundationStyle.format(date).prefix(10))
    }

    @Test(
        "Times and days are written as Foundation wrote them, at the edges",
        arguments: [
            0, -0.0004, -0.0006, -1, 0.9995, 59.9996, 951_782_400, 951_868_799.9999, 4_107_542_400, 1_735_689_599.999,
            -2_208_988_800, -11_676_096_000, 253_402_300_799.999, 1_764_028_800.5,
        ])
    func edges(_ interval: TimeInterval) {
        let date = Date(timeIntervalSince1970: interval)
        #expect(EventTimeFormat.format(date) == Self.foundationFormat(date))
        #expect(EventTimeFormat.day(of: date) == Self.foundationDay(date))
    }

    @Test("Times and days are written as Foundation wrote them, 20,000 random times from 1600 to 9999")
    func randomTimes() {
        var random = SeededRandom(seed: 2026)
        for _ in 0..<20_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -11_676_096_000...253_402_300_799, using: &random))
            #expect(EventTimeFormat.format(date) == Self.foundationFormat(date), "\(date.timeIntervalSince1970)")
            #expect(EventTimeFormat.day(of: date) == Self.foundationDay(date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test(
        "Years that are not four digits after 1600 still get Foundation's text", arguments: [-62_135_596_800.0, 1e13])
    func farYears(_ interval: TimeInterval) {
        let date = Date(timeIntervalSince1970: interval)
        #expect(EventTimeFormat.format(date) == Self.foundationFormat(date))
    }
}
