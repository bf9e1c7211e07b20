import Foundation

/// The time and day formats of the log and the report, all in UTC.
///
/// Built on `Date.ISO8601FormatStyle` and a UTC Gregorian calendar, which are `Sendable` values,
/// so they are shared freely across threads.
public enum EventTimeFormat {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    private static let withoutFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: false, timeZone: .gmt)
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    /// `2025-01-02T03:04:05.678Z`: rounded to the millisecond, so formatting what ``parse(_:)`` read
    /// gives the same text back.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let fields = UTCTimeFields(secondsSince1970: wholeSeconds)
        if fields.isWritable { return fields.iso8601(milliseconds: millis) }
        let text = withoutFraction.format(Date(timeIntervalSince1970: TimeInterval(wholeSeconds)))
        return text.dropLast() + String(format: ".%03dZ", Int(millis))
    }

    /// Parses an ISO-8601 time with or without fractional seconds, to the nearest millisecond.
    public static func parse(_ text: String) -> Date? {
        guard let date = (try? withFraction.parse(text)) ?? (try? withoutFraction.parse(text)) else { return nil }
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// The UTC day of `date` as `YYYY-MM-DD`.
    public static func day(of date: Date) -> String {
        let interval = date.timeIntervalSince1970
        // Far outside the years that are ever logged, Foundation's calendar answers.
        if interval.magnitude < 1e12 {
            let fields = UTCTimeFields(secondsSince1970: Int64(interval.rounded(.down)))
            if fields.isWritable { return fields.dayText }
        }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The start (00:00 UTC) of the day written `YYYY-MM-DD`, or nil when `text` is not a real date.
    public static func startOfDay(_ text: String) -> Date? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
            let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2])
        else { return nil }
        let parts = DateComponents(year: year, month: month, day: day)
        guard parts.isValidDate(in: calendar), let date = calendar.date(from: parts) else { return nil }
        return date
    }

    /// The start of the day after the one that holds `date`.
    public static func startOfNextDay(after date: Date) -> Date {
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }

    /// `yyyyMMdd-HHmmss` in UTC: the suffix of a rotated log file.
    static func rotationStamp(_ date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02d-%02d%02d%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0,
            p.second ?? 0)
    }
}
