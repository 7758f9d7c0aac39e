import Foundation

/// Vietnamese alphabetical order (a ă â b c d đ e ê …): Swift's `<` puts Đ after V and
/// `localizedCompare` follows the process locale, so both are wrong for lists of units.
public enum VietnameseOrder {
    static let locale = Locale(identifier: "vi_VN")

    public static func areInOrder(_ a: String, _ b: String) -> Bool {
        let order = a.compare(b, options: [.caseInsensitive], range: nil, locale: locale)
        if order == .orderedSame { return a < b }
        return order == .orderedAscending
    }

    /// `items` sorted by `name`, ties kept in a stable order.
    public static func sorted<T>(_ items: [T], by name: (T) -> String) -> [T] {
        items.sorted { areInOrder(name($0), name($1)) }
    }
}
