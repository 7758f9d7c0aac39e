import Foundation
import TongketKit

/// `--for UNIT`: the unit whose children a command looks at, instead of the top.
enum ScopeOption {
    /// The unit named, which must be one that others report to; otherwise a message with the
    /// nearest ids and exit 64.
    static func unit(_ id: String, in outline: Outline) throws -> ReportingUnit {
        guard let unit = outline.unit(id) else {
            Console.error(
                "tongket: lỗi: "
                    + Suggestion.message(
                        unknown: "--for \(id): không có đơn vị này trong danh mục (xem 'tongket outline --units')",
                        candidates: outline.units.filter { outline.hasChildren($0.id) }.map(\.id), for: id))
            throw Exit.usage
        }
        guard outline.hasChildren(unit.id) else {
            Console.error(
                "tongket: lỗi: --for \(id): không đơn vị nào báo cáo \(unit.name) ('cap_tren' trong don-vi.yaml), nên không có gì để tổng hợp"
            )
            throw Exit.usage
        }
        return unit
    }

    /// The SHA-256 of each submission used, the scope's own first, then its children in id order.
    static func digests(of consolidator: Consolidator, scope: String) throws -> [(unitID: String, sha256: String)] {
        let used = consolidator.usedFiles
        let order = [scope] + used.keys.filter { $0 != scope }.sorted()
        var result: [(unitID: String, sha256: String)] = []
        for unitID in order {
            guard let file = used[unitID] else { continue }
            do {
                result.append((unitID, try SubmissionFolder.digest(of: consolidator.sourceFiles[file] ?? [file])))
            } catch {
                Console.error("tongket: lỗi: không đọc lại được \(file) để tính mã SHA-256: \(error.localizedDescription)")
                throw Exit.invalidInput
            }
        }
        return result
    }

    /// The folders to read for `unit`'s children: each folder given that has a subfolder named by
    /// the unit's id is replaced by it (drilling down from the province's folder), others kept.
    static func folders(_ paths: [String], of unit: ReportingUnit) -> [String] {
        paths.map { path in
            let child = (path as NSString).appendingPathComponent(unit.id)
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) && isDirectory.boolValue ? child : path
        }
    }
}
