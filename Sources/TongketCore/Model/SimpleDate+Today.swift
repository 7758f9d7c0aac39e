import Foundation

extension SimpleDate {
    /// Today in the machine's time zone: only for "as of today" questions such as who is late;
    /// nothing written into a report comes from the clock.
    public static func today() -> SimpleDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return SimpleDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
