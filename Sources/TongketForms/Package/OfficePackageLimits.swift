/// How much an Office package may hold before it is refused unread. A unit's filled workbook or
/// Word form is a few hundred kilobytes; the limits leave room for a long report with pictures
/// while a ZIP bomb (a few kilobytes that inflate to gigabytes) is stopped before any inflating.
package struct OfficePackageLimits: Sendable {
    /// Parts in the package (an Excel workbook of ten sheets has about twenty).
    package var entries: Int
    /// The uncompressed size all parts declare together.
    package var totalSize: UInt64
    /// The uncompressed size of one part (a 50 MB shared-strings part is not a unit's report).
    package var partSize: UInt64
    /// How many times larger than its compressed bytes a part may inflate. XML compresses about
    /// ten times; deflate's own ceiling is about a thousand, which only a bomb approaches.
    package var ratio: UInt64
    /// Parts smaller than this may have any ratio: a small part of repeated markup compresses far.
    package var ratioExemptSize: UInt64

    package init(entries: Int, totalSize: UInt64, partSize: UInt64, ratio: UInt64, ratioExemptSize: UInt64) {
        self.entries = entries
        self.totalSize = totalSize
        self.partSize = partSize
        self.ratio = ratio
        self.ratioExemptSize = ratioExemptSize
    }

    /// The limits every form is read with.
    package static let standard = OfficePackageLimits(
        entries: 1_000, totalSize: 64 << 20, partSize: 24 << 20, ratio: 200, ratioExemptSize: 1 << 20)
}
