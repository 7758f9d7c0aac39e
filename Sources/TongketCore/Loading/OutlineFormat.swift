/// The version of the outline folder's format, written as `dinh_dang` in `chuong-trinh.yaml`.
///
/// An outline carries the format it was written for, so that tongket can keep reading outlines
/// written for an older format after the format changes, and can tell whoever runs an older
/// tongket on a newer outline to update it instead of misreading the folder.
///
/// - Format 1: outlines written before the key existed (no `dinh_dang`). `loai_tong_ket`,
///   `can_cu.loai` and `bao_cao_tong_hop.ten` may be left out; the loader then supplies the
///   values those outlines meant ("tổng kết", "Kế hoạch", the basis document's issuer).
/// - Format 2: `dinh_dang: 2`; those three keys are written out. `tongket outline --upgrade`
///   turns a format-1 folder into this one.
public enum OutlineFormat {
    /// The key in `chuong-trinh.yaml`.
    public static let key = "dinh_dang"
    /// The format of an outline without the key.
    public static let original = 1
    /// The newest format this tongket reads and writes.
    public static let current = 2

    /// The defaults a format-1 outline relies on, written out by the upgrade and required from
    /// format 2 on: where they go and what they mean.
    package enum Default: CaseIterable {
        /// `loai_tong_ket` in the programme file.
        case reviewKind
        /// `can_cu.loai`.
        case basisKind
        /// `bao_cao_tong_hop.ten`: the basis document's issuer (`can_cu.co_quan`).
        case issuerName

        /// The mapping the key belongs to (nil: the file's top level) and the key itself.
        package var path: (parent: String?, key: String) {
            switch self {
            case .reviewKind: return (nil, "loai_tong_ket")
            case .basisKind: return ("can_cu", "loai")
            case .issuerName: return ("bao_cao_tong_hop", "ten")
            }
        }

        /// The keys of the mapping it belongs to, in order: where the upgrade writes it.
        package var siblings: [String] {
            switch self {
            case .reviewKind: return OutlineKeys.programme
            case .basisKind: return OutlineKeys.basis
            case .issuerName: return OutlineKeys.issuer
            }
        }

        /// The key's value in a mapping: a format-1 outline may leave it out (the loader then
        /// uses what those outlines meant); from format 2 on it is written out, so a missing one
        /// is an error.
        func read(_ f: Fields, format: Int, basis: DocumentReference, _ r: inout NodeReader) -> String {
            let name = path.key
            guard format > OutlineFormat.original else { return f.optionalText(name, &r) ?? value(basis: basis) }
            guard f.node(name) != nil else {
                r.report(
                    .error, .missingField, f.owner,
                    "thiếu khóa '\(name)': từ định dạng \(OutlineFormat.current) phải ghi rõ (đề cương định dạng 1 viết trước khi có khóa này thì chạy 'tongket outline --upgrade')"
                )
                return value(basis: basis)
            }
            return f.text(name, &r) ?? value(basis: basis)
        }

        /// What a format-1 outline that leaves the key out means.
        package func value(basis: DocumentReference) -> String {
            switch self {
            case .reviewKind: return "tổng kết"
            case .basisKind: return "Kế hoạch"
            // Outlines written before `ten` existed named only the basis document's issuer,
            // which was then the same body.
            case .issuerName: return basis.issuer
            }
        }
    }

    /// The format an outline declares: `original` without the key; nil (with a located error)
    /// for a value that is not a format number or is newer than this tongket reads.
    static func read(_ fields: Fields, _ r: inout NodeReader) -> Int? {
        guard let node = fields.node(key) else { return original }
        guard let word = r.text(node, "'\(key)'") else {
            // A list or a mapping was reported by `text`; an empty value is reported here.
            if NodeReader.isNull(node) {
                r.report(.error, .missingField, node, "'\(key)' chưa được ghi; ghi số định dạng của thư mục đề cương, hiện là \(current)")
            }
            return nil
        }
        guard let value = Int(word.trimmedWhitespace), value >= original else {
            r.report(
                .error, .outlineInvalid, node,
                "'\(key)' là số định dạng của thư mục đề cương, một số nguyên từ \(original) đến \(current), nhưng gặp '\(word)'")
            return nil
        }
        guard value <= current else {
            r.report(
                .error, .outlineInvalid, node,
                "đề cương viết theo định dạng \(value), nhưng tongket \(TongketVersion.current) chỉ đọc được đến định dạng \(current); hãy cập nhật tongket lên phiên bản mới hơn"
            )
            return nil
        }
        return value
    }
}
