import Foundation
import TongketCore
import ZIPFoundation

/// An Office Open XML package (a .xlsx or .docx) opened for reading, every check made before a
/// byte is inflated: what the first bytes say the file is, that the ZIP is whole, how many parts
/// it has and how large they say they are, and that no part name climbs out of the package.
/// While a part is inflated its size is enforced again, since a central directory can lie.
package struct OfficePackage {
    package let file: String
    package let kind: OfficeFileKind
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: OfficePackageLimits

    /// The part names, as the package holds them.
    package var partNames: [String] { entries.keys.sorted() }

    /// Opens `data` read from `file` (the name messages use).
    package init(_ data: Data, file: String, kind: OfficeFileKind, limits: OfficePackageLimits = .standard) throws(Diagnostic) {
        self.file = file
        self.kind = kind
        self.limits = limits
        func refuse(_ message: String) -> Diagnostic {
            Diagnostic(.error, .badPackage, at: SourceLocation(file: file, line: 1, column: 1), message)
        }
        try Self.checkSignature(data, kind: kind, refuse: refuse)
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw refuse("gói ZIP của tệp bị hỏng, không mở được; hãy mở tệp bằng \(kind == .workbook ? "Excel" : "Word") và lưu lại")
        }
        var entries: [String: Entry] = [:]
        var total: UInt64 = 0
        for entry in archive {
            if entries.count >= limits.entries {
                throw refuse("tệp có quá \(limits.entries) phần bên trong, không phải một \(kind.name) bình thường; không đọc")
            }
            let name = entry.path
            guard Self.isSafe(name) else {
                throw refuse(
                    "tệp có phần bên trong mang tên '\(name)' trỏ ra ngoài gói (chứa '..' hoặc đường dẫn tuyệt đối); không đọc tệp này")
            }
            if entry.type == .symlink { throw refuse("tệp có phần bên trong là liên kết ('\(name)'); không đọc tệp này") }
            if entry.type == .directory { continue }
            if entries[name] != nil { throw refuse("tệp có hai phần cùng tên '\(name)'; không đọc tệp này") }
            let size = entry.uncompressedSize
            if size > limits.partSize {
                throw refuse(
                    "phần '\(name)' của tệp khai bung ra \(size >> 20) MB, quá giới hạn \(limits.partSize >> 20) MB của một phần; không đọc"
                )
            }
            if size > limits.ratioExemptSize, size / max(entry.compressedSize, 1) > limits.ratio {
                throw refuse(
                    "phần '\(name)' của tệp nén hơn \(limits.ratio) lần (\(entry.compressedSize) byte bung ra \(size) byte): đây là dấu hiệu của một \"bom ZIP\"; không đọc"
                )
            }
            total += size
            if total > limits.totalSize {
                throw refuse("các phần của tệp khai bung ra hơn \(limits.totalSize >> 20) MB, quá giới hạn của một \(kind.name); không đọc")
            }
            entries[name] = entry
        }
        if entries[kind.macroPart] != nil {
            throw refuse(
                "tệp có macro (VBA) bên trong, như tệp \(kind == .workbook ? ".xlsm" : ".docm") đổi tên; tongket không nhận tệp có macro: hãy lưu lại dạng \(kind.saveAs)"
            )
        }
        guard entries[kind.mainPart] != nil else {
            throw refuse("không phải \(kind.name): gói ZIP không có phần '\(kind.mainPart)'")
        }
        self.archive = archive
        self.entries = entries
    }

    /// Whether the package has a part of that name.
    package func has(_ name: String) -> Bool { entries[name] != nil }

    /// The bytes of part `name`, or nil when the package has none. Inflating stops as soon as it
    /// passes the size the central directory declared.
    package func part(_ name: String) throws(Diagnostic) -> Data? {
        guard let entry = entries[name] else { return nil }
        let declared = entry.uncompressedSize
        var data = Data()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                if UInt64(data.count + chunk.count) > declared { throw PartOverrun() }
                data.append(chunk)
            }
        } catch is PartOverrun {
            throw Diagnostic(
                .error, .badPackage, at: SourceLocation(file: file, line: 1, column: 1),
                "phần '\(name)' của tệp bung ra nhiều hơn \(declared) byte mà gói ZIP khai: gói bị sửa hay hỏng; không đọc")
        } catch {
            throw Diagnostic(
                .error, .badPackage, at: SourceLocation(file: file, line: 1, column: 1),
                "phần '\(name)' của tệp bị hỏng, không giải nén được (\(error)); hãy mở tệp bằng \(kind == .workbook ? "Excel" : "Word") và lưu lại"
            )
        }
        if UInt64(data.count) != declared {
            throw Diagnostic(
                .error, .badPackage, at: SourceLocation(file: file, line: 1, column: 1),
                "phần '\(name)' của tệp bung ra \(data.count) byte, khác \(declared) byte mà gói ZIP khai: gói bị sửa hay hỏng; không đọc")
        }
        return data
    }

    private struct PartOverrun: Error {}

    /// A part name is a path inside the package: no parent steps, no root, no drive, no backslash.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0") { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    /// Whether "PK\u{5}\u{6}" (the end-of-central-directory signature) is in the last 65,557
    /// bytes, searched backwards from where it usually is (22 bytes from the end): Foundation's
    /// Data.range(of:) scanned the whole window forwards, generically, for every file.
    static func hasEndRecord(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= 4 else { return false }
            let lowest = max(0, bytes.count - 65_557)
            var index = bytes.count - 4
            while index >= lowest {
                if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 0x05, bytes[index + 3] == 0x06 { return true }
                index -= 1
            }
            return false
        }
    }

    /// What the first and last bytes say: an OLE compound file (an old binary file, or a package
    /// encrypted with a password, which Office wraps in one), not a ZIP, or a ZIP cut short.
    private static func checkSignature(_ data: Data, kind: OfficeFileKind, refuse: (String) -> Diagnostic) throws(Diagnostic) {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        if data.starts(with: ole) {
            // "EncryptionInfo" as UTF-16LE: the stream an encrypted OOXML package keeps its key data in.
            let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if data.range(of: marker) != nil {
                throw refuse(
                    "tệp được đặt mật khẩu (mã hóa) nên không đọc được; hãy mở bằng \(kind == .workbook ? "Excel" : "Word"), bỏ mật khẩu (Tệp → Thông tin → Bảo vệ → Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại"
                )
            }
            throw refuse(
                "tệp là định dạng \(kind.oldName) cũ (Office 97–2003), không phải \(kind.name); hãy mở bằng \(kind == .workbook ? "Excel" : "Word") và lưu lại dạng \(kind.saveAs), hoặc dùng biểu mẫu do 'tongket skeleton' tạo"
            )
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw refuse("không phải \(kind.name): tệp không bắt đầu như một gói Office (ZIP)")
        }
        // The end-of-central-directory record lies in the last 65,557 bytes of a whole ZIP;
        // ZIPFoundation is only handed data that has one.
        guard hasEndRecord(data) else {
            throw refuse("tệp bị cắt cụt hoặc hỏng (thiếu phần cuối của gói ZIP); hãy gửi lại tệp đầy đủ")
        }
    }
}
