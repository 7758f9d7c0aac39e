import Foundation
import TongketCore

/// Reads a unit's filled `ID.nhap.docx` back: the document properties first (programme, outline
/// version, unit, form version — a form made for another is refused), then the header fields
/// and each section's content control (or, where the control is gone, the text under the
/// section's heading) into the equivalent YAML, which the submission checker then checks. Its
/// diagnostics come back located at the section and paragraph the writer typed in.
public enum DocumentFormReader {
    /// Reads the form at `url`; `shownName` is how messages name it.
    public static func read(contentsOf url: URL, shownName: String, outline: Outline) -> FormReading {
        read(contentsOf: url, shownName: shownName, outline: outline, fingerprint: nil)
    }

    /// The same, with the outline's fingerprint computed once for many forms; without
    /// `checking`, the YAML read is not checked (its unit is, with a pair's merged YAML).
    package static func read(
        contentsOf url: URL, shownName: String, outline: Outline, fingerprint: String?, checking: Bool = true
    ) -> FormReading {
        do {
            return read(
                try InputFile.data(url, shownName: shownName, what: "tệp Word (.docx)"), file: shownName, outline: outline,
                fingerprint: fingerprint, checking: checking)
        } catch {
            return .refused(error)
        }
    }

    /// Reads a form from bytes.
    public static func read(_ data: Data, file: String, outline: Outline) -> FormReading {
        read(data, file: file, outline: outline, fingerprint: nil)
    }

    static func read(_ data: Data, file: String, outline: Outline, fingerprint: String?, checking: Bool = true) -> FormReading {
        do {
            var reading = DocumentReading(file: file, outline: outline)
            reading.fingerprint = fingerprint
            reading.checking = checking
            return try reading.run(data)
        } catch {
            return .refused(error)
        }
    }
}
