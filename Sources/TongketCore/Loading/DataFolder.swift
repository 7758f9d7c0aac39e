import Foundation

/// The folder that holds tongket's data (`outline/`, `templates/`, `examples/`), and how it was
/// found, so that `tongket --version` and the error for a missing folder can say which one is in use.
public struct DataFolder: Sendable, Equatable, CustomStringConvertible {
    /// Where the folder came from, in the order the locator tries them.
    public enum Origin: Sendable, Equatable {
        /// Named by the environment variable `TONGKET_DATA`.
        case environment
        /// `<prefix>/share/tongket` beside the binary's `<prefix>/bin`, as `scripts/install` and the
        /// Debian package lay it out.
        case installed
        /// The source checkout: the current folder, or the binary's folder or one of its ancestors.
        case checkout
    }

    /// The folder itself.
    public let url: URL
    /// How it was found.
    public let origin: Origin

    /// A folder found by `origin`. The URL is kept standardised and marked as a folder, so that two
    /// spellings of one folder (`/a/b`, `/a/b/`, `/a/./b`) are equal.
    public init(url: URL, origin: Origin) {
        self.url = URL(fileURLWithPath: url.standardizedFileURL.path, isDirectory: true)
        self.origin = origin
    }

    /// `relative` inside the folder (`templates`, `outline/cchc-2011-2020`), whether or not it exists.
    public func appending(_ relative: String) -> URL {
        url.appendingPathComponent(relative)
    }

    /// The folder and, in Vietnamese, where it came from: `/usr/share/tongket (cài đặt cùng chương trình)`.
    public var description: String {
        switch origin {
        case .environment: return "\(url.path) (biến môi trường \(ResourceLocator.environmentVariable))"
        case .installed: return "\(url.path) (cài đặt cùng chương trình)"
        case .checkout: return "\(url.path) (thư mục mã nguồn)"
        }
    }
}
