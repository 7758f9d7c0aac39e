import CmarkDoor
import Foundation
import Testing
import TongketTestSupport
import ZIPFoundation

@testable import TongketDocument

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The .docx package of a body too large to keep in memory: deflated while it is written
/// (`ParallelDeflate`, `ZIPWriter`), its raw bytes spilled to a file beside the output, from which
/// ZIPFoundation packs it when past 4 GiB. Read back with ZIPFoundation and Foundation's XML parser, not with tongket.
@Suite("Gói .docx của một dự thảo lớn")
struct DOCXPackageTests {
    /// A document of `count` numbered paragraphs, each about 140 bytes of Word XML: 40,000 of them
    /// are 5.5 MB, so the body spills (`DOCXDocument.spillThreshold`, 4 MB) and ends in a tail.
    func document(_ count: Int, in folder: URL) throws -> DOCXDocument {
        let document = DOCXDocument(
            options: DOCXOptions(title: "thử", styles: "<w:styles/>", styleMap: DOCXStyleMap()), tables: [:], charts: [:],
            spillDirectory: folder)
        for start in stride(from: 0, to: count, by: 500) {
            let blocks = (start..<min(start + 500, count)).map { number in
                DocumentBlock.paragraph([.text("Đoạn số \(number): các cơ quan, đơn vị đã triển khai thực hiện đầy đủ, kịp thời.")])
            }
            try document.add(blocks)
        }
        return document
    }

    /// The texts of `w:t` elements of the package's body, in order; fails on XML that is not well formed.
    func texts(_ package: Data) throws -> [String] {
        let archive = try Archive(data: package, accessMode: .read)
        let entry = try #require(archive["word/document.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        #expect(xml.count == Int(entry.uncompressedSize))
        let collector = TextCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        #expect(parser.parse(), "word/document.xml không phải XML hợp lệ: \(String(describing: parser.parserError))")
        return collector.texts
    }

