import Foundation

/// Why a version could not be recorded or read.
public struct VersionError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): lỗi: \(message)" }
}

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

    public static let folderName = "phien-ban"

    public init(directory: URL, report: String) {
        self.directory = directory
        self.report = report
    }

    public var root: URL { directory.appendingPathComponent(Self.folderName).appendingPathComponent(report) }

    public static func folder(round: Int) -> String { round < 10 ? "lan-0\(round)" : "lan-\(round)" }

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

    public var nextRound: Int { (rounds().last ?? 0) + 1 }

    public func manifest(round: Int) throws(VersionError) -> VersionManifest {
        let url = folder(round: round).appendingPathComponent(VersionManifest.fileName)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw VersionError(path: url.path, message: "không đọc được tệp phiên bản") }
        do {
            return try VersionManifest.parse(data, file: url.path)
        } catch {
            throw VersionError(path: url.path, message: "tệp phiên bản hỏng: \(error.description)")
        }
    }

    /// The mark the next output of this report carries: "DỰ THẢO LẦN N" while it is under review
    /// (a history exists, or `alwaysDraft`), nothing for a final version.
    public func draftMark(final: Bool, alwaysDraft: Bool) -> String? {
        if final { return nil }
        let next = nextRound
        return alwaysDraft || next > 1 ? Self.draftMark(round: next) : nil
    }

    public static func draftMark(round: Int) -> String { "DỰ THẢO LẦN \(round)" }

    /// The round an output says it is ("DỰ THẢO LẦN 3" near its top), or nil when it has none.
    public static func markedRound(in data: Data) -> Int? {
        let head = String(decoding: data.prefix(8192), as: UTF8.self)
        guard let range = head.range(of: "DỰ THẢO LẦN ") else { return nil }
        return Int(head[range.upperBound...].prefix { $0.isNumber })
    }

    /// Records `outputs` (files of this report) as the next round.
    public func record(
        outputs: [URL], inputs: [(shown: String, url: URL)], status: ReviewStatus, reviewer: String, date: SimpleDate, note: String
    ) throws(VersionError) -> VersionManifest {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw VersionError(path: root.path, message: "không tạo được thư mục phiên bản: \(error.localizedDescription)")
        }
        removeAbandonedAssemblies()
        let round = nextRound
        let previous: String
        if round > 1 {
            let url = folder(round: round - 1).appendingPathComponent(VersionManifest.fileName)
            do { previous = try SHA256Hex.of(fileAt: url) } catch {
                throw VersionError(path: url.path, message: "không đọc được phiên bản trước")
            }
        } else {
            previous = ""
        }
        let temporary = root.appendingPathComponent(".\(Self.folder(round: round)).tmp-\(getpid())")
        try? manager.removeItem(at: temporary)
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw VersionError(path: temporary.path, message: "không tạo được thư mục tạm: \(error.localizedDescription)")
        }
        var completed = false
        defer { if !completed { try? manager.removeItem(at: temporary) } }
        var files: [FileDigest] = []
        for output in outputs {
            let copy = temporary.appendingPathComponent(output.lastPathComponent)
            let data: Data
            do { data = try Data(contentsOf: output) } catch {
                throw VersionError(path: output.path, message: "không đọc được tệp kết quả")
            }
            try Self.write(data, to: copy)
            files.append(FileDigest(name: output.lastPathComponent, sha256: SHA256Hex.of(data)))
        }
        // Sorted and without repeats: the order files were named in is not part of a version.
        var sources: [FileDigest] = []
        var seen = Set<String>()
        for input in inputs.sorted(by: { $0.shown < $1.shown }) where seen.insert(input.shown).inserted {
            do { sources.append(FileDigest(name: input.shown, sha256: try SHA256Hex.of(fileAt: input.url))) } catch {
                throw VersionError(path: input.shown, message: "không đọc được tệp nguồn")
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
            throw VersionError(
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
            if OutputFile.isGone(pid) {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(name))
            }
        }
    }

    /// A file of the version being assembled, through the same synced temp-file-and-rename as
    /// every other output.
    static func write(_ data: Data, to url: URL) throws(VersionError) {
        do {
            try OutputFile.write(data, to: url, overwrite: .never)
        } catch {
            throw VersionError(path: error.path, message: error.message)
        }
    }

    static func synchronizeDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
