import Foundation
import TongketCore
import TongketDocument

/// A recorded version that is not as it was recorded.
public struct VersionProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): lỗi: \(message)" }
}

extension VersionStore {
    /// Checks every recorded round: the rounds run 1, 2, 3… with no gap; each manifest reads,
    /// names this report and its round, and carries the SHA-256 of the manifest before it; every
    /// file it lists is there with that SHA-256, and nothing else is in its folder.
    public func verify() -> [VersionProblem] {
        var problems: [VersionProblem] = []
        let manager = FileManager.default
        for (index, round) in rounds().enumerated() {
            let folder = folder(round: round)
            if round != index + 1 {
                problems.append(
                    VersionProblem(path: folder.path, message: "các lần phải liên tiếp từ 1, nhưng thiếu lần \(index + 1) (đã bị xóa?)"))
            }
            let manifest: VersionManifest
            do {
                manifest = try self.manifest(round: round)
            } catch {
                problems.append(VersionProblem(path: error.path, message: error.message))
                continue
            }
            let manifestPath = folder.appendingPathComponent(VersionManifest.fileName).path
            if !VersionManifest.isSealed((try? Data(contentsOf: URL(fileURLWithPath: manifestPath))) ?? Data()) {
                problems.append(VersionProblem(path: manifestPath, message: "tệp phiên bản đã bị sửa (không khớp dấu niêm phong SHA-256)"))
            }
            if manifest.round != round || manifest.report != report {
                problems.append(
                    VersionProblem(
                        path: manifestPath,
                        message: "tệp phiên bản ghi '\(manifest.report)' lần \(manifest.round), không phải '\(report)' lần \(round)"))
            }
            if round > 1 {
                let before = self.folder(round: round - 1).appendingPathComponent(VersionManifest.fileName)
                let digest = (try? SHA256Hex.of(fileAt: before)) ?? ""
                if digest != manifest.previous {
                    problems.append(
                        VersionProblem(
                            path: before.path,
                            message: "lần \(round - 1) đã bị sửa hoặc thay sau khi lần \(round) được ghi (chuỗi SHA-256 bị đứt)"))
                }
            } else if !manifest.previous.isEmpty {
                problems.append(VersionProblem(path: manifestPath, message: "lần 1 không được có phiên bản trước"))
            }
            for file in manifest.files {
                let url = folder.appendingPathComponent(file.name)
                guard manager.fileExists(atPath: url.path) else {
                    problems.append(VersionProblem(path: url.path, message: "tệp của phiên bản đã mất"))
                    continue
                }
                let digest = (try? SHA256Hex.of(fileAt: url)) ?? ""
                if digest != file.sha256 {
                    problems.append(VersionProblem(path: url.path, message: "nội dung đã bị sửa (SHA-256 không khớp với lúc ghi)"))
                }
            }
            let listed = Set(manifest.files.map(\.name) + [VersionManifest.fileName])
            for name in ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where !listed.contains(name) {
                problems.append(
                    VersionProblem(path: folder.appendingPathComponent(name).path, message: "tệp lạ, không thuộc phiên bản đã ghi"))
            }
        }
        return problems
    }

    /// The reports that have a history in `directory`.
    public static func reports(in directory: URL) -> [String] {
        let root = directory.appendingPathComponent(folderName)
        return ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
