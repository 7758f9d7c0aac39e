import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore

/// A mistyped key anywhere in an outline folder, at the top of a file or deep in a record, is
/// reported where it stands with the nearest valid key, as in submissions.
@Suite("Đề cương: khóa gõ sai được báo đúng chỗ, kèm khóa gần nhất")
struct OutlineKeySuggestionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var old: String
        var new: String
        /// The mistyped key, the record named in the message, the key suggested.
        var typo: String
        var record: String
        var nearest: String

        var testDescription: String { "\(file): \(typo) trong \(record)" }
    }

    static let cases: [Case] = [
        Case(file: "chuong-trinh.yaml", old: "\nten:", new: "\ntenn:", typo: "tenn", record: "tệp chương trình", nearest: "ten"),
        Case(file: "chuong-trinh.yaml", old: "  so: 34/KH-UBND", new: "  soo: 34/KH-UBND", typo: "soo", record: "can_cu", nearest: "so"),
        Case(
            file: "chuong-trinh.yaml", old: "giai_doan:\n  tu: 2011", new: "giai_doan:\n  tuu: 2011", typo: "tuu", record: "giai_doan",
            nearest: "tu"),
        Case(
            file: "chuong-trinh.yaml", old: "  - ten: Giai đoạn 2016", new: "  - tenn: Giai đoạn 2016", typo: "tenn", record: "giai đoạn",
            nearest: "ten"),
        Case(
            file: "chuong-trinh.yaml", old: "  bao_cao_chuyen_de:", new: "  bao_cao_chuyen_dee:", typo: "bao_cao_chuyen_dee",
            record: "thoi_han", nearest: "bao_cao_chuyen_de"),
        Case(
            file: "chuong-trinh.yaml", old: "    chuc_vu: CHỦ TỊCH", new: "    chuc_vuu: CHỦ TỊCH", typo: "chuc_vuu", record: "nguoi_ky",
            nearest: "chuc_vu"),
        Case(
            file: "chuong-trinh.yaml", old: "  ky_hieu: UBND", new: "  ky_hieuu: UBND", typo: "ky_hieuu", record: "bao_cao_tong_hop",
            nearest: "ky_hieu"),
        Case(
            file: "de-cuong.yaml", old: "            huong_dan: >-", new: "            huong_dann: >-", typo: "huong_dann",
            record: "mục của đề cương", nearest: "huong_dan"),
        Case(
            file: "don-vi.yaml", old: "\ndon_vi:", new: "\ndon_vii: []\ndon_vi:", typo: "don_vii", record: "danh mục đơn vị",
            nearest: "don_vi"),
        Case(
            file: "don-vi.yaml", old: "    ky_hieu: \"STP\"", new: "    ky_hieuu: \"STP\"", typo: "ky_hieuu", record: "đơn vị",
            nearest: "ky_hieu"),
        Case(
            file: "chuyen-de.yaml", old: "\nchuyen_de:", new: "\nchuyen_dee: []\nchuyen_de:", typo: "chuyen_dee",
            record: "danh sách chuyên đề",
            nearest: "chuyen_de"),
        Case(
            file: "chuyen-de.yaml", old: "    chu_de: Tổng kết chuyên đề thực hiện cải cách thể chế", new: "    chu_dee: x",
            typo: "chu_dee",
            record: "chuyên đề", nearest: "chu_de"),
        Case(
            file: "muc-tieu.yaml", old: "\nmuc_tieu:", new: "\nmuc_tieuu: []\nmuc_tieu:", typo: "muc_tieuu", record: "danh sách mục tiêu",
            nearest: "muc_tieu"),
        Case(file: "phu-luc/02.yaml", old: "\nchu_tri:", new: "\nchu_trii:", typo: "chu_trii", record: "phụ lục", nearest: "chu_tri"),
        Case(
            file: "phu-luc/02.yaml", old: "    don_vi_tinh:", new: "    don_vi_tinhh:", typo: "don_vi_tinhh", record: "chỉ tiêu",
            nearest: "don_vi_tinh"),
        Case(
            file: "phu-luc/02.yaml", old: "    khong_vuot: vb-ra-soat", new: "    khong_vuott: vb-ra-soat", typo: "khong_vuott",
            record: "ràng buộc", nearest: "khong_vuot"),
    ]

    @Test("khóa gõ sai ở mọi loại tệp và mọi bản ghi lồng nhau", arguments: cases)
    func nearestKey(_ test: Case) throws {
        var edited = ""
        let folder = try Fixtures.outlineCopy(
            editing: [
                test.file: { text in
                    // Only the first occurrence: the place the test then computes.
                    guard let range = text.range(of: test.old) else { return text }
                    edited = text.replacingCharacters(in: range, with: test.new)
                    return edited
                }
            ])
        #expect(!edited.isEmpty, "không thấy '\(test.old)' trong \(test.file)")
        // Where the mistyped key stands: its line, and its column after the indentation or "- ".
        let lines = edited.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(test.typo + ":") })
        let column = try #require(lines[index].range(of: test.typo + ":")).lowerBound.utf16Offset(in: lines[index]) + 1
        let path = folder.appendingPathComponent(test.file).path
        let expected =
            "\(path):\(index + 1):\(column): lỗi: khóa '\(test.typo)' không có trong \(test.record); có phải là '\(test.nearest)'?"
        let checked = OutlineLoader.check(folder)
        #expect(checked.outline == nil)
        #expect(checked.diagnostics.map(\.description).contains(expected), "\(checked.diagnostics.map(\.description))")
        #expect(checked.diagnostics.first { $0.message.contains("'\(test.typo)'") }?.kind == .unknownKey)
    }
}
