import Foundation
import TongketCore
import TongketDocument

/// The submission table for the terminal and as JSON: whom Sở Nội vụ still has to chase.
public enum StatusReport {
    public static func text(_ statuses: [SubmissionStatus], asOf: SimpleDate, programme: Programme) -> String {
        let table = TableBuilder.annex(statuses, asOf: asOf, reportTitle: programme.reportTitle)
        var lines: [String] = []
        let widths = table.columns.indices.map { column in
            min(48, max(table.columns[column].title.count, table.rows.map { $0[column].count }.max() ?? 0))
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let text = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                return text.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        lines.append(line(table.columns.map(\.title)))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += table.rows.map(line)
        lines.append("")
        lines.append(summary(statuses, asOf: asOf))
        return lines.joined(separator: "\n") + "\n"
    }

    /// "Tính đến 20/05/2020: đã gửi 7/52 đơn vị (hợp lệ 7, có lỗi 0); chưa gửi 45, trong đó quá hạn 45; …"
    public static func summary(_ all: [SubmissionStatus], asOf: SimpleDate) -> String {
        // Archived reports of units that no longer exist are neither expected nor missing.
        let statuses = all.filter(\.isExpected)
        let archived = all.count - statuses.count
        let received = statuses.filter { !$0.files.isEmpty }
        let valid = statuses.filter(\.isIncluded).count
        let missing = statuses.filter { $0.files.isEmpty }
        let overdue = missing.filter { ($0.daysLate(asOf: asOf) ?? 0) > 0 }.count
        let late = received.filter { ($0.daysLate(asOf: asOf) ?? 0) > 0 }.count
        // A received report is on time, late or of an unreadable date: each counted once.
        let unreadable = received.filter(\.dateUnreadable).count
        return
            "Tính đến \(asOf): đã gửi \(received.count)/\(statuses.count) đơn vị (hợp lệ \(valid), có lỗi \(received.count - valid), gửi muộn \(late)"
            + (unreadable > 0 ? ", ngày không đọc được \(unreadable)" : "") + "); "
            + "chưa gửi \(missing.count), trong đó quá hạn \(overdue)"
            + (archived > 0 ? "; báo cáo lưu trữ của \(archived) đơn vị đã kết thúc." : ".")
    }

    /// One object per unit, keys in the same Vietnamese words as the submission files.
    public static func json(_ statuses: [SubmissionStatus], asOf: SimpleDate) throws -> Data {
        let units = statuses.map { status -> [String: Any] in
            var entry: [String: Any] = [
                "ma": status.unit.id, "ten": status.unit.name, "loai": status.unit.kind, "tep": status.files,
                "han": status.deadline.description,
            ]
            if let date = status.reportDate { entry["ngay_bao_cao"] = date.description }
            if let late = status.daysLate(asOf: asOf) { entry["so_ngay_muon"] = late }
            if status.dateUnreadable { entry["ngay_khong_doc_duoc"] = true }
            if !status.isExpected {
                entry["luu_tru"] = true
                if let ended = status.unit.ended { entry["ket_thuc"] = ended.description }
            }
            switch status.state {
            case .missing: entry["trang_thai"] = "chua-gui"
            case .valid(let warnings):
                entry["trang_thai"] = "hop-le"
                entry["so_canh_bao"] = warnings
            case .invalid(let errors, let first):
                entry["trang_thai"] = "co-loi"
                entry["so_loi"] = errors
                entry["loi_dau_tien"] = first
            }
            if let rollUp = status.rollUp {
                var below: [String: Any] = [
                    "da_gui": rollUp.reported, "phai_gui": rollUp.expected, "da_tong_hop": rollUp.isRolledUp,
                    "so_don_vi_da_tong_hop": rollUp.rolledUpFrom,
                ]
                if rollUp.isStale { below["can_tong_hop_lai"] = rollUp.staleReasons }
                entry["cap_duoi"] = below
            }
            if let deadline = status.thematicDeadline {
                var thematic: [String: Any] = ["han": deadline.description]
                if let date = status.thematicDate { thematic["ngay_bao_cao"] = date.description }
                if let late = status.thematicDaysLate(asOf: asOf) { thematic["so_ngay_muon"] = late }
                entry["chuyen_de"] = thematic
            }
            return entry
        }
        let document: [String: Any] = ["tinh_den_ngay": asOf.description, "don_vi": units, "tom_tat": summary(statuses, asOf: asOf)]
        var data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
