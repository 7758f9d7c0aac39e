import Foundation
import TongketCore
import TongketDocument

/// What a file tongket writes is for. The kind alone (and `--force`) decides whether the file may
/// replace one already in its place, so that every command, whole or streamed, follows one
/// overwrite policy instead of choosing its own.
public enum OutputKind: Sendable {
    /// A rendered report or page (Markdown, HTML, DOCX, PDF, a redline): it replaces an earlier one
    /// tongket made (a PDF is known by the creator its information names), never a file a person
    /// wrote under the same name.
    case report
    /// The JSON Schema of the submissions: it replaces an earlier schema tongket made.
    case schema
    /// A file a person goes on to fill in (a unit's skeleton YAML): once it exists it may already
    /// hold the unit's work, so it is never replaced.
    case workingFile
    /// A report rolled up for the level above (`consolidate --for`): it replaces an earlier
    /// roll-up (known by its `tong_hop_tu` block), never a report a person wrote.
    case rollUp
}

extension OutputFile.Overwrite {
    /// The policy for a file of `kind`; `force` (`--force`) lets anything be replaced.
    public static func policy(for kind: OutputKind, force: Bool) -> OutputFile.Overwrite {
        if force { return .always }
        switch kind {
        case .report: return .ifMadeByTongket(isOurs: { ReportRenderer.isGenerated([UInt8]($0)) })
        case .schema: return .ifMadeByTongket(isOurs: SchemaGenerator.isGenerated)
        case .workingFile: return .never
        case .rollUp: return .ifMadeByTongket(isOurs: RollUpWriter.isRollUp)
        }
    }
}
