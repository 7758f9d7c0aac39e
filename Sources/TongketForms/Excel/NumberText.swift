import Foundation
import TongketCore

/// A number a writer typed as text in a cell (the cell formatted as text, or typed with the
/// separators Vietnamese writes): "1.234" is one thousand two hundred and thirty-four, "85,5" is
/// eighty-five and a half, "1.234,5" both. A dot followed by other than three digits is not a
/// thousands separator and is left to `FigureText` ("85.48").
enum NumberText {
    static func parse(_ raw: String) -> Double? {
        let text = raw.filter { $0 != " " && $0 != "\u{00A0}" }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            let lastGroup = groups[groups.count - 1].split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            let thousands = groups.dropFirst().dropLast().allSatisfy { $0.count == 3 } && lastGroup[0].count == 3
            let head = groups[0].hasPrefix("-") ? groups[0].dropFirst() : groups[0]
            if thousands, (1...3).contains(head.count) {
                return FigureText.parse(text.replacingOccurrences(of: ".", with: ""))
            }
        }
        return FigureText.parse(text)
    }

    /// A number as the YAML submission writes it: whole numbers without a point, others with at
    /// most six decimals (binary fractions such as 85.480000000000004 cut back to what was typed).
    static func yaml(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