    @Test("thân bài tràn ra tệp tạm rồi phần đuôi: đủ mọi đoạn, đúng thứ tự, XML hợp lệ; không còn tệp tạm")
    func spilledBody() throws {
        let folder = try Fixtures.temporaryDirectory()
        let package = try document(40_000, in: folder).package()
        let texts = try texts(package)
        #expect(texts.count == 40_000)
        #expect(texts.first == "Đoạn số 0: các cơ quan, đơn vị đã triển khai thực hiện đầy đủ, kịp thời.")
        #expect(texts.last == "Đoạn số 39999: các cơ quan, đơn vị đã triển khai thực hiện đầy đủ, kịp thời.")
        #expect(texts.enumerated().allSatisfy { $0.element.hasPrefix("Đoạn số \($0.offset):") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("cùng nội dung: cùng từng byte giữa hai lần; qua ZIPFoundation (gói quá 4 GiB) cùng các phần, đủ độ dài")
    func sameBytesAndSameParts() throws {
        let folder = try Fixtures.temporaryDirectory()
        let first = try document(40_000, in: folder).package()
        let second = try document(40_000, in: folder).package()
        #expect(first == second)
        let byZIPFoundation = try document(40_000, in: folder).package(throughZIPFoundation: true)
        // Python's zipfile lists every part: its name, its length as read and as the package
        // declares it, and a digest of its bytes (a part cut short reads as shorter, not as an error).
        let script = """
            import hashlib, sys, zipfile
            for info in zipfile.ZipFile(sys.argv[1]).infolist():
                data = zipfile.ZipFile(sys.argv[1]).read(info.filename)
                print(info.filename, len(data), info.file_size, hashlib.sha256(data).hexdigest())
            """
        var listings: [[String]] = []
        for (name, package) in [("rieng.docx", first), ("zipfoundation.docx", byZIPFoundation)] {
            let url = folder.appendingPathComponent(name)
            try package.write(to: url)
            let (status, output) = ExternalTool.run(["python3", "-c", script, url.path])
            #expect(status == 0, "\(output)")
            let lines = output.split(separator: "\n").map(String.init)
            for line in lines {
                let fields = line.split(separator: " ")
                #expect(fields.count == 4 && fields[1] == fields[2], "\(name): \(line)")
            }
            listings.append(lines)
        }
        #expect(listings[0].count == 12)  // 4 parts, the body, 7 parts
        #expect(listings[0] == listings[1])
    }

    /// The body is compressed while it is written, handed in pieces of any size: the bytes must be
    /// the same whatever the pieces, and follow the chunked scheme, checked piece by piece with
    /// Python's zlib: each mebibyte inflates on its own with the 32 KiB before it as its
    /// dictionary (and not without them), every piece but the last ends with a sync flush, the last ends the stream. A
    /// stream dropped before its end must let its workers go.
    @Test("nén trong lúc viết, đưa vào từng mẩu bất kỳ: cùng byte, mỗi khúc giải nén riêng được bằng zlib của Python")
    func streamedDeflateIsTheChunkedScheme() throws {
        var input: [UInt8] = []
        var number = 0
        while input.count < 3 * ParallelDeflate.chunkSize + 12_345 {
            input += Array("<w:p><w:r><w:t>Đoạn \(number * 7919 % 100_003) của dự thảo</w:t></w:r></w:p>".utf8)
            number += 1
        }
        var results: [ParallelDeflate.Result] = []
        for pieceSize in [1_000_003, ParallelDeflate.chunkSize, ParallelDeflate.chunkSize + 1, 7, input.count] {
            let stream = ParallelDeflate()
            var start = 0
            while start < input.count {
                // Tiny pieces only at the start: seven bytes at a time through 3 MB is slow in a test.
                let size = pieceSize == 7 && start > 70_000 ? 65_536 : pieceSize
                stream.append(input[start..<min(start + size, input.count)])
                start += size
            }
            let result = try stream.finish()
            // Compared first: a failed #expect on two megabytes of Data would diff them for ages.
            let same = results.first.map { $0.data == result.data } ?? true
            #expect(same, "từng mẩu \(pieceSize) byte: \(result.data.count) byte, lần đầu \(results.first?.data.count ?? 0)")
            #expect(result.size == input.count)
            results.append(result)
        }
        let folder = try Fixtures.temporaryDirectory()
        let raw = folder.appendingPathComponent("vao.bin")
        let packed = folder.appendingPathComponent("ra.bin")
        try Data(input).write(to: raw)
        try results[0].data.write(to: packed)
        let script = """
            import sys, zlib
            data = open(sys.argv[1], 'rb').read(); packed = open(sys.argv[2], 'rb').read()
            sizes = [int(n) for n in sys.argv[3].split(',')]; size = 1 << 20
            assert len(sizes) == (len(data) + size - 1) // size, 'số khúc'
            at = 0
            for k, n in enumerate(sizes):
                piece = packed[at:at + n]; at += n
                start = k * size; last = k == len(sizes) - 1
                before = data[max(0, start - 32768):start]
                d = zlib.decompressobj(-15, zdict=before) if before else zlib.decompressobj(-15)
                assert d.decompress(piece) == data[start:start + size], 'khúc %d' % k
                if before:
                    # It does use the 32 KiB before it: without them it cannot be read.
                    try: zlib.decompressobj(-15).decompress(piece); assert False, 'khúc %d không dùng từ điển' % k
                    except zlib.error: pass
                assert d.eof == last, 'kết thúc ở khúc %d' % k
                assert last or piece.endswith(b'\\x00\\x00\\xff\\xff'), 'khúc %d không kết thúc bằng sync flush' % k
            assert at == len(packed)
            print(zlib.crc32(data))
            """
        let sizes = results[0].pieces.map(String.init).joined(separator: ",")
        let (status, crc) = ExternalTool.run(["python3", "-c", script, raw.path, packed.path, sizes])
        #expect(status == 0, "\(crc)")
        #expect("\(results[0].crc)" == crc.trimmingCharacters(in: .whitespacesAndNewlines))
        let dropped = ParallelDeflate()
        dropped.append(input)
    }

    @Test("nén song song nối lại đúng: zlib của Python giải nén ra đúng dữ liệu, CRC-32 đúng, rỗng cũng được")
    func parallelDeflateRoundTrip() throws {
        var input = Data()
        for number in 0..<200_000 { input.append(contentsOf: "dòng \(number) của báo cáo; ".utf8) }
        for sample in [Data(), Data("một".utf8), input] {
            let deflated = try ParallelDeflate.compress(sample)
            #expect(deflated.size == sample.count)
            let folder = try Fixtures.temporaryDirectory()
            let packed = folder.appendingPathComponent("nen.bin")
            try deflated.data.write(to: packed)
            // zlib through Python, wbits -15: raw deflate, as in a ZIP entry.
            let script =
                "import sys, zlib; d = zlib.decompressobj(-15); data = d.decompress(open(sys.argv[1], 'rb').read()); assert d.eof; sys.stdout.buffer.write(b'%d %d' % (len(data), zlib.crc32(data)))"
            let (status, output) = ExternalTool.run(["python3", "-c", script, packed.path])
            #expect(status == 0)
            #expect(output == "\(sample.count) \(deflated.crc)")
        }
    }
}

private final class TextCollector: NSObject, XMLParserDelegate {
    var texts: [String] = []
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        if name == "w:t" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:t", let text = current { texts.append(text) }
        if name == "w:t" { current = nil }
    }
}
