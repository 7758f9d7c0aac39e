import Foundation
import TongketCore
import TongketDocument

/// Where a recorded version stands in the review of a report.
public enum ReviewStatus: String, CaseIterable, Sendable {
    case draft = "dự thảo"
    case reviewed = "đã rà soát"
    case final = "hoàn thiện"

    /// Reads "dự thảo", "du-thao", "Đã rà soát", "hoan-thien"…
    public static func parse(_ word: String) -> ReviewStatus? {
        matching(keyword: word)
    }

    /// The words the command line accepts, for messages.
    public static let choices = "du-thao (dự thảo), da-ra-soat (đã rà soát), hoan-thien (hoàn thiện)"
}
