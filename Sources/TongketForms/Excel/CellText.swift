/// Text gathered from the runs of a cell or a shared string, stopping past the most a cell may
/// hold (Excel's 32,767 characters) so that a 1 MB cell costs no more than that to read.
struct CellText {
    static let maximumLength = 32_767
    private(set) var value = ""
    private(set) var isOverlong = false
    private var length = 0

    mutating func append(_ text: String) {
        guard !isOverlong else { return }
        length += text.utf16.count
        if length > Self.maximumLength {
            isOverlong = true
            value = ""
        } else {
            value += text
        }
    }
}
