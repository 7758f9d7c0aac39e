import Foundation
import Testing
import TongketForms
import TongketKit
import TongketTestSupport

/// Files made to hurt a reader, given as a unit's workbook: each ends in one located Vietnamese
/// error saying what is wrong, no figures, no crash and no hang.
@Suite("Biểu Excel độc hại")
struct FormHostileTests {
    let outline: Outline
    let form: Data

    init() throws {
        outline = try Fixtures.outline()
        form = try WorkbookFormWriter.data(for: try #require(outline.unit("so-tu-phap")), outline: outline)
    }

    /// The one error reading `data` gives, checked to be the package's fault and to say `words`.
    func refusal(_ data: Data, _ words: String, kind: DiagnosticKind = .badPackage) {
        let reading = WorkbookFormReader.read(data, file: "so-tu-phap.bieu.xlsx", outline: outline)
        #expect(reading.figures.isEmpty && reading.commendations.isEmpty)
        #expect(reading.diagnostics.count == 1, "\(reading.diagnostics.map(\.description))")
        let diagnostic = reading.diagnostics.first
        #expect(diagnostic?.kind == kind)
        #expect(diagnostic?.description.hasPrefix("so-tu-phap.bieu.xlsx:1:1: lỗi: ") == true, "\(diagnostic?.description ?? "")")
        #expect(diagnostic?.message.contains(words) == true, "\(diagnostic?.message ?? "") — mong có: \(words)")
    }

    func parts() throws -> [(String, Data)] { try DOCXFile.parts(form).map { ($0.path, $0.data) } }

    func replacing(_ path: String, with data: Data) throws -> Data {
        try OfficeZip.make(try parts().map { $0.0 == path ? ($0.0, data) : $0 })
    }

    @Test("bom ZIP: một phần nén hơn 200 lần bị từ chối trước khi bung")
    func zipBombRatio() throws {
        refusal(try replacing("xl/worksheets/sheet1.xml", with: Data(count: 8 << 20)), "bom ZIP")
    }

    @Test("tổng dung lượng khai quá giới hạn và quá nhiều phần bị từ chối trước khi bung")
    func totalAndCount() throws {
        let small = OfficePackageLimits(entries: 1_000, totalSize: 10_000, partSize: 24 << 20, ratio: 200, ratioExemptSize: 1 << 20)
        #expect(throws: Diagnostic.self) { try OfficePackage(form, file: "a.xlsx", kind: .workbook, limits: small) }
        do {
            _ = try OfficePackage(form, file: "a.xlsx", kind: .workbook, limits: small)
        } catch {
            #expect(error.message.contains("quá giới hạn của một biểu Excel"))
        }
        var many = try parts()
        for index in 0..<1_001 { many.append(("xl/thua/\(index).xml", Data("<a/>".utf8))) }
        refusal(try OfficeZip.make(many), "quá 1000 phần")
    }

    @Test("phần chuỗi dùng chung 50 MB bị từ chối trước khi bung")
    func hugeSharedStrings() throws {
        let strings = Data(repeating: 0x61, count: 50 << 20)
        refusal(try OfficeZip.make(try parts() + [("xl/sharedStrings.xml", strings)]), "sharedStrings.xml")
    }

    @Test("billion laughs: khai báo DOCTYPE và thực thể bị từ chối, không bung thực thể nào")
    func billionLaughs() throws {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">"
        }
        xml += "]><workbook>&lol9;</workbook>"
        refusal(try replacing("xl/workbook.xml", with: Data(xml.utf8)), "DOCTYPE")
    }

