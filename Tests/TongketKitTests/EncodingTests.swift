import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument

@Suite("Mã hóa, dòng mới và chuẩn Unicode của tệp đầu vào")
struct EncodingTests {
    let outline: Outline
    let minimal: Data

    init() throws {
        outline = try Fixtures.outline()
        minimal = try Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/h-nga-son-toi-thieu.yaml"))
    }

    func load(_ data: Data) -> LoadedSubmission { SubmissionLoader.load(data, file: "bai.yaml", outline: outline) }

    @Test("UTF-8 có BOM, CRLF, CR: đọc như nhau")
    func bomAndLineEnds() throws {
        let plain = try #require(load(minimal).submission)
        let text = String(decoding: minimal, as: UTF8.self)
        for variant in [
            Data([0xEF, 0xBB, 0xBF]) + minimal,
            Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ] {
            let result = load(variant)
            #expect(result.isValid(), "\(result.diagnostics)")
            #expect(result.submission?.sections == plain.sections)
            #expect(result.submission?.signer == plain.signer)
        }
    }

    @Test("NFD được chuẩn hóa về NFC, cả khóa lẫn nội dung")
    func nfdBecomesNFC() throws {
        let nfd = String(decoding: minimal, as: UTF8.self).decomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(minimal))
        let result = load(Data(nfd.utf8))
        #expect(result.isValid())
        let name = try #require(result.submission?.signer.name)
        #expect(Array(name.utf8) == Array("Mai Xuân Giang".precomposedStringWithCanonicalMapping.utf8))
        guard case .text(let text)? = result.submission?.sections["boi-canh"] else {
            Issue.record("thiếu mục boi-canh")
            return
        }
        #expect(Array(text.utf8) == Array("Huyện có 27 xã, thị trấn.".precomposedStringWithCanonicalMapping.utf8))
    }

    /// A double-quoted scalar's escapes can write a letter and its mark apart after the file was
    /// put in NFC: the value is put in NFC again (the escape rows fail if it is not). A file with
    /// no backslash has no escape, and its quoted values are the file's own NFC text, in one line
    /// or folded over several (those rows check the folding: the fixture is NFC either way).
    @Test("dấu rời viết bằng mã thoát trong ngoặc kép cũng về NFC; ngoặc kép không mã thoát như tệp")
    func escapedMarkBecomesNFC() throws {
        let text = String(decoding: minimal, as: UTF8.self)
        let nfc = Array("Mai Xuân Giang".precomposedStringWithCanonicalMapping.utf8)
        for (written, with) in [
            ("\"Mai Xua\\u0302n Giang\"", "escape"), ("\"Mai Xua\\u0302n\\x20Giang\"", "two escapes"),
            ("\"Mai Xuân Giang\"", "none"), ("\"Mai Xuân\n    Giang\"", "folded"),
        ] {
            let yaml = text.replacingOccurrences(of: "\"Mai Xuân Giang\"", with: written)
            #expect(with == "none" || yaml != text)
            let result = load(Data(yaml.utf8))
            #expect(result.isValid(), "\(with): \(result.diagnostics)")
            #expect(result.submission?.signer.name.map { Array($0.utf8) } == nfc, "\(with)")
        }
    }

    @Test("UTF-16 bị từ chối với hướng dẫn lưu lại bằng UTF-8")
    func utf16() throws {
        let utf16 = try #require("don_vi: h-nga-son\n".data(using: .utf16))
        let d = try #require(load(utf16).diagnostics.first)
        #expect(d.kind == .encoding)
        #expect(d.location == SourceLocation(file: "bai.yaml", line: 1, column: 1))
        #expect(d.message == "tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8")
    }

    @Test("byte Windows-1258 được chỉ đúng dòng và cột")
    func windows1258() throws {
        // "ho_ten: Nguy" then 0xEA (ê in Windows-1258) on line 3.
        var bytes = Array("don_vi: h-nga-son\nnguoi_ky:\n  ho_ten: Nguy".utf8)
        bytes += [0xEA, 0x6E]
        let d = try #require(load(Data(bytes)).diagnostics.first)
        #expect(d.kind == .encoding)
        #expect(d.location == SourceLocation(file: "bai.yaml", line: 3, column: 15))
        #expect(d.message.hasPrefix("tệp không phải UTF-8 hợp lệ (byte 0xEA)"))
        #expect(load(Data(bytes)).submission == nil)
    }

    @Test("cột đếm theo ký tự, không theo byte, sau chữ có dấu")
    func columnsCountScalars() throws {
        let yaml = "don_vi: h-nga-son\nbao_cao:\n  trich_yeu: \"Đề cương\"\n  so: \"1\"\n  ngay: \"Ngày 3\"\n"
        let d = try #require(load(Data(yaml.utf8)).diagnostics.first { $0.kind == .badDate })
        #expect(d.location.line == 5)
        #expect(d.location.column == 9)
    }
}
