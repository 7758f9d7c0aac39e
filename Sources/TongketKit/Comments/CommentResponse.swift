import Foundation
import TongketCore
import TongketDocument

/// How the drafting team handled a comment.
public enum CommentResponse: String, CaseIterable, Sendable {
    case accepted = "Tiếp thu"
    case partly = "Tiếp thu một phần"
    case explained = "Giải trình"

    public static func parse(_ word: String) -> CommentResponse? {
        matching(keyword: word)
    }

    public static let choices = "tiep-thu (tiếp thu), tiep-thu-mot-phan (tiếp thu một phần), giai-trinh (giải trình)"
}
