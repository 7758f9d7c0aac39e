import Foundation
import TongketKit

extension WebSettings {
    /// Settings from the command line's words: the outline (an id of a bundled outline or a
    /// folder, chosen as the `tongket` command chooses it), the templates (bundled unless named)
    /// and "today" (dd/mm/yyyy or yyyy-mm-dd).
    public static func resolve(data: String, outline: String?, templates: String?, asOf: String?) throws -> WebSettings {
        let folder: URL
        do {
            folder = try OutlineChoice.resolve(given: outline, workspace: nil, data: ResourceLocator.dataFolder())
        } catch {
            throw SettingsError(message: "tongket-web: lỗi: \(error.message)")
        }
        let loaded: Outline
        do {
            loaded = try OutlineLoader.load(from: folder)
        } catch {
            let lines = error.diagnostics.map(\.description) + ["tongket-web: lỗi: thư mục đề cương \(folder.path) có lỗi"]
            throw SettingsError(message: lines.joined(separator: "\n"))
        }
        guard let templatesFolder = templates.map({ URL(fileURLWithPath: $0) }) ?? ResourceLocator.find("templates") else {
            throw SettingsError(message: "tongket-web: lỗi: không tìm thấy thư mục mẫu (templates/); chỉ rõ bằng --templates")
        }
        var day: SimpleDate?
        if let asOf {
            guard let parsed = VietnameseDate.parse(asOf) ?? SimpleDate.parseISO(asOf) else {
                throw SettingsError(message: "tongket-web: lỗi: --as-of phải là một ngày có thật (ngày/tháng/năm), nhưng gặp '\(asOf)'")
            }
            day = parsed
        }
        return WebSettings(
            dataFolder: URL(fileURLWithPath: data), outlineFolder: folder, outline: loaded, templatesFolder: templatesFolder, asOf: day)
    }
}
