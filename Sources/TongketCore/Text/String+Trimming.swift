import Foundation

extension String {
    /// Without leading and trailing white space; cheap when there is none, which is the usual case.
    package var trimmedWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
