import Mustache

/// A value a template sees. Its names are the Vietnamese ones of docs/mau.md, answered by
/// `child(named:)` so that the Swift side keeps Swift names; a name left unanswered (nil) is
/// looked up in the enclosing view, as Mustache does, and a false flag is nil, never `false`.
/// Unit texts never enter a view: templates get an insertion marker (`ma_chen`) and the text is
/// grafted into the document tree later, parsed on its own.
protocol TemplateView: MustacheParent, Sendable {
    /// Every name a template may use on this view, for the check that templates use no other.
    static var names: [String] { get }
}

/// One line of a list the templates print line by line (`{{dong}}`).
struct LineView: TemplateView {
    var line: String

    static let names = ["dong"]

    func child(named name: String) -> Any? { name == "dong" ? line : nil }
}
