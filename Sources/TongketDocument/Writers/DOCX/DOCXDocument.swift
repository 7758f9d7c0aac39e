import CmarkDoor
import Foundation
import ZIPFoundation

/// A .docx being written: blocks go in piece by piece, the package comes out at the end.
///
/// The body of a province's draft can be hundreds of megabytes of XML, so beyond a few
/// megabytes it is spilled to a temporary file beside the output and read back while zipping.
/// Every entry has the same fixed date and the entries a fixed order, so the same input gives
/// the same bytes.
package final class DOCXDocument {
    private let writer: DOCXBodyWriter
    private let options: DOCXOptions
    private let spillDirectory: URL?
    private var spill: (url: URL, handle: FileHandle)?
    private var bodySize = 0
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
        writer.write(blocks)
        if spillDirectory != nil, writer.out.count >= Self.spillThreshold { try spillBody() }
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
        let bytes = writer.drain()
        do {
            try spill?.handle.write(contentsOf: bytes)
        } catch {
            throw FileError(path: spill?.url.path ?? directory.path, message: "không ghi được tệp tạm: \(error.localizedDescription)")
        }
        bodySize += bytes.count
    }

    /// Finishes the body and zips every part.
    package func package() throws(FileError) -> Data {
        writer.finish()
        writer.out.append(DOCXParts.documentEnd)
        let tail = Data(writer.drainAll())
        let spilled = bodySize
        let charts = writer.placedCharts
        let parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(DOCXParts.contentTypes(charts: charts.count).utf8)),
            ("_rels/.rels", Data(DOCXParts.packageRelationships.utf8)),
            ("docProps/app.xml", Data(DOCXParts.appProperties.utf8)),
            ("docProps/core.xml", Data(DOCXParts.coreProperties(title: options.title).utf8)),
        ]
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, data) in parts { try archive.addFixedEntry(data, as: path) }
            // word/document.xml: the spilled part (if any) read back in chunks, then the tail.
            let handle = spill?.handle
            try archive.addEntry(
                with: "word/document.xml", type: .file, uncompressedSize: Int64(spilled + tail.count),
                modificationDate: Archive.fixedEntryDate,
                permissions: 0o644, compressionMethod: .deflate, bufferSize: 1 << 20
            ) { position, size in
                let position = Int(position)
                if position < spilled, let handle {
                    try handle.seek(toOffset: UInt64(position))
                    return try handle.read(upToCount: min(size, spilled - position)) ?? Data()
                }
                let start = position - spilled
                return tail.subdata(in: start..<min(start + size, tail.count))
            }
            let fixed: [(String, String)] = [
                ("word/_rels/document.xml.rels", DOCXParts.documentRelationships(writer.relationships)),
                ("word/styles.xml", options.styles),
                ("word/numbering.xml", DOCXParts.numbering(orderedLists: writer.orderedLists)),
                ("word/settings.xml", DOCXParts.settings), ("word/fontTable.xml", DOCXParts.fontTable),
                ("word/header1.xml", DOCXParts.pageNumberHeader), ("word/header2.xml", DOCXParts.emptyHeader),
            ]
            for (path, text) in fixed { try archive.addFixedEntry(Data(text.utf8), as: path) }
            // Each chart, its relationship to its workbook, and the workbook (already deflated).
            for (index, chart) in charts.enumerated() {
                let part = index + 1
                let workbook = EmbeddedWorkbook.fileName(part)
                try archive.addFixedEntry(Data(DOCXChartPart.xml(chart).utf8), as: "word/charts/chart\(part).xml")
                try archive.addFixedEntry(
                    Data(DOCXChartPart.relationships(workbook: workbook).utf8), as: "word/charts/_rels/chart\(part).xml.rels")
                try archive.addFixedEntry(EmbeddedWorkbook.data(chart), as: "word/embeddings/" + workbook, compress: false)
            }
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
