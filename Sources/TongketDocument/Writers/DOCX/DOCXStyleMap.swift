/// Which Word styles and layouts the blocks of each template class take in a .docx: the map a
/// template set gives in `templates/kieu-word-lop.yaml`, so that a template author who adds or
/// renames a class (`<!-- tongket:khoi LỚP -->`) says how Word shows it without touching code.
public struct DOCXStyleMap: Sendable, Equatable {
    /// Block quotes (`> …`) are written as if in a container of this class, so that the map
    /// gives their style too.
    public static let quoteClass = "trich-dan"

    /// What each class does, by class name; a class not here is a plain container whose
    /// paragraphs keep the style of what surrounds it.
    public var classes: [String: DOCXClassStyle]

    /// A map of these classes.
    public init(classes: [String: DOCXClassStyle] = [:]) { self.classes = classes }

    /// What the class does, if the map names it.
    public subscript(className: String) -> DOCXClassStyle? { classes[className] }
}
