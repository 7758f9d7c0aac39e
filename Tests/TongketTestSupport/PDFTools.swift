import Foundation

/// The PDF tools the PDF tests read files back with, installed by `scripts/setup --test-tools`
/// from Debian's packages (chromium, libreoffice-writer-nogui, poppler-utils, qpdf); a test
/// that needs a missing one is skipped with the reason.
extension ExternalTool {
    /// Headless Chromium, the default engine (`chromium` on PATH or `TONGKET_CHROMIUM`).
    public static let chromium: Bool =
        ProcessInfo.processInfo.environment["TONGKET_CHROMIUM"].map {
            FileManager.default.isExecutableFile(atPath: $0)
        } ?? succeeds(["chromium", "--version"])
    /// pdfinfo, pdffonts and pdftotext (poppler-utils).
    public static let poppler: Bool = succeeds(["pdfinfo", "-v"]) && succeeds(["pdffonts", "-v"]) && succeeds(["pdftotext", "-v"])
    /// qpdf, which checks a PDF's structure and lists its bookmarks.
    public static let qpdf: Bool = succeeds(["qpdf", "--version"])

    /// The reason a test of the Chromium engine is skipped.
    public static let chromiumMissing =
        "Chromium hoặc poppler-utils chưa cài được (scripts/setup --test-tools cài chromium, poppler-utils); bỏ qua"
    /// The reason a test of the LibreOffice engine is skipped.
    public static let libreOfficeMissing =
        "LibreOffice hoặc poppler-utils chưa cài được (scripts/setup --test-tools cài libreoffice-writer-nogui, poppler-utils); bỏ qua"
}

/// A PDF read back with poppler's and qpdf's tools.
public struct PDFReport {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    /// `pdfinfo`'s fields ("Title" → "…").
    public var info: [String: String] {
        var fields: [String: String] = [:]
        for line in ExternalTool.run(["pdfinfo", url.path]).output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    public var pageCount: Int { Int(info["Pages"] ?? "") ?? 0 }

    /// Each page's size in points, rounded ("595x842").
    public var pageSizes: [String] {
        let output = ExternalTool.run(["pdfinfo", "-f", "1", "-l", String(pageCount), url.path]).output
        return output.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains(" size:") }.map { line in
            let words = line.split(separator: " ")
            guard let size = words.firstIndex(of: "size:"), size + 3 < words.count, let width = Double(words[size + 1]),
                let height = Double(words[size + 3])
            else { return "?" }
            return "\(Int(width.rounded()))x\(Int(height.rounded()))"
        }
    }

    /// `pdffonts`' rows: the font's name and whether it is embedded.
    public var fonts: [(name: String, embedded: Bool)] {
        let lines = ExternalTool.run(["pdffonts", url.path]).output.split(separator: "\n").dropFirst(2)
        return lines.map { line in
            let words = line.split(separator: " ")
            // name type… encoding emb sub uni object ID: "emb" is the fifth word from the end.
            return (String(words.first ?? ""), words.count >= 6 && words[words.count - 5] == "yes")
        }
    }

    /// The text of page `page` (1-based), laid out.
    public func text(page: Int) -> String {
        ExternalTool.run(["pdftotext", "-layout", "-f", String(page), "-l", String(page), url.path, "-"]).output
    }

    /// The first line of page `page` that is not blank, trimmed.
    public func firstLine(page: Int) -> String {
        text(page: page).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
    }

    /// The bookmarks' titles in document order, indented two spaces a level (qpdf's JSON).
    public var bookmarks: [String] {
        let output = ExternalTool.run(["qpdf", "--json", "--json-key=outlines", url.path]).output
        guard let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
            let outlines = json["outlines"] as? [[String: Any]]
        else { return [] }
        var titles: [String] = []
        func walk(_ items: [[String: Any]], _ depth: Int) {
            for item in items {
                titles.append(String(repeating: "  ", count: depth) + ((item["title"] as? String) ?? ""))
                walk((item["kids"] as? [[String: Any]]) ?? [], depth + 1)
            }
        }
        walk(outlines, 0)
        return titles
    }

    /// How far the text of page `page` reaches down its page, in points, from the top of its
    /// first word to the foot of its last, the running page number at the top left out
    /// (`pdftotext -bbox`: every word with its box).
    public func textSpan(page: Int) -> Double {
        let output = ExternalTool.run(["pdftotext", "-bbox", "-f", String(page), "-l", String(page), url.path, "-"]).output
        var tops: [Double] = []
        var feet: [Double] = []
        for line in output.split(separator: "\n") where line.contains("<word ") {
            func value(_ name: String) -> Double? {
                guard let start = line.range(of: "\(name)=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let top = value("yMin"), let foot = value("yMax") else { continue }
            // The page number stands in the top margin (1 cm from the edge, above the 2 cm margin).
            guard top > 50 else { continue }
            tops.append(top)
            feet.append(foot)
        }
        guard let top = tops.min(), let foot = feet.max() else { return 0 }
        return foot - top
    }

    /// The pages that hold charts and nothing else ("Biểu đồ N:" in their text, no appendix title
    /// opening them) whose text reaches down less than `share` of a landscape page's 170 mm of
    /// text area: a chart left alone on an almost empty page.
    public func halfEmptyChartPages(share: Double = 0.6) -> [Int] {
        let textArea = 170 / 25.4 * 72
        return (1...max(1, pageCount)).filter { page in
            let lines = text(page: page).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let caption = lines.contains { $0.hasPrefix("Biểu đồ ") && $0.contains(":") }
            guard caption, !firstLine(page: page).hasPrefix("Phụ lục ") else { return false }
            return textSpan(page: page) < share * textArea
        }
    }
}
