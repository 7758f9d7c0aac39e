import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Đọc các tệp góp ý")
struct CommentFolderTests {
    let examples = Fixtures.examples.appendingPathComponent("gop-y").path

    @Test("theo thứ tự; tệp có lỗi bị bỏ, thư mục trống được báo, các tệp khác vẫn vào bảng; --strict bỏ cả tệp có cảnh báo")
    func read() throws {
        let outline = try Fixtures.outline()
        let dir = try Fixtures.temporaryDirectory()
        let broken = dir.appendingPathComponent("hong.yaml")
        try Data("co_quan: Sở Y tế\ny_kien:\n  - muc: chung\n    noi_dung: Được.\n    xu_ly: ok\n".utf8).write(to: broken)
        let empty = dir.appendingPathComponent("trong")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let folder = CommentFolder.read([examples, broken.path, empty.path], outline: outline, strict: false)
        #expect(
            folder.files.map(\.path) == [
                "\(examples)/so-ke-hoach-dau-tu.yaml", "\(examples)/so-tai-chinh.yaml", "\(examples)/ubnd-huyen-nga-son.yaml", broken.path,
                empty.path,
            ])
        #expect(folder.files.map { $0.set != nil } == [true, true, true, false, false])
        #expect(folder.files[3].diagnostics.first?.description.hasPrefix("\(broken.path):5:12: lỗi: 'xu_ly' phải là một trong:") == true)
        #expect(!folder.files[4].diagnostics.isEmpty)
        #expect(folder.leftOut == 2)
        #expect(folder.sets.count == 3)
        #expect(folder.commentCount == folder.sets.reduce(0) { $0 + $1.comments.count })
        // The district's file has an unhandled comment: a warning, which --strict makes an error.
        let strict = CommentFolder.read([examples], outline: outline, strict: true)
        #expect(strict.files.map { $0.set != nil } == [true, true, false])
        #expect(strict.leftOut == 1)
    }
}
