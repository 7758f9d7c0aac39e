import Foundation

extension PDFFinisher {
    /// The bookmarks whose titles change, in document order: each engine bookmark is matched, by
    /// its text without spaces, with the next heading of `bookmarks` within a short look-ahead,
    /// so that a heading the engine left out does not shift the rest.
    static func retitledBookmarks(
        _ file: PDFFile, catalog: PDFDictionary, bookmarks: [PDFBookmarkTitle]
    ) throws(PDFStructureError) -> [(Int, Int, PDFDictionary)] {
        guard !bookmarks.isEmpty, let outlines = catalog.reference("Outlines") else { return [] }
        let keys = bookmarks.map { squeezed($0.heading) }
        var next = 0
        var changed: [(Int, Int, PDFDictionary)] = []
        var pending: [Int] = []
        if let first = try file.dictionary(outlines.number).reference("First") { pending.append(first.number) }
        var seen = Set<Int>()
        // Depth first, children before the next sibling: the order of the headings in the text.
        while let number = pending.popLast() {
            guard seen.insert(number).inserted else { throw PDFStructureError("các mục lục (bookmark) trỏ vòng") }
            var item = try file.dictionary(number)
            if let sibling = item.reference("Next") { pending.append(sibling.number) }
            if let child = item.reference("First") { pending.append(child.number) }
            guard let title = item["Title"].flatMap(PDFText.decode) else { continue }
            let key = squeezed(title)
            guard let match = (next..<min(next + 64, keys.count)).first(where: { keys[$0] == key }) else { continue }
            next = match + 1
            let wanted = bookmarks[match].title
            guard wanted != title else { continue }
            item.set("Title", PDFText.string(wanted))
            changed.append((number, try file.objectStart(number).generation, item))
        }
        return changed
    }

    /// The text without any whitespace, in NFC, so that dropped and kept spaces compare alike.
    static func squeezed(_ text: String) -> String {
        String(text.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
