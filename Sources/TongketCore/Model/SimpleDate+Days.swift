extension SimpleDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar, by arithmetic alone, so that
    /// "how many days late" never depends on the machine's time zone or calendar settings.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: SimpleDate) -> Int { other.dayNumber - dayNumber }
}
