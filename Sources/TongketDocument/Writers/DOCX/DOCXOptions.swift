/// What the DOCX writer needs besides the document: page geometry in twips (1/20 pt) following
/// Nghị định 30/2020 (A4; top and bottom 20 mm, left 30 mm, right 15 mm), the parts that
/// describe the file, and the template set's styles.
public struct DOCXOptions: Sendable {
    /// The document's title in its properties ("Báo cáo tổng kết – Sở Tư pháp").
    public var title: String
    /// Word styles (`styles.xml`), from the template set.
    public var styles: String
    /// Which styles and layouts the template's container classes take, from the template set.
    public var styleMap: DOCXStyleMap

    /// Options for a document of this title, with these styles and this map of classes.
    public init(title: String, styles: String, styleMap: DOCXStyleMap) {
        self.title = title
        self.styles = styles
        self.styleMap = styleMap
    }
}

/// A4 in twips, and the margins of the state format.
enum DOCXPage {
    static let shortSide = 11906
    static let longSide = 16838
    static let top = 1134
    static let bottom = 1134
    static let left = 1701
    static let right = 851
    /// Landscape appendix pages keep 20 mm at the binding side and 15 mm opposite.
    static let landscapeLeft = 1134
    static let headerDistance = 567

    static let portraitWidth = shortSide - left - right
    static let landscapeWidth = longSide - landscapeLeft - right

    /// Section properties. The body's first section has no page number on its first page
    /// (`titlePg` with an empty first-page header). Each appendix is a landscape section of its own
    /// whose pages are numbered from 1 again, its first page unnumbered like the document's: Nghị
    /// định 30/2020 numbers the pages of each appendix separately.
    static func sectionProperties(landscape: Bool) -> String {
        var xml = "<w:sectPr>"
        xml += "<w:headerReference w:type=\"default\" r:id=\"\(DOCXParts.headerID)\"/>"
        xml += "<w:headerReference w:type=\"first\" r:id=\"\(DOCXParts.firstHeaderID)\"/>"
        if landscape {
            xml += "<w:type w:val=\"nextPage\"/>"
            xml += "<w:pgSz w:w=\"\(longSide)\" w:h=\"\(shortSide)\" w:orient=\"landscape\"/>"
            xml +=
                "<w:pgMar w:top=\"\(top)\" w:right=\"\(right)\" w:bottom=\"\(bottom)\" w:left=\"\(landscapeLeft)\" w:header=\"\(headerDistance)\" w:footer=\"\(headerDistance)\" w:gutter=\"0\"/>"
            xml += "<w:pgNumType w:start=\"1\"/>"
        } else {
            xml += "<w:pgSz w:w=\"\(shortSide)\" w:h=\"\(longSide)\"/>"
            xml +=
                "<w:pgMar w:top=\"\(top)\" w:right=\"\(right)\" w:bottom=\"\(bottom)\" w:left=\"\(left)\" w:header=\"\(headerDistance)\" w:footer=\"\(headerDistance)\" w:gutter=\"0\"/>"
        }
        return xml + "<w:titlePg/></w:sectPr>"
    }
}
