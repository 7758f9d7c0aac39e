import Foundation
import TongketCore
import TongketDocument

/// The recorded versions of one report, in `phien-ban/<report>/lan-NN/` beside its outputs.
///
/// Versions are only ever added: a new one is assembled in a hidden temporary folder and renamed
/// into place whole, so an interrupted `review` leaves the history as it was, and a round that
/// exists is never written again. Recorded files are made read-only; `verify` finds any change.
public struct VersionStore: Sendable {
    /// The folder of the report's outputs.
    public let directory: URL
    /// The outputs' base name, "bao-cao-tong-hop" or a unit's id.
    public let report: String

    /// The folder beside the outputs that holds every report's history.
    public static let folderName = "phien-ban"

    /// Whether `name` may name a report. It becomes a folder under `phien-ban/`, so only the names
    /// tongket gives its outputs are accepted (lower-case letters, digits, '-' and '.'), never a
    /// path or a hidden name.
    public static func isReportName(_ name: String) -> Bool {
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
        return !name.isEmpty && allowed && !name.hasPrefix(".") && !name.contains("..")
    }

    /// The history of `report`, whose outputs are in `directory`.
    public init(directory: URL, report: String) {
        self.directory = directory
        self.report = report
    }

    /// `phien-ban/<report>/`: the report's rounds, one folder each.
    public var root: URL { directory.appendingPathComponent(Self.folderName).appendingPathComponent(report) }

    /// A round's folder name, "lan-03", padded so that folders list in order up to round 99.
    public static func folder(round: Int) -> String { round < 10 ? "lan-0\(round)" : "lan-\(round)" }

    /// Where round `round` is, or would be, recorded.
    public func folder(round: Int) -> URL { root.appendingPathComponent(Self.folder(round: round)) }

    /// The rounds recorded, in order ("lan-NN" folders; temporary ones are not rounds).
    public func rounds() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("lan-"), let round = Int(name.dropFirst(4)), round > 0, Self.folder(round: round) == name else {
                return nil
            }
            return round
        }
        .sorted()
    }

    /// The round the next review records: one after the last, 1 for a report never reviewed.
    public var nextRound: Int { (rounds().last ?? 0) + 1 }

    /// What round `round` says of itself; unreadable or damaged manifests are a `FileError`.
    public func manifest(round: Int) throws(FileError) -> VersionManifest {
        let url = folder(round: round).appendingPathComponent(VersionManifest.fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw FileError(path: url.path, message: "không đọc được tệp phiên bản") }
        do {
            return try VersionManifest.parse(data, file: url.path)
        } catch {
            throw FileError(path: url.path, message: "tệp phiên bản hỏng: \(error.description)")
        }
    }

    /// The mark the next output of this report carries: "DỰ THẢO LẦN N" while it is under review
    /// (a history exists, or `alwaysDraft`), nothing for a final version.
    public func draftMark(final: Bool, alwaysDraft: Bool) -> String? {
        if final { return nil }
        let next = nextRound
        return alwaysDraft || next > 1 ? DraftMark.text(round: next) : nil
    }

    /// The round an output says it is ("DỰ THẢO LẦN 3" near its top), or nil when it has none.
    public static func markedRound(in data: Data) -> Int? {
        let head = String(decoding: data.prefix(8192), as: UTF8.self)
        guard let range = head.range(of: DraftMark.prefix) else { return nil }
        return Int(head[range.upperBound...].prefix { $0.isNumber })
    }

    /// Records `outputs` (files of this report) as the next round.
    public func record(
        outputs: [URL], inputs: [(shown: String, url: URL)], status: ReviewStatus, reviewer: String, date: SimpleDate, note: String
    ) throws(FileError) -> VersionManifest {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: root.path, message: "không tạo được thư mục phiên bản: \(error.localizedDescription)")
        }
        removeAbandonedAssemblies()
        let round = nextRound
        let previous: String
        if round > 1 {
            let url = folder(round: round - 1).appendingPathComponent(VersionManifest.fileName)
            do { previous = try SHA256Hex.of(fileAt: url) } catch {
                throw FileError(path: url.path, message: "không đọc được phiên bản trước")
            }
        } else {
            previous = ""
        }
        let temporary = root.appendingPathComponent(".\(Self.folder(round: round)).tmp-\(getpid())")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw FileError(path: temporary.path, message: "không tạo được thư mục tạm: \(error.localizedDescription)")
        }
        var completed = false
        defer { if !completed { try? manager.removeItem(at: temporary) } }
        var files: [FileDigest] = []
        for output in outputs {
            let copy = temporary.appendingPathComponent(output.lastPathComponent)
            let data: Data
            do { data = try Data(contentsOf: output) } catch {
                throw FileError(path: output.path, message: "không đọc được tệp kết quả")
            }
            try Self.write(data, to: copy)
            files.append(FileDigest(name: output.lastPathComponent, sha256: SHA256Hex.of(data)))
        }
        // Sorted and without repeats: the order files were named in is not part of a version.
        var sources: [FileDigest] = []
        var seen = Set<String>()
        for input in inputs.sorted(by: { $0.shown < $1.shown }) where seen.insert(input.shown).inserted {
            do { sources.append(FileDigest(name: input.shown, sha256: try SHA256Hex.of(fileAt: input.url))) } catch {
                throw FileError(path: input.shown, message: "không đọc được tệp nguồn")
            }
        }
        let manifest = VersionManifest(
            report: report, round: round, status: status, reviewer: reviewer, date: date, note: note, previous: previous, files: files,
            inputs: sources)
        try Self.write(Data(manifest.yaml().utf8), to: temporary.appendingPathComponent(VersionManifest.fileName))
        for name in files.map(\.name) + [VersionManifest.fileName] {
            chmod(temporary.appendingPathComponent(name).path, 0o444)
        }
        // rename(2) never replaces a folder that has anything in it: a recorded round is safe
        // even from a second `review` racing this one.
        let target = folder(round: round)
        if rename(temporary.path, target.path) != 0 {
            throw FileError(
                path: target.path, message: "không ghi được phiên bản (đã có lần \(round)?): \(String(cString: strerror(errno)))")
        }
        completed = true
        Self.synchronizeDirectory(root)
        return manifest
    }

    /// Temporary folders left by a `review` that was interrupted (its process is gone).
    private func removeAbandonedAssemblies() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names where name.hasPrefix(".lan-") {
            guard let marker = name.range(of: ".tmp-"), let pid = Int32(name[marker.upperBound...]) else { continue }
            if DeadProcess.isGone(pid) {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
            }
        }
    }

    /// A file of the version being assembled, through the same synced temp-file-and-rename as
    /// every other output.
    static func write(_ data: Data, to url: URL) throws(FileError) {
        do {
            try OutputFile.write(data, to: url, overwrite: .never)
        } catch {
            throw FileError(path: error.path, message: error.message)
        }
    }

    static func synchronizeDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
