import Foundation
import TongketCore
import TongketDocument

/// Reads `templates/kieu-word-lop.yaml`: for each template class (`<!-- tongket:khoi LỚP -->`),
/// the Word styles its blocks take and the behaviours tongket carries out for it.
///
/// A map that is not YAML, names a behaviour tongket does not have or a style `kieu-word.xml`
/// does not define, or leaves out a class the state format needs is refused when the templates
/// are loaded, at its line and column: otherwise every report would be written with a layout
/// silently lost.
enum WordStyleMapLoader {
    /// The map's file in a template folder, beside `kieu-word.xml`.
    static let fileName = "kieu-word-lop.yaml"

    /// The classes every map must describe: those of the required templates' state-format layout
    /// (header, title, sections, appendices, signature) and block quotes.
    static let requiredClasses = [
        "du-thao", "tieu-de", "cot-trai", "cot-phai", "co-quan", "quoc-hieu", "loai-van-ban", "phan", "huong-dan",
        "huong-dan-chung", "phu-luc", "tieu-de-phu-luc", "chu-ky", "noi-nhan", "nguoi-ky", "khoang-ky", DOCXStyleMap.quoteClass,
    ]

    /// The keys a class may have.
    enum Key: String, CaseIterable {
        case paragraph = "doan"
        case heading = "de-muc"
        case listLines = "danh-sach"
        case paragraphBefore = "doan-truoc"
        case behaviours = "cach"
        case columns = "cot"
        case rule = "ke"
        case percent = "ti-le"
        case firstParagraph = "doan-dau"
        case followingParagraphs = "doan-sau"

        /// The behaviours the key serves; a key that serves some is refused without one of them.
        var onlyWith: [Behaviour] {
            switch self {
            case .columns: return [.layoutTable]
            case .rule, .percent: return [.ruleBelow, .ruleBelowText]
            case .firstParagraph, .followingParagraphs: return [.nationalMotto]
            case .paragraph, .heading, .listLines, .paragraphBefore, .behaviours: return []
            }
        }
    }

    /// The behaviours a class may name under `cach`; each is carried out by the DOCX writer.
    enum Behaviour: String, CaseIterable {
        case layoutTable = "bang-bo-cuc"
        case ruleBelow = "ke-duoi"
        case ruleBelowText = "ke-duoi-theo-chu"
        case nationalMotto = "quoc-hieu"
        case emptyParagraph = "doan-trong"
        case landscape = "trang-ngang"
        case boxed = "dong-khung"
        case keepWithPrevious = "giu-voi-doan-truoc"
        case keepFirstWithNext = "giu-doan-dau-voi-doan-sau"

        /// The keys the behaviour needs.
        var keys: [Key] {
            switch self {
            case .layoutTable: return [.columns]
            case .ruleBelow, .ruleBelowText: return [.rule, .percent]
            case .nationalMotto: return [.firstParagraph, .followingParagraphs]
            case .emptyParagraph: return [.paragraph]
            case .landscape, .boxed, .keepWithPrevious, .keepFirstWithNext: return []
            }
        }

        /// Whether it decides how the whole block is laid out; a class has at most one such.
        var isLayout: Bool { ![.boxed, .keepWithPrevious, .keepFirstWithNext].contains(self) }
    }

    /// The map in `url`; style names must be among `styleIDs` (those `kieu-word.xml` defines).
    static func load(_ url: URL, styleIDs: Set<String>) throws(Diagnostic) -> DOCXStyleMap {
        let root: Node
        do {
            root = try InputFile.yaml(
                url, shownName: url.path, what: "tệp kiểu Word theo lớp", whenEmpty: .init("tệp kiểu Word theo lớp trống", kind: .template))
        } catch {
            throw Diagnostic(.error, .template, at: error.location, error.message)
        }
        var reading = WordStyleMapReading(reader: NodeReader(file: url.path), styleIDs: styleIDs)
        var classes: [String: DOCXClassStyle] = [:]
        for (className, _, value) in try reading.mapping(root, "tệp kiểu Word theo lớp") {
            classes[className] = try reading.classStyle(value, className)
        }
        for name in requiredClasses where classes[name] == nil {
            throw reading.error(root, "thiếu lớp bắt buộc '\(name)'; nếu lớp không cần kiểu riêng, ghi '\(name): {}'")
        }
        return DOCXStyleMap(classes: classes)
    }
}
