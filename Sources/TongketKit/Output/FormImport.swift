import Foundation
import TongketCore
import TongketForms

/// `tongket import`: a unit's Word and Excel forms written as the equivalent YAML submission
/// (`ID.yaml`), so that a unit can move to text and a recorded version is always YAML. A unit
/// whose forms have errors gets no file: half a submission is worse than none.
public enum FormImport {
    /// What became of one unit's forms.
    public struct Outcome: Sendable {
        public var files: [String]
        public var diagnostics: [Diagnostic]
        /// The YAML file written, or why none was.
        public var written: Result<URL, FileError>?
    }

    /// Reads the forms among `paths` and writes each unit's YAML into `directory`.
    public static func run(_ paths: [String], outline: Outline, to directory: URL, strict: Bool, force: Bool) -> [Outcome] {
        let forms = SubmissionFiles.expand(paths, forms: true).filter(FormSubmission.isForm)
        return FormSubmission.load(forms, outline: outline).map { unit in
            var outcome = Outcome(files: unit.files, diagnostics: unit.loaded.diagnostics, written: nil)
            guard let id = unit.unitID, unit.loaded.isValid(strict: strict) else { return outcome }
            let header =
                "# Bản báo cáo của đơn vị '\(id)', đọc từ \(unit.files.map { ($0 as NSString).lastPathComponent }.joined(separator: " và ")) bằng 'tongket import'.\n"
            let target = directory.appendingPathComponent("\(id).yaml")
            do throws(FileError) {
                try OutputFile.write(Data((header + unit.yaml).utf8), to: target, overwrite: .policy(for: .workingFile, force: force))
                outcome.written = .success(target)
            } catch {
                outcome.written = .failure(error)
            }
            return outcome
        }
    }
}
