import Mustache

/// A value a template sees. Its names are the Vietnamese ones of docs/mau.md, answered by
/// `child(named:)` so that the Swift side keeps Swift names; a name left unanswered (nil) is
/// looked up in the enclosing view, as Mustache does, and a false flag is nil, never `false`.
/// Unit texts never enter a view: templates get an insertion marker (`ma_chen`) and the text is
/// grafted into the document tree later, parsed on its own.
protocol TemplateView: Sendable {
    /// Every name a template may use on this view, for the check that templates use no other.
    static var names: [String] { get }

    func child(named name: String) -> TemplateValue?
}

/// What a view answers for a name: text, a true flag, a view or a list of views.
enum TemplateValue {
    case text(String)
    case flag
    case view(any TemplateView)
    case views([any TemplateView])

    /// What Mustache is given for it.
    var shown: Any {
        switch self {
        case .text(let text): return TextBox(text: text)
        case .flag: return true
        case .view(let view): return ViewBox(view)
        case .views(let views): return views.map(ViewBox.init)
        }
    }
}

/// The one type Mustache sees for every view. Mustache asks each value it meets whether it is
/// a lambda, a sequence, a custom renderable, a parent, …; the Swift runtime answers the first
/// question about a type by walking every conformance of the program (6,172 in the static
/// build), and fifteen view types, their arrays and optionals had made that 16% of rendering one
/// unit. Shown as `TextBox`, flags, `ViewBox` and `[ViewBox]` only, the walks are a handful.
struct ViewBox: MustacheParent {
    let view: any TemplateView

    init(_ view: any TemplateView) { self.view = view }

    func child(named name: String) -> Any? { view.child(named: name)?.shown }
}

/// Text as Mustache is given it: rendered as the text itself, as a String would be, but a parent
/// with no names, so that a name looked up inside a section over text (`{{#du_thao}}…`) goes on
/// to the enclosing view without the reflection (`Mirror`) Mustache uses on a String; and the
/// String's transforms (`{{uppercased(ten)}}`), for a province's own template.
struct TextBox: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let text: String

    var renderText: String { text }

    var isNull: Bool { false }

    func child(named name: String) -> Any? { nil }

    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// One line of a list the templates print line by line (`{{dong}}`).
struct LineView: TemplateView {
    var line: String

    static let names = ["dong"]

    func child(named name: String) -> TemplateValue? { name == "dong" ? .text(line) : nil }
}
