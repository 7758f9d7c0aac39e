import CmarkDoor

/// The markers tongket's templates leave in their Markdown (docs/mau.md), and the words in which
/// a problem with them is told to whoever edits the templates.
enum TemplateMarkers {
    /// `<!-- tongket:khoi LỚP -->` … `<!-- tongket:het-khoi -->` and `<!-- tongket:chen KHÓA -->`;
    /// each unit's text in a gathered section sits in a container of class `dong-gop`.
    static let syntax = MarkerSyntax(prefix: "<!-- tongket:", open: "khoi", close: "het-khoi", insert: "chen", sourceClass: "dong-gop")

    /// "dòng 3: không có nội dung để chèn cho 'muc:x'".
    static func message(_ error: MarkdownTreeError) -> String {
        "dòng \(error.line): \(problem(error.problem))"
    }

    static func problem(_ problem: MarkdownTreeError.Problem) -> String {
        let open = syntax.spelled(syntax.open)
        let close = syntax.spelled(syntax.close)
        switch problem {
        case .unparsable: return "libcmark không phân tích được văn bản"
        case .strayMarker(let text): return "dấu đánh dấu '\(text)' phải đứng riêng một đoạn, cách dòng trên và dưới"
        case .closeWithoutOpen: return "'\(close)' không có '\(open)' mở trước"
        case .unclosed(let className): return "'\(open) \(className)' chưa được đóng bằng '\(close)'"
        case .openAndCloseApart(let className): return "'\(open) \(className)' và '\(close)' phải cùng cấp"
        case .deferredNotTopLevel(let key): return "chỗ chèn '\(key)' phải ở cấp ngoài cùng của văn bản"
        case .missingInsertion(let key): return "không có nội dung để chèn cho '\(key)'"
        case .unusedInsertion(let key): return "mẫu không có chỗ chèn cho '\(key)'"
        case .unknownMarker(let words): return "dấu đánh dấu không hiểu: '\(words)'"
        case .outOfMemory: return "không đủ bộ nhớ"
        case .unexpectedOutput: return "libcmark cho đầu ra khác dạng tongket chờ (danh sách HTML); hãy báo lỗi này"
        }
    }
}
