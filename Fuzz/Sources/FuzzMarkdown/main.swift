import Foundation
import FuzzDriver
import TongketKit

nonisolated(unsafe) let renderer: ReportRenderer = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    do {
        let outline = try OutlineLoader.load(from: root.appendingPathComponent("outline/cchc-2011-2020"))
        return ReportRenderer(outline: outline, templates: try TemplateSet.load(from: root.appendingPathComponent("templates")))
    } catch {
        fatalError("fuzz: the bundled outline or templates do not load: \(error)")
    }
}()

/// A unit's text, whatever it is, stays inside its section: the report around it renders as it
/// does with a harmless text, and every format is written.
let fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { start, count in
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    let report = ReportInfo(number: "1/BC-STP", date: SimpleDate(year: 2020, month: 4, day: 24), summary: nil)
    let submission = Submission(
        file: "fuzz.yaml", unitID: "so-tu-phap", report: report, signer: Signer(authority: nil, title: "GIÁM ĐỐC", name: "Nguyễn Văn A"),
        recipients: ["Lưu: VT."],
        sections: [
            "boi-canh": .text(text), "ket-qua-dat-duoc": .list(text.split(separator: "\n").map(String.init)),
            "ke-hoach-cchc": .text("Đoạn sau."),
        ],
        thematic: nil, figures: [:], commendations: [])
    let document: RenderedDocument
    do {
        document = try renderer.unitReport(submission, formats: [.markdown, .html, .docx])
    } catch {
        // A unit's text can never break the templates.
        abort()
    }
    // The section after the fuzzed ones is still there, whole, in both text formats.
    guard document.html.contains("<p>Đoạn sau.</p>"), document.markdown.contains("\nĐoạn sau.\n"),
        document.html.hasSuffix("</html>\n"), !document.html.contains("<script"), let docx = document.docx, docx.count > 1000
    else { abort() }
    return 0
}

exit(runFuzzer(fuzz))
