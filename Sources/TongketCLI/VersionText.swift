import TongketKit

/// What `tongket --version` prints: the version on the first line, as scripts expect, then the
/// data folder the commands would read, so that a user can tell which outline and templates an
/// installed tongket uses.
enum VersionText {
    static var current: String {
        let data =
            ResourceLocator.dataFolder()?.description
            ?? "không tìm thấy (cài bằng scripts/install, đặt \(ResourceLocator.environmentVariable) hoặc dùng --outline và --templates)"
        return "tongket \(TongketVersion.current)\nthư mục dữ liệu: \(data)"
    }
}
