import CmarkDoor
import Foundation
import ZIPFoundation

/// A .docx being written: blocks go in piece by piece, the package comes out at the end.
///
/// The body is deflated while it is written (`ParallelDeflate`), a mebibyte at a time. Its raw
/// bytes are kept too, for the package past what a ZIP without ZIP64 holds, which ZIPFoundation
/// writes from them: a province's draft can be hundreds of megabytes of XML, so beyond a few
/// megabytes they are spilled to a temporary file beside the output. Every entry has the same
/// fixed date and the entries a fixed order, so the same input gives the same bytes.
package final class DOCXDocument {
    let writer: DOCXBodyWriter
    /// The threads a long run of blocks is cut for (`write(_:)`: four segments each, written by
    /// Dispatch's workers); with one it is written in order.
    package var threads = ParallelDeflate.cores
    /// Segments joined as written apart, and written again in order (`write(_:)`): for the tests.
    package var segmentCounts = (joined: 0, rewritten: 0)
    private let options: DOCXOptions
    private let spillDirectory: URL?
    private var spill: (url: URL, handle: FileHandle)?
    private var bodySize = 0
    /// The body's raw bytes handed over so far, when there is no spill file to keep them.
    private var kept: [UInt8] = []
    private let deflated = ParallelDeflate()
    package static let spillThreshold = 4 << 20

    package init(options: DOCXOptions, tables: [String: Table], charts: [String: Chart], spillDirectory: URL?) {
        self.options = options
        self.spillDirectory = spillDirectory
        writer = DOCXBodyWriter(options: options, tables: tables, charts: charts)
        writer.out.append(DOCXParts.documentStart())
    }

    deinit {
        if let spill {
            try? spill.handle.close()
            unlink(spill.url.path)
        }
    }

    package func add(_ blocks: [DocumentBlock]) throws(FileError) {
        write(blocks)
        // Handed over a chunk's worth at a time, so that the workers start early; spilled in
        // larger steps.
        if writer.out.count >= ParallelDeflate.chunkSize { try handOver() }
    }

    /// The settled part of the body to the compressor, and to the spill file or memory.
    private func handOver() throws(FileError) {
        let bytes = writer.drain()
        deflated.append(bytes)
        kept += bytes
        if spillDirectory != nil, kept.count >= Self.spillThreshold { try spillBody() }
    }

    private func spillBody() throws(FileError) {
        guard let directory = spillDirectory else { return }
        if spill == nil {
            let url = directory.appendingPathComponent(
                ".tongket-docx-\(getpid())-\(UInt(bitPattern: ObjectIdentifier(self).hashValue)).xml")
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forUpdatingAtPath: url.path)
            else { throw FileError(path: url.path, message: "không tạo được tệp tạm để ghi DOCX") }
            spill = (url, handle)
        }
        do {
            try spill?.handle.write(contentsOf: kept)
        } catch {
            throw FileError(path: spill?.url.path ?? directory.path, message: "không ghi được tệp tạm: \(error.localizedDescription)")
        }
        bodySize += kept.count
        kept.removeAll(keepingCapacity: true)
    }

    /// Finishes the body and zips every part: the body as it was deflated, or, past what a ZIP
    /// without ZIP64 holds (or when a test asks), deflated again by ZIPFoundation.
    package func package(throughZIPFoundation: Bool = false) throws(FileError) -> Data {
        writer.finish()
        writer.out.append(DOCXParts.documentEnd)
        let end = writer.drainAll()
        deflated.append(end)
        kept += end
        if !throughZIPFoundation {
            do {
                return try packaged()
            } catch is ZIPWriter.TooLarge {
                // ZIPFoundation writes ZIP64.
            } catch let error as FileError {
                throw error
            } catch {
                throw FileError(path: options.title, message: "không tạo được gói DOCX: \(error)")
            }
        }
        return try packagedByZIPFoundation(tail: Data(kept))
    }

    /// The parts in the package's order, but the body: the first four go before it.
    private func parts() throws -> [(path: String, data: Data, compress: Bool)] {
        let charts = writer.placedCharts
        var parts: [(path: String, data: Data, compress: Bool)] = [
            ("[Content_Types].xml", Data(DOCXParts.contentTypes(charts: charts.count).utf8), true),
            ("_rels/.rels", Data(DOCXParts.packageRelationships.utf8), true),
            ("docProps/app.xml", Data(DOCXParts.appProperties.utf8), true),
            ("docProps/core.xml", Data(DOCXParts.coreProperties(title: options.title).utf8), true),
        ]
        let fixed: [(String, String)] = [
            ("word/_rels/document.xml.rels", DOCXParts.documentRelationships(writer.relationships)),
            ("word/styles.xml", options.styles),
            ("word/numbering.xml", DOCXParts.numbering(orderedLists: writer.orderedLists)),
            ("word/settings.xml", DOCXParts.settings), ("word/fontTable.xml", DOCXParts.fontTable),
            ("word/header1.xml", DOCXParts.pageNumberHeader), ("word/header2.xml", DOCXParts.emptyHeader),
        ]
        parts += fixed.map { ($0.0, Data($0.1.utf8), true) }
        // Each chart, its relationship to its workbook, and the workbook (already deflated).
        for (index, chart) in charts.enumerated() {
            let part = index + 1
            let workbook = EmbeddedWorkbook.fileName(part)
            parts.append(("word/charts/chart\(part).xml", Data(DOCXChartPart.xml(chart).utf8), true))
            parts.append(("word/charts/_rels/chart\(part).xml.rels", Data(DOCXChartPart.relationships(workbook: workbook).utf8), true))
            parts.append(("word/embeddings/" + workbook, try EmbeddedWorkbook.data(chart), false))
        }
        return parts
    }

    /// word/document.xml read back: the spilled part (if any), then the tail, `size` bytes a
    /// call (fewer only at the end). A short read where the spilled part ends would be a loss:
    /// ZIPFoundation moves on by the size it asked for, not by what it got.
    private func bodyReader(tail: Data) -> (Int, Int) throws -> Data {
        let spilled = bodySize
        let handle = spill?.handle
        let path = spill?.url.path ?? options.title
        return { position, size in
            var chunk = Data()
            while chunk.count < size {
                let at = position + chunk.count
                if at < spilled, let handle {
                    try handle.seek(toOffset: UInt64(at))
                    guard let more = try handle.read(upToCount: min(size - chunk.count, spilled - at)), !more.isEmpty else {
                        throw FileError(path: path, message: "tệp tạm của DOCX ngắn hơn phần đã ghi vào")
                    }
                    chunk.append(more)
                } else {
                    let start = at - spilled
                    guard start < tail.count else { break }
                    chunk.append(tail[start..<min(start + size - chunk.count, tail.count)])
                }
            }
            return chunk
        }
    }

    /// The package with the body deflated as it was written (`ParallelDeflate`).
    private func packaged() throws -> Data {
        var zip = ZIPWriter()
        let parts = try self.parts()
        for part in parts.prefix(4) { try zip.add(part.path, part.data, compress: part.compress) }
        let body = try deflated.finish()
        try zip.add("word/document.xml", crc: body.crc, size: body.size, body: body.data, deflated: true)
        for part in parts.dropFirst(4) { try zip.add(part.path, part.data, compress: part.compress) }
        return try zip.finished()
    }

    /// The same package through ZIPFoundation in one zlib stream, with ZIP64 where needed: for a
    /// body past 4 GiB, which `ZIPWriter` does not write.
    private func packagedByZIPFoundation(tail: Data) throws(FileError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let parts = try self.parts()
            for part in parts.prefix(4) { try archive.addFixedEntry(part.data, as: part.path, compress: part.compress) }
            let read = bodyReader(tail: tail)
            try archive.addEntry(
                with: "word/document.xml", type: .file, uncompressedSize: Int64(bodySize + tail.count),
                modificationDate: Archive.fixedEntryDate, permissions: 0o644, compressionMethod: .deflate, bufferSize: 1 << 20
            ) { position, size in try read(Int(position), size) }
            for part in parts.dropFirst(4) { try archive.addFixedEntry(part.data, as: part.path, compress: part.compress) }
            guard let data = archive.data else { throw FileError(path: options.title, message: "không tạo được gói DOCX") }
            return data
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(path: options.title, message: "không tạo được gói DOCX: \(error)")
        }
    }

    /// Whether `data` is a .docx tongket made (its extended properties name tongket as the
    /// application), and so may be replaced by a new one.
    package static func isGenerated(_ data: Data) -> Bool {
        // Only a file that ends like a ZIP archive (its end-of-directory record) is opened:
        // ZIPFoundation leaks a little on data that is not one.
        guard data.starts(with: [0x50, 0x4B]), data.suffix(65_557).range(of: Data([0x50, 0x4B, 0x05, 0x06])) != nil else { return false }
        do {
            let archive = try Archive(data: data, accessMode: .read)
            guard let entry = archive["docProps/app.xml"], entry.uncompressedSize < 1 << 16 else { return false }
            var properties = Data()
            _ = try archive.extract(entry) { properties.append($0) }
            return String(decoding: properties, as: UTF8.self).contains("<Application>\(DOCXParts.generator)</Application>")
        } catch {
            return false
        }
    }
}
