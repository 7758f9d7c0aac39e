import Foundation

/// A small PDF laid out as Chromium and LibreOffice lay theirs out (one object a line, a classic
/// cross-reference table), for testing the finisher without an engine: one A4 page with a line of
/// text, an information dictionary with the run's date, a catalog, and two bookmarks.
public enum MinimalPDF {
    /// - Parameters:
    ///   - date: the engine's run date, "D:20261202043559+00'00'".
    ///   - language: the catalog's /Lang, or none.
    ///   - bookmarks: the outline's titles, the first a parent of the rest.
    ///   - trailerExtra: more trailer entries (LibreOffice's `/ID`, `/DocChecksum`).
    public static func make(
        date: String = "D:20261202043559+00'00'", language: String? = "vi",
        bookmarks: [String] = ["Kết quả cải cách hành chính", "I. Bối cảnh"], trailerExtra: String = ""
    ) -> Data {
        let content = "BT /F1 12 Tf 72 720 Td (Bao cao) Tj ET"
        let lang = language.map { "\n/Lang (\($0))" } ?? ""
        var objects = [
            "<</Title (Ban in)\n/Producer (Engine/PDF)\n/CreationDate (\(date))\n/ModDate (\(date))>>",
            "<</Type /Catalog\n/Pages 3 0 R\n/Outlines 6 0 R\n/ViewerPreferences <</DisplayDocTitle true>>\(lang)>>",
            "<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>",
            "<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]\n/Resources <</Font <</F1 8 0 R>>>>\n/Contents 5 0 R>>",
            "<</Length \(content.utf8.count)>> stream\n\(content)\nendstream",
            "<</Type /Outlines\n/First 7 0 R\n/Last 7 0 R\n/Count \(bookmarks.count)>>",
        ]
        let children = bookmarks.count - 1
        objects.append(
            "<</Title \(hex(bookmarks[0]))\n/Dest [4 0 R /XYZ 72 800 0]\n/Parent 6 0 R"
                + (children > 0 ? "\n/First 9 0 R\n/Last \(8 + children) 0 R\n/Count \(children)" : "") + ">>")
        objects.append("<</Type /Font\n/Subtype /Type1\n/BaseFont /AAAAAA+LiberationSerif>>")
        for index in 0..<children {
            let number = 9 + index
            let links =
                (index > 0 ? "\n/Prev \(number - 1) 0 R" : "") + (index < children - 1 ? "\n/Next \(number + 1) 0 R" : "")
            objects.append("<</Title \(hex(bookmarks[index + 1]))\n/Dest [4 0 R /XYZ 72 700 0]\n/Parent 7 0 R\(links)>>")
        }
        var text = "%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let start = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { text += String(format: "%010d 00000 n \n", offset) }
        text += "trailer\n<</Size \(objects.count + 1)\n/Root 2 0 R\n/Info 1 0 R\(trailerExtra)>>\nstartxref\n\(start)\n%%EOF\n"
        return Data(text.utf8)
    }

    /// A text string in UTF-16BE with its byte order mark, as the engines write titles.
    public static func hex(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }
}
