import Crypto
import Foundation

/// Finishes a PDF an engine printed: what the engine cannot set is added by an incremental update
/// (ISO 32000-1, 7.5.6), which leaves every byte the engine wrote where it was. Before that, the
/// few bytes that change from run to run (the dates of the run, the file identifier and checksum)
/// are overwritten in place with values of the same length taken from the report, so the offsets
/// in the engine's cross-reference table stay true and the same report gives the same file.
public enum PDFFinisher {
    /// `pdf` with its run dates set to the report's date, its identifier derived from its content,
    /// and an update holding `info` (a new information dictionary, the catalog with the language,
    /// bookmarks retitled from `bookmarks`).
    /// - Throws: when the engine's file is not one the finisher reads (see `PDFFile`).
    public static func finish(_ pdf: Data, info: PDFDocumentInfo, bookmarks: [PDFBookmarkTitle]) throws(PDFStructureError) -> Data {
        var bytes = [UInt8](pdf)
        let original = try PDFFile(bytes)
        let date = Array(PDFText.date(year: info.year, month: info.month, day: info.day).utf8)
        let infoReference = original.trailer.reference("Info")
        let oldInfo = try infoReference.map { reference throws(PDFStructureError) in try original.dictionary(reference.number) }
        // The identifier is a digest of the file as it will stand, with the places the digest
        // itself goes blanked, so that it depends on the report only.
        let identifierSpans = Self.identifierSpans(original)
        for span in identifierSpans { bytes.replaceSubrange(span, with: repeatElement(UInt8(ascii: "0"), count: span.count)) }
        if let oldInfo { setDates(in: oldInfo, to: date, bytes: &bytes) }
        let digest = Array(SHA256.hash(data: bytes))
        for span in identifierSpans { bytes.replaceSubrange(span, with: hexFill(digest, count: span.count)) }

        let file = try PDFFile(bytes)
        guard let root = file.trailer.reference("Root"), let size = file.trailer.integer("Size") else {
            throw PDFStructureError("trailer không có /Root hoặc /Size")
        }
        var update = PDFUpdate(base: bytes)
        var catalog = try file.dictionary(root.number)
        if catalog["Lang"].flatMap(PDFText.decode) != info.language {
            catalog.set("Lang", PDFText.string(info.language))
            update.add(root.number, generation: root.generation, catalog.bytes)
        }
        for (number, generation, item) in try retitledBookmarks(file, catalog: catalog, bookmarks: bookmarks) {
            update.add(number, generation: generation, item.bytes)
        }
        update.add(size, generation: 0, informationDictionary(info, date: date, producer: oldInfo?["Producer"]).bytes)
        var trailer = PDFDictionary()
        trailer.set("Size", Array(String(size + 1).utf8))
        trailer.set("Root", file.trailer["Root"] ?? [])
        trailer.set("Info", Array("\(size) 0 R".utf8))
        trailer.set("Prev", Array(String(file.lastCrossReference).utf8))
        let identifier = Array("<\(hexText(digest.prefix(16)))>".utf8)
        // The first identifier is the file's permanent one: the engine's (set above) when it wrote one.
        let permanent = file.trailer["ID"].flatMap { value in Self.hexStrings(in: value).first.map { Array(value[$0]) } } ?? identifier
        trailer.set("ID", Array("[".utf8) + permanent + [0x20] + identifier + Array("]".utf8))
        return Data(update.finished(trailer: trailer))
    }

    /// The new information dictionary; the engine's producer is kept, since it made the pages.
    static func informationDictionary(_ info: PDFDocumentInfo, date: [UInt8], producer: [UInt8]?) -> PDFDictionary {
        var dictionary = PDFDictionary()
        dictionary.set("Title", PDFText.string(info.title))
        dictionary.set("Author", PDFText.string(info.author))
        dictionary.set("Subject", PDFText.string(info.subject))
        dictionary.set("Keywords", PDFText.string(info.keywords.joined(separator: "; ")))
        dictionary.set("Creator", PDFText.string(PDFDocumentInfo.creator))
        if let producer { dictionary.set("Producer", producer) }
        dictionary.set("CreationDate", [UInt8(ascii: "(")] + date + [UInt8(ascii: ")")])
        dictionary.set("ModDate", [UInt8(ascii: "(")] + date + [UInt8(ascii: ")")])
        return dictionary
    }

    /// `count` hexadecimal digits from `digest`, repeated if it is shorter.
    static func hexFill(_ digest: [UInt8], count: Int) -> [UInt8] {
        let text = Array(hexText(digest).utf8)
        return (0..<count).map { text[$0 % text.count] }
    }

    static func hexText<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { PDFText.hexDigits(UInt($0), width: 2) }.joined()
    }
}
