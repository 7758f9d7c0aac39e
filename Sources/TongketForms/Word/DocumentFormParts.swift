import TongketDocument

/// The fixed parts of the Word form and the ones made from a few values.
enum DocumentFormParts {
    static let declaration = FormXML.declaration
    static let wordML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let namespaces = "xmlns:w=\"\(wordML)\" xmlns:r=\"\(FormXML.relationships)\""

    /// The custom document properties naming programme, outline version, unit and form version:
    /// Word and LibreOffice keep them on saving.
    static let factPrefix = "tongket."

    static let contentTypes =
        declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        + "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
        + "</Types>"

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"\(FormXML.packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(FormXML.relationships)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(FormXML.relationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "<Relationship Id=\"rId4\" Type=\"\(FormXML.relationships)/custom-properties\" Target=\"docProps/custom.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        declaration + "<Relationships xmlns=\"\(FormXML.packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(FormXML.relationships)/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(FormXML.relationships)/numbering\" Target=\"numbering.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(FormXML.relationships)/header\" Target=\"header1.xml\"/>"
        + "</Relationships>"

    /// The page number, centred at the top of every page but the first (Nghị định 30/2020: the
    /// sectPr's titlePg leaves the first page without it).
    static let header =
        declaration
        + "<w:hdr \(namespaces)><w:p><w:pPr><w:spacing w:before=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        + "</w:p></w:hdr>"

    /// The two columns of the state header, as tab stops in one paragraph per line (a table
    /// would hide its inline controls from the reader, which reads no tables): the issuing body
    /// centred on the left 40% of the 9,071-twip line, the national name on the right 60%.
    static let headerTabs = "<w:tabs><w:tab w:val=\"center\" w:pos=\"1814\"/><w:tab w:val=\"center\" w:pos=\"6349\"/></w:tabs>"

    static let appProperties =
        declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>tongket</Application></Properties>"

    static func coreProperties(title: String) -> String {
        declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(XMLBuffer.escaped(title))</dc:title><dc:creator>tongket</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"
    }

    static func customProperties(_ facts: [(String, String)]) -> String {
        var xml =
            declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        for (index, fact) in facts.enumerated() {
            xml +=
                "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(index + 2)\" name=\"\(factPrefix)\(fact.0)\"><vt:lpwstr>\(XMLBuffer.escaped(fact.1))</vt:lpwstr></property>"
        }
        return xml + "</Properties>"
    }

    /// Times New Roman 14 justified with a first-line indent (Nghị định 30), headings bold.
    static let styles =
        declaration + "<w:styles \(namespaces)>"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:before=\"120\" w:after=\"0\" w:line=\"288\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/></w:pPr></w:style>"
        + (1...4).map { level in
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr><w:rPr><w:b/>\(level == 1 ? "" : "")</w:rPr></w:style>"
        }.joined()
        + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TieuDeHaiCot\"><w:name w:val=\"Tiêu đề hai cột\"/><w:basedOn w:val=\"Normal\"/><w:pPr>\(headerTabs)<w:spacing w:before=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"26\"/></w:rPr></w:style>"
        // The signer in the right half of the page, centred and bold, the name after room for the
        // signature and seal, as a report signs (Nghị định 30/2020, Phụ lục I).
        + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"ChuKy\"><w:name w:val=\"Chữ ký\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"0\"/><w:ind w:left=\"4253\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"ChuKyTen\"><w:name w:val=\"Họ tên người ký\"/><w:basedOn w:val=\"ChuKy\"/><w:pPr><w:spacing w:before=\"1440\"/></w:pPr></w:style>"
        + "<w:style w:type=\"character\" w:styleId=\"PlaceholderText\"><w:name w:val=\"Placeholder Text\"/><w:rPr><w:i/><w:color w:val=\"808080\"/></w:rPr></w:style>"
        + "</w:styles>"

    /// Bullets are "-" as in state documents.
    static let numbering =
        declaration + "<w:numbering \(namespaces)><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
        + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"567\"/></w:pPr></w:lvl>"
        + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
}
