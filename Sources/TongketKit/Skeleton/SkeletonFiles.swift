import Foundation
import TongketCore
import TongketDocument

/// The files a unit starts from, written into a folder: its submission skeleton (YAML), which
/// never replaces an existing file since that may already hold the unit's work, and, unless only
/// the YAML is wanted, the same skeleton rendered as a report, which replaces an earlier rendering,
/// and the forms the unit may fill instead of the YAML: the Word form (`ID.nhap.docx`) for its
/// texts and the Excel workbook (`ID.bieu.xlsx`) for its figures, which like the YAML are never
/// replaced: once filled they are the unit's work.
public enum SkeletonFiles {
    /// The units to make skeletons for: the one `id` names, or every unit when `id` is nil.
    public static func units(_ id: String?, in outline: Outline) throws(UnknownUnitError) -> [ReportingUnit] {
        guard let id else { return outline.units }
        guard let unit = outline.unit(id) else {
            throw UnknownUnitError(id: id, suggestion: Suggestion.nearest(to: id, in: outline.units.map(\.id)))
        }
        return [unit]
    }

    /// Writes each unit's skeleton, its rendering when `renderer` is given and its Word and Excel
    /// forms with `forms`, into `directory`.
    /// Each file written, or refused, goes to `report` as it happens: a refused file (a unit's
    /// existing submission) does not stop the others.
    /// - Throws: a template problem, which stops everything, since no later unit would render either.
    public static func write(
        _ units: [ReportingUnit], outline: Outline, renderer: ReportRenderer?, formats: [DocumentFormat], to directory: URL,
        force: Bool, forms: Bool = false, report: (Result<URL, FileError>) -> Void
    ) throws(RenderError) {
        for unit in units {
            let target = directory.appendingPathComponent(unit.submissionFileName)
            do throws(FileError) {
                let yaml = Data(SkeletonWriter.yaml(for: unit, outline: outline).utf8)
                try OutputFile.write(yaml, to: target, overwrite: .policy(for: .workingFile, force: force))
                report(.success(target))
            } catch {
                report(.failure(error))
            }
            if forms {
                report(
                    writeForm(DocumentFormWriter.fileName(for: unit), in: directory, force: force) {
                        try DocumentFormWriter.data(for: unit, outline: outline)
                    })
                report(
                    writeForm(WorkbookFormWriter.fileName(for: unit), in: directory, force: force) {
                        try WorkbookFormWriter.data(for: unit, outline: outline)
                    })
            }
            guard let renderer else { continue }
            let document = try renderer.skeleton(for: unit, formats: formats)
            do throws(FileError) {
                for url in try DocumentWriter.write([document], formats: formats, to: .directory(directory), force: force) {
                    report(.success(url))
                }
            } catch {
                report(.failure(error))
            }
        }
    }

    /// Writes the unit's Word form and workbook filled from `submission` (its texts, header,
    /// figures and commendations), as a unit moving from YAML to Word and Excel starts from
    /// them. Like blank forms, they never replace an existing file without `force`.
    public static func writeForms(
        filledFrom submission: Submission, unit: ReportingUnit, outline: Outline, to directory: URL, force: Bool,
        report: (Result<URL, FileError>) -> Void
    ) {
        report(
            writeForm(DocumentFormWriter.fileName(for: unit), in: directory, force: force) {
                try DocumentFormWriter.data(for: unit, outline: outline, filledFrom: submission)
            })
        report(
            writeForm(WorkbookFormWriter.fileName(for: unit), in: directory, force: force) {
                try WorkbookFormWriter.data(for: unit, outline: outline, filledFrom: submission)
            })
    }

    /// The YAML submissions directly in `folder`, in name order.
    /// - Throws: a `FileError` when the folder cannot be listed.
    public static func submissions(in folder: URL) throws -> [URL] {
        do {
            return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw FileError(path: folder.path, message: "không đọc được thư mục")
        }
    }

    /// One of the unit's forms, beside its YAML.
    private static func writeForm(_ name: String, in directory: URL, force: Bool, make: () throws -> Data) -> Result<URL, FileError> {
        let target = directory.appendingPathComponent(name)
        do {
            let data = try make()
            try OutputFile.write(data, to: target, overwrite: .policy(for: .workingFile, force: force))
            return .success(target)
        } catch let error as FileError {
            return .failure(error)
        } catch {
            return .failure(FileError(path: target.path, message: "không tạo được biểu mẫu: \(error)"))
        }
    }

    /// Writes the JSON Schema the skeletons point editors at (their first line names it) beside
    /// them: an earlier schema tongket made is replaced, any other file only with `force`.
    /// - Throws: a `FileError` when the file cannot be written.
    public static func writeSchema(for outline: Outline, in directory: URL, force: Bool) throws {
        let data = try SchemaGenerator.json(for: outline)
        let url = directory.appendingPathComponent(SkeletonWriter.schemaFileName(for: outline))
        try OutputFile.write(data, to: url, overwrite: .policy(for: .schema, force: force))
    }
}
