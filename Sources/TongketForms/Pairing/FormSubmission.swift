import Foundation
import TongketCore

/// A unit's forms read together: its Word form (the texts) and its workbook (the figures and
/// commendations), paired by the unit named inside them, never by file name, merged into one
/// YAML submission that the submission checker checks whole. Problems are told in the file and
/// place they come from.
public enum FormSubmission {
    /// Whether `path` names a form by its extension.
    public static func isForm(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".docx") || lower.hasSuffix(".xlsx")
    }

    /// One unit's submission read from forms: the files it came from, the equivalent YAML and
    /// what loading it gave.
    public struct Unit: Sendable {
        public var files: [String]
        public var unitID: String?
        public var yaml: String
        public var loaded: LoadedSubmission
    }

    /// Reads the forms at `paths` (as the user named them), one result per unit, in the order
    /// of each unit's first file; a form that could not be read is a result of its own. Files are
    /// read, and units merged, on every core; the results do not depend on which finished first.
    public static func load(_ paths: [String], outline: Outline) -> [Unit] {
        // Every run asks, forms or not; the outline's fingerprint is made only for a form.
        guard !paths.isEmpty else { return [] }
        let fingerprint = OutlineFingerprint.of(outline)
        let readings = zip(
            paths,
            inParallel(paths) { path in
                let url = URL(fileURLWithPath: path)
                return path.lowercased().hasSuffix(".xlsx")
                    ? WorkbookFormReader.read(
                        contentsOf: url, shownName: path, outline: outline, fingerprint: fingerprint, checking: false)
                    : DocumentFormReader.read(contentsOf: url, shownName: path, outline: outline, fingerprint: fingerprint, checking: false)
            }
        ).map { ($0.0, $0.1) }
        var order: [String] = []
        var byUnit: [String: [(String, FormReading)]] = [:]
        var results: [Unit] = []
        for (path, reading) in readings {
            guard let unit = reading.unitID else {
                results.append(
                    Unit(files: [path], unitID: nil, yaml: "", loaded: LoadedSubmission(submission: nil, diagnostics: reading.diagnostics)))
                continue
            }
            if byUnit[unit] == nil { order.append(unit) }
            byUnit[unit, default: []].append((path, reading))
        }
        let forms = order.map { ($0, byUnit[$0] ?? []) }
        results += inParallel(forms) { merge($0.0, $0.1, outline: outline) }
        return results
    }

    /// `transform` of each of `items`, on every core, in the items' order.
    private static func inParallel<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result)
        -> [Result]
    {
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in slots.set(index, transform(items[index])) }
        return slots.all.compactMap { $0 }
    }

    private static func merge(_ unit: String, _ forms: [(String, FormReading)], outline: Outline) -> Unit {
        let files = forms.map(\.0)
        let documents = forms.filter { !$0.0.lowercased().hasSuffix(".xlsx") }
        let workbooks = forms.filter { $0.0.lowercased().hasSuffix(".xlsx") }
        func refuse(_ message: String) -> Unit {
            Unit(
                files: files, unitID: unit, yaml: "",
                loaded: LoadedSubmission(
                    submission: nil,
                    diagnostics: [Diagnostic(.error, .duplicate, at: SourceLocation(file: files[0], line: 1, column: 1), message)])
            )
        }
        if documents.count > 1 || workbooks.count > 1 {
            return refuse(
                "đơn vị '\(unit)' có nhiều hơn một tệp Word hoặc một biểu Excel: \(files.joined(separator: ", ")); hãy giữ lại một tệp mỗi loại"
            )
        }
        guard let document = documents.first else {
            return refuse(
                "đơn vị '\(unit)' mới có biểu số liệu (\(files[0])), chưa có phần báo cáo bằng chữ: hãy thêm tệp Word \(unit).nhap.docx (tạo bằng 'tongket skeleton --unit \(unit)') hoặc viết tệp YAML"
            )
        }
        // The Word form's YAML, then the workbook's without its first line (the unit again).
        let lines = document.1.lines
        let documentLines = lines.count
        let workbookLines = workbooks.first.map { Array($0.1.lines.dropFirst()) } ?? []
        let yaml = (lines + workbookLines).joined(separator: "\n") + "\n"
        let loaded = SubmissionLoader.load(Data(yaml.utf8), file: document.0, outline: outline)
        var diagnostics = document.1.readerDiagnostics + (workbooks.first?.1.readerDiagnostics ?? [])
        for diagnostic in loaded.diagnostics {
            var located = diagnostic
            let line = diagnostic.location.line
            if line <= documentLines || workbooks.isEmpty {
                let place = document.1.places[line]?.text ?? "phần đầu"
                located.location = SourceLocation(file: document.0, line: line, column: diagnostic.location.column, place: place)
            } else if let workbook = workbooks.first {
                // Line 1 of the workbook's own YAML (the unit) was left out of the merge.
                let own = line - documentLines + 1
                var place = workbook.1.places[own]?.text ?? "biểu số liệu"
                if diagnostic.kind == .missingFigures, diagnostic.message.hasPrefix("Phụ lục"), let table = workbook.1.tables[own] {
                    place = table
                }
                located.location = SourceLocation(file: workbook.0, line: own, column: diagnostic.location.column, place: place)
            }
            diagnostics.append(located)
        }
        var submission = loaded.submission
        submission?.file = document.0
        return Unit(files: files, unitID: unit, yaml: yaml, loaded: LoadedSubmission(submission: submission, diagnostics: diagnostics))
    }
}
