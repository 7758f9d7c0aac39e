import Foundation

/// A word a user may type with or without tone marks, in any case, with spaces, '_' or '-':
/// "Đã rà soát", "da-ra-soat" and "DA_RA_SOAT" are one word.
public enum Keyword {
    /// Lower case, without tone marks, spaces and '_' as '-'.
    public static func folded(_ word: String) -> String {
        var out = ""
        for scalar in word.lowercased().replacingOccurrences(of: "đ", with: "d").decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == " " || scalar == "_" { out += "-" } else { out.unicodeScalars.append(scalar) }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// The case whose words `word` folds to the same keyword as ("du-thao" for "dự thảo").
    public static func matching(keyword word: String) -> Self? {
        let key = Keyword.folded(word)
        return allCases.first { Keyword.folded($0.rawValue) == key }
    }
}
