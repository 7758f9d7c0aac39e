import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("Danh sách phiên bản")
struct VersionListingTests {
    @Test("chưa có lần nào; mỗi lần một dòng, kèm ghi chú; tệp phiên bản hỏng vẫn được liệt kê")
    func listing() throws {
        let dir = try Fixtures.temporaryDirectory()
        let store = VersionStore(directory: dir, report: "bao-cao-tong-hop")
        #expect(store.listing() == "'bao-cao-tong-hop' chưa có phiên bản nào trong \(store.root.path)\n")
        let output = dir.appendingPathComponent("bao-cao-tong-hop.md")
        for (text, note) in [("một\n", ""), ("hai\n", "đã sửa theo góp ý")] {
            try Data(text.utf8).write(to: output)
            _ = try store.record(
                outputs: [output], inputs: [], status: .draft, reviewer: "Lê Văn Bình", date: SimpleDate(year: 2020, month: 6, day: 10),
                note: note)
        }
        #expect(
            store.listing() == """
                Phiên bản của 'bao-cao-tong-hop':
                  lần 1  10/06/2020  dự thảo  Lê Văn Bình  (1 tệp)
                  lần 2  10/06/2020  dự thảo  Lê Văn Bình  (1 tệp) — đã sửa theo góp ý

                """)
        let manifest = store.folder(round: 1).appendingPathComponent(VersionManifest.fileName)
        chmod(manifest.path, 0o644)
        try Data("hỏng: [".utf8).write(to: manifest)
        #expect(store.listing().contains("  lần 1  (tệp phiên bản hỏng)\n"))
    }
}
