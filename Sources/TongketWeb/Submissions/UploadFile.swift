/// One file as uploaded: the name the user's computer gave it (its last component only) and its SHA-256.
public struct UploadFile: Sendable, Equatable {
    public var name: String
    public var sha256: String
    public var size: Int

    /// The name kept for display and for reading: the last path component, with control
    /// characters and separators replaced, at most 120 characters, never starting with a dot.
    public static func safeName(_ given: String) -> String {
        let last = given.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(
            last.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar -> Character in
                scalar.properties.generalCategory == .control || ":*?\"<>|".unicodeScalars.contains(scalar) ? "_" : Character(scalar)
            })
        while name.hasPrefix(".") { name.removeFirst() }
        if name.count > 120 { name = String(name.suffix(120)) }
        return name.isEmpty ? "tep" : name
    }
}
