import TongketKit

/// Where a unit stands, from its last event, and how late.
public struct UnitState: Sendable, Equatable {
    /// The four states a unit's page shows.
    public enum Phase: String, Sendable {
        case notSent = "chua-gui"
        case sent = "da-gui"
        case returned = "bi-tra-lai"
        case accepted = "da-chap-nhan"

        /// The Vietnamese label.
        public var label: String {
            switch self {
            case .notSent: return "Chưa gửi"
            case .sent: return "Đã gửi"
            case .returned: return "Bị trả lại"
            case .accepted: return "Đã chấp nhận"
            }
        }
    }

    public var phase: Phase
    /// The last event, if any.
    public var last: SubmissionEvent?
    /// The last official sending (its day decides lateness).
    public var lastSent: SubmissionEvent?
    public var deadline: SimpleDate
    /// Days past the deadline: of the last sending, or (not yet sent, returned) as of today; 0 when on time.
    public var daysLate: Int

    /// The state after `events` (oldest first) as of `today`.
    public init(events: [SubmissionEvent], deadline: SimpleDate, today: SimpleDate) {
        self.deadline = deadline
        last = events.last
        lastSent = events.last(where: { $0.kind == .sent })
        switch last?.kind {
        case nil: phase = .notSent
        case .sent: phase = .sent
        case .returned: phase = .returned
        case .accepted: phase = .accepted
        }
        let day = (phase == .sent || phase == .accepted) ? (lastSent?.day ?? today) : today
        daysLate = max(0, deadline.days(until: day))
    }

    /// Whether upload `id` is the one sent and waiting for Sở Nội vụ's decision.
    public func awaitsReview(of id: Int64) -> Bool { phase == .sent && lastSent?.upload == id }

    /// "Đúng hạn", "Muộn 3 ngày", or "Quá hạn 3 ngày" for one not yet in.
    public var timeliness: String {
        if daysLate == 0 { return phase == .notSent || phase == .returned ? "Chưa đến hạn" : "Đúng hạn" }
        return phase == .notSent || phase == .returned ? "Quá hạn \(daysLate) ngày" : "Muộn \(daysLate) ngày"
    }
}
