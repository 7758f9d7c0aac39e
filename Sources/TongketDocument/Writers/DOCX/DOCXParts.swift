/// The fixed parts of a WordprocessingML package and the ones made from a few values: content
/// types, relationships, settings, page-number headers, numbering, document properties.
enum DOCXParts {
    static let namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let stylesID = "rId1"
    static let numberingID = "rId2"
    static let settingsID = "rId3"
    static let headerID = "rId4"
    static let firstHeaderID = "rId5"
    static let fontTableID = "rId6"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func documentStart() -> String {
        declaration + "<w:document \(namespaces)><w:body>"
    }

    static let documentEnd = "</w:body></w:document>"

    /// Each of the `charts` charts is a chart part with its embedded workbook.
    static func contentTypes(charts: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        if charts > 0 {
            xml += "<Default Extension=\"xlsx\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/>"
        }
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        for (part, type) in [
            ("/word/document.xml", "\(word).document.main+xml"), ("/word/styles.xml", "\(word).styles+xml"),
            ("/word/numbering.xml", "\(word).numbering+xml"), ("/word/settings.xml", "\(word).settings+xml"),
            ("/word/header1.xml", "\(word).header+xml"), ("/word/header2.xml", "\(word).header+xml"),
            ("/word/fontTable.xml", "\(word).fontTable+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ] {
            xml += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
        }
        for part in stride(from: 1, through: charts, by: 1) {
            xml +=
                "<Override PartName=\"/word/charts/chart\(part).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        }
        return xml + "</Types>"
    }

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipType)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipType)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    /// The document's relationships: its fixed parts, then hyperlinks and charts in the order
    /// the body met them.
    static func documentRelationships(_ extra: [DOCXRelationship]) -> String {
        var xml = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (id, type, target) in [
            (stylesID, "styles", "styles.xml"), (numberingID, "numbering", "numbering.xml"), (settingsID, "settings", "settings.xml"),
            (headerID, "header", "header1.xml"), (firstHeaderID, "header", "header2.xml"), (fontTableID, "fontTable", "fontTable.xml"),
        ] {
            xml += "<Relationship Id=\"\(id)\" Type=\"\(relationshipType)/\(type)\" Target=\"\(target)\"/>"
        }
        for relationship in extra {
            let mode = relationship.external ? " TargetMode=\"External\"" : ""
            xml +=
                "<Relationship Id=\"\(relationship.id)\" Type=\"\(relationshipType)/\(relationship.type)\" Target=\"\(XMLBuffer.escaped(relationship.target))\"\(mode)/>"
        }
        return xml + "</Relationships>"
    }

    /// Settings: Vietnamese proofing, tab stops every 1.27 cm, and no "compatibility mode" banner.
    static let settings =
        declaration + "<w:settings \(namespaces)>"
        + "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "</w:settings>"

    /// The page number, centred in the top margin, as a field Word keeps up to date.
    static let pageNumberHeader =
        declaration + "<w:hdr \(namespaces)><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "</w:p></w:hdr>"

    /// Page 1 carries no number.
    static let emptyHeader = declaration + "<w:hdr \(namespaces)><w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr></w:p></w:hdr>"

    static let fontTable =
        declaration + "<w:fonts \(namespaces)>"
        + "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        + "<w:font w:name=\"Courier New\"><w:panose1 w:val=\"02070309020205020404\"/><w:charset w:val=\"00\"/><w:family w:val=\"modern\"/><w:pitch w:val=\"fixed\"/></w:font>"
        + "</w:fonts>"

    /// Bullets are "-" as in state documents, ordered lists "1." restarting for each list
    /// (one `w:num` each, from `orderedLists`), nine levels deep.
    static func numbering(orderedLists: [Int]) -> String {
        var xml = declaration + "<w:numbering \(namespaces)>"
        xml += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
        for level in 0..<9 {
            xml +=
                "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/><w:suff w:val=\"space\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(level * 567)\" w:firstLine=\"720\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum><w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"multilevel\"/>"
        for level in 0..<9 {
            xml +=
                "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%\(level + 1).\"/><w:suff w:val=\"space\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(level * 567)\" w:firstLine=\"720\"/></w:pPr></w:lvl>"
        }
        xml += "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
        for (index, start) in orderedLists.enumerated() {
            xml += "<w:num w:numId=\"\(index + 2)\"><w:abstractNumId w:val=\"1\"/>"
            for level in 0..<9 {
                xml += "<w:lvlOverride w:ilvl=\"\(level)\"><w:startOverride w:val=\"\(level == 0 ? start : 1)\"/></w:lvlOverride>"
            }
            xml += "</w:num>"
        }
        return xml + "</w:numbering>"
    }

    /// Fixed dates, so that the same input gives the same bytes.
    static func coreProperties(title: String) -> String {
        declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLBuffer.escaped(title))</dc:title><dc:creator>tongket</dc:creator><dc:language>vi-VN</dc:language>"
            + "</cp:coreProperties>"
    }

    /// `Application` is how tongket knows a .docx is its own and may be replaced.
    static let appProperties =
        declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>\(generator)</Application></Properties>"

    static let generator = "tongket"
}

/// A relationship of the document part to a hyperlink target or a chart.
struct DOCXRelationship: Equatable {
    var id: String
    var type: String
    var target: String
    var external: Bool
}
