import Foundation

/// Which outline a command reads: the one named with `--outline` (a folder, or the id of an
/// outline that comes with tongket), else the working folder's, else the only one installed.
/// With several installed and none named there is no default: a 2025 review must never be
/// checked against the 2020 outline because an argument was forgotten.
public enum OutlineChoice {
    /// Why no outline folder could be chosen.
    public enum Failure: Error, Sendable, Equatable {
        /// Nothing named, and not exactly one installed: the user must choose; the ids installed.
        case notChosen(installed: [String])
        /// The name is neither a folder nor the id of an outline in the data folder (nil when
        /// there is no data folder at all).
        case notFound(String, data: DataFolder?, installed: [String])

        /// The message, in Vietnamese, saying what to pass.
        public var message: String {
            switch self {
            case .notChosen(let installed) where installed.isEmpty:
                return "chưa chọn đề cương: ghi --outline <thư mục đề cương>, hoặc chạy lệnh trong thư mục làm việc tạo bằng "
                    + "'tongket init' (thư mục dữ liệu của tongket không có đề cương nào)"
            case .notChosen(let installed):
                return "chưa chọn đề cương: ghi --outline <mã hoặc thư mục đề cương>, hoặc chạy lệnh trong thư mục làm việc "
                    + "tạo bằng 'tongket init'; các đề cương đi kèm: \(installed.joined(separator: ", "))"
            case .notFound(let name, nil, _):
                return "không tìm thấy đề cương '\(name)': không có thư mục này, và không có thư mục dữ liệu của tongket để tìm "
                    + "đề cương đi kèm mang mã này (cài bằng scripts/install hoặc đặt \(ResourceLocator.environmentVariable)); "
                    + "chỉ rõ thư mục đề cương bằng --outline"
            case .notFound(let name, let data?, let installed):
                let known = installed.isEmpty ? "" : "; các đề cương đi kèm: \(installed.joined(separator: ", "))"
                return Suggestion.message(
                    unknown: "không tìm thấy đề cương '\(name)': không có thư mục này, cũng không có đề cương mang mã này "
                        + "trong thư mục dữ liệu \(data)", candidates: installed, for: name) + known
            }
        }
    }

    /// The outline folder for `given` (as typed on the command line, relative to the current
    /// folder), the working folder's choice, or the data folder's only outline.
    public static func resolve(given: String?, workspace: Workspace?, data: DataFolder?) throws(Failure) -> URL {
        let installed = installedOutlines(in: data)
        if let given { return try locate(given, relativeTo: nil, data: data, installed: installed) }
        if let workspace { return try locate(workspace.outline, relativeTo: workspace.folder, data: data, installed: installed) }
        guard installed.count == 1, let data else { throw .notChosen(installed: installed) }
        return data.appending("outline/\(installed[0])")
    }

    /// A folder named `name`, or the installed outline with that id.
    static func locate(_ name: String, relativeTo base: URL?, data: DataFolder?, installed: [String]) throws(Failure) -> URL {
        let folder = base.map { URL(fileURLWithPath: name, relativeTo: $0).standardizedFileURL } ?? URL(fileURLWithPath: name)
        if ResourceLocator.isDirectory(folder) { return folder }
        if let data, installed.contains(name) { return data.appending("outline/\(name)") }
        throw .notFound(name, data: data, installed: installed)
    }

    /// The ids of the outlines in the data folder: the folders of `outline/` that hold a
    /// programme file, in alphabetical order.
    public static func installedOutlines(in data: DataFolder?) -> [String] {
        guard let data else { return [] }
        let folder = data.appending("outline")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(name).appendingPathComponent(OutlineLoader.FileName.programme).path)
        }.sorted()
    }
}