    @Test("thực thể ngoài (đọc /etc/passwd) không bao giờ được đọc")
    func externalEntity() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sst><si><t>&e;</t></si></sst>"
        let data = try OfficeZip.make(try parts() + [("xl/sharedStrings.xml", Data(xml.utf8))])
        refusal(data, "DOCTYPE")
        let reading = WorkbookFormReader.read(data, file: "so-tu-phap.bieu.xlsx", outline: outline)
        #expect(!reading.yaml.contains("root:"))
    }

    @Test("XML lồng 100.000 tầng bị dừng ở giới hạn độ sâu")
    func deepNesting() throws {
        let xml = "<worksheet>" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</worksheet>"
        refusal(try replacing("xl/worksheets/sheet4.xml", with: Data(xml.utf8)), "lồng sâu hơn 200 tầng")
    }

    @Test("tên thẻ có byte không phải UTF-8 (bộ fuzz tìm ra: trình đọc XML của Foundation dừng chương trình) bị từ chối trước khi đọc")
    func invalidUTF8() throws {
        let sheet = try #require(try parts().first { $0.0 == "xl/worksheets/sheet6.xml" }?.1)
        var bytes = [UInt8](sheet)
        let marker = Array("<c r=\"A36\"".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes.replaceSubrange(at..<(at + 3), with: Array("<c ".utf8) + [0xFF, 0xFF, 0xC6, 0xC6])
        refusal(try replacing("xl/worksheets/sheet6.xml", with: Data(bytes)), "không phải UTF-8")
    }

    @Test("phần khai mã ISO-8859-1 với chữ Latin-1: vẫn đọc như UTF-8, nên bị từ chối là không phải UTF-8")
    func declaredOtherEncoding() throws {
        let sheet = try #require(try parts().first { $0.0 == "xl/worksheets/sheet6.xml" }?.1)
        var text = String(decoding: sheet, as: UTF8.self)
        let declaration = try #require(text.range(of: "encoding=\"UTF-8\""))
        text.replaceSubrange(declaration, with: "encoding=\"ISO-8859-1\"")
        // "Ô" in Latin-1 is the single byte 0xD4, which UTF-8 never has alone.
        var bytes = [UInt8](text.utf8)
        let marker = Array("<c r=\"A36\"".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes.insert(contentsOf: Array("<!-- ".utf8) + [0xD4] + Array(" -->".utf8), at: at)
        refusal(try replacing("xl/worksheets/sheet6.xml", with: Data(bytes)), "không phải UTF-8")
    }

    @Test("tệp .xls cũ đổi tên và tệp được đặt mật khẩu (OLE) được gọi đúng tên")
    func oleFiles() throws {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1_024)
        refusal(ole, "định dạng .xls cũ")
        let encrypted = ole + Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + Data(count: 512)
        refusal(encrypted, "đặt mật khẩu")
        refusal(Data("don_vi: so-tu-phap\n".utf8), "không bắt đầu như một gói Office")
    }

    @Test("tệp có macro (.xlsm đổi tên) bị từ chối")
    func macros() throws {
        refusal(try OfficeZip.make(try parts() + [("xl/vbaProject.bin", Data(count: 100))]), "macro")
    }

    @Test("tên phần có '../' hay đường dẫn tuyệt đối bị từ chối")
    func climbingNames() throws {
        refusal(try OfficeZip.make(try parts() + [("../../etc/cron.d/x", Data("x".utf8))]), "trỏ ra ngoài gói")
        refusal(try OfficeZip.make(try parts() + [("/etc/x", Data("x".utf8))]), "trỏ ra ngoài gói")
    }

    @Test("tệp bị cắt cụt được gọi là bị cắt")
    func truncated() throws {
        refusal(form.prefix(form.count / 2), "cắt cụt")
    }

    @Test("thư mục trung tâm khai sai kích thước: bung ra nhiều hơn khai thì dừng ngay")
    func lyingSizes() throws {
        var data = try OfficeZip.make(try parts(), stored: false)
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        var patched = false
        var offset = 0
        // Central directory headers (PK\1\2): name length at 28, name at 46, uncompressed size at 24.
        while let found = data.range(of: Data([0x50, 0x4B, 0x01, 0x02]), in: offset..<data.count) {
            let start = found.lowerBound
            let length = Int(data[start + 28]) | Int(data[start + 29]) << 8
            if data.subdata(in: (start + 46)..<(start + 46 + length)) == name {
                data.replaceSubrange((start + 24)..<(start + 28), with: [10, 0, 0, 0])
                patched = true
            }
            offset = start + 4
        }
        try #require(patched)
        refusal(data, "nhiều hơn 10 byte")
    }

    @Test("ô chứa 1 MB chữ: lỗi ở đúng ô, không đọc hết vào bộ nhớ")
    func megabyteCell() throws {
        // Stored, not deflated: a megabyte of one letter would otherwise be refused as a bomb.
        let data = try OfficeZip.edit(form, stored: true) { path, text in
            guard path == "xl/worksheets/sheet1.xml" else { return text }
            return text.replacingOccurrences(
                of: "<c r=\"D5\" s=\"3\"/>",
                with: "<c r=\"D5\" s=\"3\" t=\"inlineStr\"><is><t>\(String(repeating: "x", count: 1 << 20))</t></is></c>")
        }
        let reading = WorkbookFormReader.read(data, file: "so-tu-phap.bieu.xlsx", outline: outline)
        let printed = reading.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(
            printed == [
                "so-tu-phap.bieu.xlsx: Biểu 02, ô D5 (Số văn bản quy phạm pháp luật được ban hành, năm 2011): lỗi: ô chứa hơn 32767 ký tự, không phải một số liệu"
            ])
    }

    @Test("biểu của đơn vị khác, chương trình khác, đề cương khác bị từ chối và nói cách lấy biểu đúng")
    func wrongForms() throws {
        func edited(_ old: String, _ new: String) throws -> Data {
            try OfficeZip.edit(form) { _, text in text.replacingOccurrences(of: old, with: new) }
        }
        refusal(try edited(">so-tu-phap<", ">so-khong-co<"), "đơn vị 'so-khong-co'", kind: .wrongForm)
        refusal(try edited(">cchc-2011-2020<", ">cchc-2021-2030-so-ket<"), "chương trình 'cchc-2021-2030-so-ket'", kind: .wrongForm)
        let fingerprint = OutlineFingerprint.of(outline)
        refusal(try edited(">\(fingerprint)<", ">0123456789abcdef<"), "phiên bản khác của đề cương", kind: .wrongForm)
        refusal(try edited("TK_don_vi", "TK_khac"), "không phải biểu do tongket tạo", kind: .wrongForm)
    }

    @Test("tệp Word độc hại: .doc cũ đổi tên, có macro (.docm đổi tên), billion laughs trong nội dung, XML lồng sâu")
    func hostileDocuments() throws {
        let unit = try #require(outline.unit("so-tu-phap"))
        let document = try DocumentFormWriter.data(for: unit, outline: outline)
        func refused(_ data: Data, _ words: String) {
            let reading = DocumentFormReader.read(data, file: "so-tu-phap.nhap.docx", outline: outline)
            #expect(reading.submission == nil && reading.diagnostics.count == 1)
            #expect(reading.diagnostics.first?.kind == .badPackage)
            #expect(reading.diagnostics.first?.message.contains(words) == true, "\(reading.diagnostics.map(\.description))")
        }
        refused(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 1_024), "định dạng .doc cũ")
        let parts = try DOCXFile.parts(document).map { ($0.path, $0.data) }
        refused(try OfficeZip.make(parts + [("word/vbaProject.bin", Data(count: 64))]), "macro")
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><w:document>&b;</w:document>"
        refused(try OfficeZip.make(parts.map { $0.0 == "word/document.xml" ? ($0.0, Data(laughs.utf8)) : $0 }), "DOCTYPE")
        // Control properties with no control around them (fuzzing found the reader trapping).
        let stray =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:sdtPr><w:tag w:val=\"boi-canh\"/><w:showingPlcHdr/></w:sdtPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"
        let read = DocumentFormReader.read(
            try OfficeZip.make(parts.map { $0.0 == "word/document.xml" ? ($0.0, Data(stray.utf8)) : $0 }), file: "a.docx", outline: outline)
        #expect(read.submission != nil && read.submission?.sections.isEmpty == true)
        let deep =
            "<w:document>" + String(repeating: "<w:p>", count: 100_000) + String(repeating: "</w:p>", count: 100_000) + "</w:document>"
        // Stored: deflated, a megabyte of one tag would be refused as a bomb before its depth is seen.
        refused(try OfficeZip.make(parts.map { $0.0 == "word/document.xml" ? ($0.0, Data(deep.utf8)) : $0 }, stored: true), "lồng sâu")
    }

    @Test(
        "chỉ thị xử lý XML rỗng ('<?xml?>', '<?x?>': bộ fuzz tìm ra Foundation đọc con trỏ rỗng và chương trình chết) bị từ chối trước khi đọc"
    )
    func emptyProcessingInstruction() throws {
        let unit = try #require(outline.unit("so-tu-phap"))
        let parts = try DOCXFile.parts(try DocumentFormWriter.data(for: unit, outline: outline)).map { ($0.path, $0.data) }
        // FuzzDocument's finding as found (its first byte chose word/numbering.xml).
        let found = try #require(
            Data(
                base64Encoded:
                    "ATw/eG1sPz4KPHc6bnV+bWJlcmluZyB4bWxuczp3PSJodHRwOi8vc2NoZW1hcy5vcGVueG1sZm9ybWF0cy5vdWx0aUxldmVsVHlwZSB3PSI1IjU2NyIvPjwvdzpwUHI+PC93Omx2bD48L3c6YWJzdHJhY3ROdW0+PHc6bnVtIHc6dW5tSWQ9IjEiPjx3OmFcc3RyYWN0TnVtSWQgdzp2YWw9IjAiLz48Om51bT48L3c6bnVtYmVyaW5nPg=="
            ))
        for (part, xml) in [
            ("word/numbering.xml", Data(found.dropFirst())),
            ("word/document.xml", Data("<?xml version=\"1.0\"?><w:document><?x?><w:body/></w:document>".utf8)),
            ("docProps/custom.xml", Data("<Properties><??></Properties>".utf8)),
        ] {
            let reading = DocumentFormReader.read(
                try OfficeZip.make(parts.map { $0.0 == part ? ($0.0, xml) : $0 }), file: "so-tu-phap.nhap.docx", outline: outline)
            #expect(reading.submission == nil && reading.diagnostics.count == 1)
            #expect(reading.diagnostics.first?.message.contains("chỉ thị xử lý XML rỗng") == true, "\(reading.diagnostics)")
        }
        // An instruction with data, and the declaration, are read as before.
        let document = try #require(parts.first { $0.0 == "word/document.xml" }).1
        let withData = String(decoding: document, as: UTF8.self).replacingOccurrences(of: "<w:body>", with: "<w:body><?pi data?>")
        let reading = DocumentFormReader.read(
            try OfficeZip.make(parts.map { $0.0 == "word/document.xml" ? ($0.0, Data(withData.utf8)) : $0 }), file: "a.docx",
            outline: outline)
        #expect(reading.submission != nil && !reading.diagnostics.contains { $0.kind == .badPackage })
    }
}
