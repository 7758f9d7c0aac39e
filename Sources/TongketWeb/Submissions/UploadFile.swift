/// One file as uploaded: the name the user's computer gave it (its last component only) and its SHA-256.
public struct UploadFile: Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var size: Int

    /// The name kept for display and for reading: the last path component, with control
    /// characters and separators replaced, never starting with a dot, and its end kept within
    /// `maximumBytes` UTF-8 bytes (cut between characters; file systems take 255 bytes a name).
    public static func safeName(_ given: String) -> String {
        let last = given.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(
            last.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar -> Character in
                scalar.properties.generalCategory == .control || ":*?\"<>|".unicodeScalars.contains(scalar) ? "_" : Character(scalar)
            })
        while name.hasPrefix(".") { name.removeFirst() }
        if name.utf8.count > maximumBytes {
            var kept = Substring(name)
            while kept.utf8.count > maximumBytes { kept = kept.dropFirst() }
            name = String(kept)
            while name.hasPrefix(".") { name.removeFirst() }
        }
        return name.isEmpty ? "tep" : name
    }

    /// The longest name kept, in UTF-8 bytes: room is left for the `N-` a repeated name gets.
    public static let maximumBytes = 200
}
