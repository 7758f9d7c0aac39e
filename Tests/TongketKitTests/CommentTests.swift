import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Tệp góp ý và bảng tiếp thu, giải trình")
struct CommentTests {
    func load(_ yaml: String) throws -> LoadedComments {
        CommentLoader.load(Data(yaml.utf8), file: "gop-y.yaml", outline: try Fixtures.outline())
    }

    @Test("lỗi và cảnh báo có dòng, cột: khóa lạ (gợi ý), cách xử lý sai, mục không có (gợi ý), chưa xử lý, thiếu giải trình")
    func diagnostics() throws {
        let result = try load(
            """
            co_quan: Sở Tài chính
            y_kiem: []
            y_kien:
              - muc: cai-cach-tthcc
                noi_dung: Bổ sung số liệu.
                xu_ly: dong-y
              - muc: kinh-phi-cchc
                noi_dung: Tách theo năm.
              - muc: chung
                noi_dung: Nêu rõ mục tiêu chưa đạt.
                xu_ly: giải trình

            """)
        #expect(
            result.diagnostics.map(\.description) == [
                "gop-y.yaml:2:1: lỗi: khóa 'y_kiem' không có trong tệp góp ý; có phải là 'y_kien'?",
                "gop-y.yaml:4:10: cảnh báo: mục 'cai-cach-tthcc' không có trong đề cương (ý kiến được xếp vào nhóm 'Ý kiến về mục không còn trong đề cương'); có phải là 'cai-cach-tthc'?",
                "gop-y.yaml:6:12: lỗi: 'xu_ly' phải là một trong: tiep-thu (tiếp thu), tiep-thu-mot-phan (tiếp thu một phần), giai-trinh (giải trình)",
                "gop-y.yaml:7:5: cảnh báo: ý kiến chưa được xử lý (chưa có 'xu_ly')",
                "gop-y.yaml:9:5: cảnh báo: ý kiến giải trình cần 'giai_trinh' nói rõ lý do",
            ])
    }

    @Test("thiếu cơ quan, thiếu ý kiến, danh sách ý kiến trống")
    func missing() throws {
        #expect(
            try load("y_kien: []\n").diagnostics.map(\.description) == [
                "gop-y.yaml:1:1: lỗi: thiếu khóa 'co_quan'", "gop-y.yaml:1:9: lỗi: 'y_kien' chưa có ý kiến nào",
            ])
        #expect(
            try load("co_quan: Sở Y tế\n").diagnostics.map(\.description) == ["gop-y.yaml:1:1: lỗi: thiếu khóa 'y_kien' (danh sách ý kiến)"]
        )
    }

    @Test("nhóm: ý kiến chung trước, rồi theo thứ tự đề cương, mục không còn sau cùng; trong nhóm, cơ quan theo thứ tự chữ cái")
    func grouping() throws {
        let renderer = try Reports.renderer()
        func set(_ body: String, _ keys: [String]) -> CommentSet {
            let location = SourceLocation(file: "x.yaml", line: 1, column: 1)
            return CommentSet(
                file: "x.yaml", body: body, reference: nil,
                comments: keys.map {
                    Comment(sectionKey: $0, text: "ý kiến về \($0)", response: .accepted, explanation: "", location: location)
                })
        }
        let groups = renderer.commentGroups([
            set("UBND huyện Nga Sơn", ["kien-nghi", "da-bo"]), set("Sở Tài chính", ["cai-cach-tthc", "chung"]),
            set("Sở Công Thương", ["cai-cach-tthc"]),
        ])
        #expect(
            groups.map(\.title) == [
                "Ý kiến chung", "Phần I, mục III.2: Cải cách thủ tục hành chính", "Phần III, mục I: Kiến nghị",
                "Ý kiến về mục không còn trong đề cương",
            ])
        #expect(groups[1].rows.map(\.body) == ["Sở Công Thương", "Sở Tài chính"])
        #expect(groups[3].rows.map(\.comment.text) == ["(Mục “da-bo”) ý kiến về da-bo"])
    }

    @Test("lỗi tìm được khi fuzz: tệp góp ý chỉ có thẻ YAML '!S' được báo là tệp trống")
    func fuzzFindingTagOnly() throws {
        let result = try load("!S")
        #expect(result.set == nil)
        #expect(result.diagnostics.map(\.description) == ["gop-y.yaml:1:1: lỗi: tệp trống: cần 'co_quan' và 'y_kien'"])
    }
}
