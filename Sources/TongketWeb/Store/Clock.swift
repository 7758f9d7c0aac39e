import Foundation

/// Timestamps as stored (ISO 8601, UTC) and as shown (Vietnamese, the server's local time).
public enum Clock {
    /// Now, ISO 8601 in UTC with seconds: "2026-12-02T15:31:52Z".
    public static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }

    /// "02/12/2026 15:31" from a stored timestamp; the stored text itself when it cannot be read.
    public static func shown(_ stamp: String) -> String {
        guard let date = try? Date(stamp, strategy: .iso8601) else { return stamp }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        // Padded by hand: String(format:) went through NSString, a seventh of the board's time.
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : String(value)
        }
        return "\(two(parts.day))/\(two(parts.month))/\(parts.year ?? 0) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// The server's calendar in its local time zone, made once.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar
    }()
}
