import TongketCore

/// What a form says it was made for, checked against the outline in use: a form made for another
/// programme, a unit the outline does not list, another version of the outline or of the form
/// is refused with what it was made for and how to get the right one.
struct FormFacts {
    var programme: String?
    var unit: String?
    var outlineVersion: String?
    var formVersion: String?

    /// `current` is the outline's fingerprint when the caller has it already (reading many forms).
    func check(
        against outline: Outline, current: String? = nil, expectedFormVersion: String, file: String, notOurs: String
    ) throws(Diagnostic) -> ReportingUnit {
        func refuse(_ message: String) -> Diagnostic {
            Diagnostic(.error, .wrongForm, at: SourceLocation(file: file, line: 1, column: 1), message)
        }
        guard let programme, let unitID = unit else { throw refuse(notOurs) }
        let expected = outline.programme.id
        let getForm = "hãy lấy biểu mẫu đúng bằng 'tongket skeleton --outline \(expected) --unit \(unitID)' và chép nội dung sang"
        guard programme == expected else {
            throw refuse("biểu mẫu này làm cho chương trình '\(programme)', không phải '\(expected)' của đề cương đang dùng; \(getForm)")
        }
        guard let unit = outline.unit(unitID) else {
            throw refuse("biểu mẫu này làm cho đơn vị '\(unitID)', không có trong danh mục đơn vị của đề cương '\(expected)'")
        }
        guard formVersion == expectedFormVersion else {
            throw refuse(
                "biểu mẫu theo mẫu phiên bản '\(formVersion ?? "")', tongket này đọc mẫu phiên bản \(expectedFormVersion); \(getForm)")
        }
        let current = current ?? OutlineFingerprint.of(outline)
        guard outlineVersion == current else {
            throw refuse(
                "biểu mẫu được tạo từ một phiên bản khác của đề cương (phiên bản \(outlineVersion ?? "không rõ"), đề cương đang dùng là \(current)): các mục và chỉ tiêu có thể đã đổi; \(getForm)"
            )
        }
        return unit
    }
}
