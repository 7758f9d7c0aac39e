import Foundation

/// The .docx package written entry by entry into memory, each entry's bytes deflated beforehand.
///
/// ZIPFoundation deflates an entry itself, in one zlib stream at its default level; the body of a
/// province's draft is deflated over every core instead (`ParallelDeflate`), and no ZIPFoundation
/// call takes bytes already deflated. So the package's few records are written here, as the
/// ZIP specification (APPNOTE 4.3.7, 4.3.12, 4.3.16) lays them out, and only what a .docx needs:
/// files with ASCII names, every one dated 1980-01-01 00:00 like `Archive.fixedEntryDate`, no
/// ZIP64 (a part or the package past 4 GiB is refused, and the caller uses ZIPFoundation).
/// ZIPFoundation, python-docx, LibreOffice and Word read what it writes (the tests read it back).
package struct ZIPWriter {
    private(set) var data = Data()
    private var directory = Data()
    private var entries = 0

    /// The package is past what a ZIP without ZIP64 can hold.
    package struct TooLarge: Error {}

    package init() {}

    /// Adds a part: its `body` as it goes into the package, deflated or stored, with the CRC-32
    /// and size of the part itself.
    package mutating func add(_ path: String, crc: UInt32, size: Int, body: Data, deflated: Bool) throws(TooLarge) {
        guard size < Int(UInt32.max), body.count < Int(UInt32.max), data.count < Int(UInt32.max), entries < Int(UInt16.max)
        else { throw TooLarge() }
        let name = Array(path.utf8)
        let offset = UInt32(data.count)
        // The fields the local header and the central directory record share, from the version
        // needed to extract to the extra field's length (APPNOTE 4.3.7, 4.3.12).
        var shared = Data()
        shared.append(le16: 20)  // version needed: deflate
        shared.append(le16: 0)  // flags
        shared.append(le16: deflated ? 8 : 0)  // method: deflate or stored
        shared.append(le16: 0)  // time 00:00
        shared.append(le16: Self.date)
        shared.append(le32: crc)
        shared.append(le32: UInt32(body.count))
        shared.append(le32: UInt32(size))
        shared.append(le16: UInt16(name.count))
        shared.append(le16: 0)  // extra field
        // Local file header, then the part.
        data.append(le32: 0x0403_4B50)
        data.append(shared)
        data.append(contentsOf: name)
        data.append(body)
        // The part's central directory record.
        directory.append(le32: 0x0201_4B50)
        directory.append(le16: 0x031E)  // made by: UNIX, specification 3.0
        directory.append(shared)
        directory.append(le16: 0)  // comment
        directory.append(le16: 0)  // disk
        directory.append(le16: 0)  // internal attributes
        directory.append(le32: 0o100644 << 16)  // a regular file, rw-r--r--
        directory.append(le32: offset)
        directory.append(contentsOf: name)
        entries += 1
    }

    /// Adds a part from its bytes, deflated here (`compress`) or stored.
    package mutating func add(_ path: String, _ bytes: Data, compress: Bool = true) throws {
        guard compress else {
            try add(path, crc: ParallelDeflate.crc(bytes), size: bytes.count, body: bytes, deflated: false)
            return
        }
        let deflated = try ParallelDeflate.compress(bytes)
        try add(path, crc: deflated.crc, size: deflated.size, body: deflated.data, deflated: true)
    }

    /// The package, with its central directory and end record.
    package func finished() throws(TooLarge) -> Data {
        guard data.count + directory.count < Int(UInt32.max) else { throw TooLarge() }
        var package = data
        package.append(directory)
        package.append(le32: 0x0605_4B50)
        package.append(le16: 0)  // this disk
        package.append(le16: 0)  // the directory's disk
        package.append(le16: UInt16(entries))
        package.append(le16: UInt16(entries))
        package.append(le32: UInt32(directory.count))
        package.append(le32: UInt32(data.count))
        package.append(le16: 0)  // comment
        return package
    }

    /// 1980-01-01 in the DOS date of ZIP records: year 0 from 1980, month 1, day 1.
    private static let date: UInt16 = 0 << 9 | 1 << 5 | 1
}

extension Data {
    fileprivate mutating func append(le16 value: UInt16) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    fileprivate mutating func append(le32 value: UInt32) { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
}
