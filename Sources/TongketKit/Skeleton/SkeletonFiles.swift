import Foundation
import TongketCore
import TongketDocument

/// The files a unit starts from, written into a folder: its submission skeleton (YAML), which
/// never replaces an existing file since that may already hold the unit's work, and, unless only
/// the YAML is wanted, the same skeleton rendered as a report, which replaces an earlier rendering,
/// and the Excel workbook the unit may fill its figures in instead (`ID.bieu.xlsx`), which like
/// the YAML is never replaced: once filled it is the unit's work.
public enum SkeletonFiles {
    /// The units to make skeletons for: the one `id` names, or every unit when `id` is nil.
    public static func units(_ id: String?, in outline: Outline) throws(UnknownUnitError) -> [ReportingUnit] {
        guard let id else { return outline.units }
        guard let unit = outline.unit(id) else {
            throw UnknownUnitError(id: id, suggestion: Suggestion.nearest(to: id, in: outline.units.map(\.id)))
        }
        return [unit]
    }

    /// Writes each unit's skeleton, its rendering when `renderer` is given and its workbook form
    /// with `forms`, into `directory`.
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
            if forms { report(writeWorkbook(for: unit, outline: outline, in: directory, force: force)) }
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

    /// The unit's workbook form, beside its YAML.
    private static func writeWorkbook(for unit: ReportingUnit, outline: Outline, in directory: URL, force: Bool) -> Result<URL, FileError> {
        let target = directory.appendingPathComponent(WorkbookFormWriter.fileName(for: unit))
        do {
            let data = try WorkbookFormWriter.data(for: unit, outline: outline)
            try OutputFile.write(data, to: target, overwrite: .policy(for: .workingFile, force: force))
            return .success(target)
        } catch let error as FileError {
            return .failure(error)
        } catch {
            return .failure(FileError(path: target.path, message: "không tạo được biểu Excel: \(error)"))
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
