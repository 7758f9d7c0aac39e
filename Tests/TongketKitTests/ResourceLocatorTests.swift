import Foundation
import Testing
import TongketCore
import TongketTestSupport

/// The order in which tongket finds its data, on a made-up file system: `TONGKET_DATA`, then
/// `<prefix>/share/tongket` beside the binary, then the checkout.
@Suite("Tìm thư mục dữ liệu: TONGKET_DATA, PREFIX/share/tongket, thư mục mã nguồn")
struct ResourceLocatorTests {
    /// A file system holding only these folders.
    static func folders(_ paths: [String]) -> @Sendable (URL) -> Bool {
        let set = Set(paths)
        return { set.contains($0.standardizedFileURL.path) }
    }

    /// The data folders of an install under `/opt/tk` and of a checkout in `/home/an/tongket`.
    static let everywhere: @Sendable (URL) -> Bool = folders([
        "/opt/tk/share/tongket/outline", "/opt/tk/share/tongket/templates",
        "/home/an/tongket/outline", "/home/an/tongket/templates",
    ])

    let installedBinary = URL(fileURLWithPath: "/opt/tk/bin/tongket")
    let checkout = URL(fileURLWithPath: "/home/an/tongket")

    @Test("TONGKET_DATA đứng trước mọi chỗ khác, đường dẫn tương đối tính từ thư mục hiện tại")
    func environmentFirst() {
        let found = ResourceLocator.dataFolder(
            environment: ["TONGKET_DATA": "/srv/du-lieu"], executable: installedBinary, currentDirectory: checkout,
            isDirectory: Self.everywhere)
        #expect(found == DataFolder(url: URL(fileURLWithPath: "/srv/du-lieu"), origin: .environment))
        let relative = ResourceLocator.dataFolder(
            environment: ["TONGKET_DATA": "../du-lieu"], executable: installedBinary, currentDirectory: checkout,
            isDirectory: Self.everywhere)
        #expect(relative?.url.path == "/home/an/du-lieu")
        #expect(relative?.origin == .environment)
    }

    @Test("TONGKET_DATA rỗng coi như không đặt")
    func emptyEnvironment() {
        let found = ResourceLocator.dataFolder(
            environment: ["TONGKET_DATA": ""], executable: installedBinary, currentDirectory: checkout, isDirectory: Self.everywhere)
        #expect(found == DataFolder(url: URL(fileURLWithPath: "/opt/tk/share/tongket"), origin: .installed))
    }

    @Test("chương trình ở PREFIX/bin: PREFIX/share/tongket đứng trước thư mục mã nguồn đang đứng")
    func installedBeforeCheckout() {
        let found = ResourceLocator.dataFolder(
            environment: [:], executable: installedBinary, currentDirectory: checkout, isDirectory: Self.everywhere)
        #expect(found == DataFolder(url: URL(fileURLWithPath: "/opt/tk/share/tongket"), origin: .installed))
    }

    @Test("PREFIX/share/tongket thiếu mẫu thì không dùng; thư mục hiện tại là mã nguồn")
    func incompleteInstall() {
        let files = Self.folders(["/opt/tk/share/tongket/outline", "/home/an/tongket/outline", "/home/an/tongket/templates"])
        let found = ResourceLocator.dataFolder(
            environment: [:], executable: installedBinary, currentDirectory: checkout, isDirectory: files)
        #expect(found == DataFolder(url: checkout, origin: .checkout))
    }

    @Test("chương trình dựng trong .build/…/debug tìm thư mục mã nguồn đã dựng nó, từ bất kỳ thư mục nào")
    func checkoutAboveBinary() {
        let binary = URL(fileURLWithPath: "/home/an/tongket/.build/x86_64-unknown-linux-gnu/debug/tongket")
        let found = ResourceLocator.dataFolder(
            environment: [:], executable: binary, currentDirectory: URL(fileURLWithPath: "/tmp"), isDirectory: Self.everywhere)
        #expect(found == DataFolder(url: checkout, origin: .checkout))
    }

    @Test("không có thư mục dữ liệu nào: nil, kể cả khi không biết chương trình ở đâu")
    func nowhere() {
        let binary = URL(fileURLWithPath: "/usr/bin/tongket")
        #expect(
            ResourceLocator.dataFolder(
                environment: [:], executable: binary, currentDirectory: URL(fileURLWithPath: "/tmp"), isDirectory: Self.everywhere) == nil)
        #expect(
            ResourceLocator.dataFolder(
                environment: [:], executable: nil, currentDirectory: URL(fileURLWithPath: "/tmp"), isDirectory: Self.everywhere) == nil)
    }

    @Test("mô tả cho tongket --version nói thư mục lấy từ đâu")
    func descriptions() {
        let path = "/usr/share/tongket"
        #expect(
            DataFolder(url: URL(fileURLWithPath: path), origin: .environment).description
                == "/usr/share/tongket (biến môi trường TONGKET_DATA)")
        #expect(
            DataFolder(url: URL(fileURLWithPath: path), origin: .installed).description == "/usr/share/tongket (cài đặt cùng chương trình)")
        #expect(DataFolder(url: URL(fileURLWithPath: path), origin: .checkout).description == "/usr/share/tongket (thư mục mã nguồn)")
    }

    @Test("bộ kiểm thử chạy từ thư mục mã nguồn: tìm thấy đúng thư mục đó")
    func thisCheckout() throws {
        try #require(ProcessInfo.processInfo.environment["TONGKET_DATA"] == nil, "TONGKET_DATA đang được đặt")
        let found = ResourceLocator.dataFolder()
        #expect(found?.origin == .checkout)
        #expect(found?.url.standardizedFileURL.path == Fixtures.root.standardizedFileURL.path)
        #expect(ResourceLocator.find("templates")?.lastPathComponent == "templates")
    }
}
