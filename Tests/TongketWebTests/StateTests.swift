import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TongketKit
import TongketTestSupport
import TongketWeb
import XCTest

final class StateTests: XCTestCase {
    /// Uploads the unit's example and sends it officially; the upload's path.
    static func uploadAndSend(_ client: some TestClientProtocol, _ session: Session, unit: String) async throws -> String {
        let posted = try await UploadTests.upload(
            client, session, unit: unit, files: [("\(unit).yaml", try WebHarness.example("\(unit).yaml"))])
        let location = try XCTUnwrap(posted.headers[.location])
        let (headers, body) = Bodies.form(["csrf": session.csrf])
        let sent = try await client.executeRequest(
            uri: location + "/gui", method: .post, headers: Bodies.merge(headers, session.headers), body: body)
        XCTAssertEqual(sent.status, .seeOther)
        return location
    }

    /// The upload number at the end of an upload's path.
    static func number(_ location: String) -> String { String(location.split(separator: "/").last ?? "") }

    static func state(in page: String) -> String? {
        guard let range = page.range(of: "id=\"trang-thai\"") else { return nil }
        let rest = page[range.upperBound...]
        guard let open = rest.firstIndex(of: ">"), let close = rest.firstIndex(of: "<") else { return nil }
        return String(rest[rest.index(after: open)..<close])
    }

    func testSendReturnResendAcceptOnTime() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 28))
        let unit = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            func stateOf() async throws -> String? {
                Self.state(
                    in: try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: unit.headers, body: nil).text)
            }
            let initial = try await stateOf()
            XCTAssertEqual(initial, "Chưa gửi")
            let first = try await Self.uploadAndSend(client, unit, unit: "so-tu-phap")
            let sent = try await stateOf()
            XCTAssertEqual(sent, "Đã gửi")
            // The upload sent offers no second sending, and a second post is refused: one event only.
            let uploadPage = try await client.executeRequest(uri: first, method: .get, headers: unit.headers, body: nil).text
            XCTAssertFalse(uploadPage.contains("id=\"gui-chinh-thuc\""))
            XCTAssertTrue(uploadPage.contains("đã được gửi chính thức và đang chờ Sở Nội vụ duyệt"))
            let twice = Bodies.form(["csrf": unit.csrf])
            let sentTwice = try await client.executeRequest(
                uri: first + "/gui", method: .post, headers: Bodies.merge(twice.0, unit.headers), body: twice.1)
            XCTAssertEqual(sentTwice.status, .conflict)
            // Returned with a note, which the unit sees.
            let note = Bodies.form(["csrf": admin.csrf, "ghi_chu": "Bổ sung số liệu năm 2020", "lan_nop": Self.number(first)])
            let returned = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/tra-lai", method: .post, headers: Bodies.merge(note.0, admin.headers), body: note.1)
            XCTAssertEqual(returned.status, .seeOther)
            let page = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: unit.headers, body: nil).text
            XCTAssertEqual(Self.state(in: page), "Bị trả lại")
            XCTAssertTrue(page.contains("Bổ sung số liệu năm 2020"))
            let second = try await Self.uploadAndSend(client, unit, unit: "so-tu-phap")
            let accept = Bodies.form(["csrf": admin.csrf, "lan_nop": Self.number(second)])
            let accepted = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/chap-nhan", method: .post, headers: Bodies.merge(accept.0, admin.headers), body: accept.1)
            XCTAssertEqual(accepted.status, .seeOther)
            let final = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: unit.headers, body: nil).text
            XCTAssertEqual(Self.state(in: final), "Đã chấp nhận")
            XCTAssertTrue(final.contains("Đúng hạn"))
            // Accepting twice is refused: nothing is waiting.
            let again = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/chap-nhan", method: .post, headers: Bodies.merge(accept.0, admin.headers), body: accept.1)
            XCTAssertEqual(again.status, .conflict)
        }
        let events = try harness.services.uploads.events(unit: "so-tu-phap").map(\.kind)
        XCTAssertEqual(events, [.sent, .returned, .sent, .accepted])
    }

    func testSendingAfterTheDeadlineIsMarkedLateNotRefused() async throws {
        // The bundled outline's deadline is 30/04/2020: sent on 05/05/2020, five days late.
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 5, day: 5))
        let unit = try harness.session("h-nga-son")
        try await harness.application.test(.router) { client in
            let before = try await client.executeRequest(uri: "/don-vi/h-nga-son", method: .get, headers: unit.headers, body: nil).text
            XCTAssertTrue(before.contains("Quá hạn 5 ngày"), before)
            _ = try await Self.uploadAndSend(client, unit, unit: "h-nga-son")
            let page = try await client.executeRequest(uri: "/don-vi/h-nga-son", method: .get, headers: unit.headers, body: nil).text
            XCTAssertEqual(Self.state(in: page), "Đã gửi")
            XCTAssertTrue(page.contains("Muộn 5 ngày"), page)
        }
        XCTAssertEqual(try harness.services.state(of: "h-nga-son").daysLate, 5)
    }

    func testBoardTotalsFilterSortAndCSV() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30))
        let admin = try harness.session("quan-tri")
        let tuPhap = try harness.session("so-tu-phap")
        let ngaSon = try harness.session("h-nga-son")
        let yTe = try harness.session("so-y-te")
        try await harness.application.test(.router) { client in
            // Sở Tư pháp: sent on time and accepted. Nga Sơn: sent on time. Sở Y tế: an invalid upload only.
            let sent = try await Self.uploadAndSend(client, tuPhap, unit: "so-tu-phap")
            _ = try await Self.uploadAndSend(client, ngaSon, unit: "h-nga-son")
            _ = try await UploadTests.upload(client, yTe, unit: "so-y-te", files: [("so-y-te.yaml", Data("don_vi: so-y-te\n".utf8))])
            let accept = Bodies.form(["csrf": admin.csrf, "lan_nop": Self.number(sent)])
            _ = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/chap-nhan", method: .post, headers: Bodies.merge(accept.0, admin.headers), body: accept.1)
            let board = try await client.executeRequest(uri: "/tong-hop", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(board.status, .ok)
            let units = harness.services.settings.outline.units
            XCTAssertTrue(board.text.contains("<table id=\"bang-tong-hop\">"))
            XCTAssertEqual(board.text.components(separatedBy: "<tr data-don-vi=").count - 1, units.count)
            // By hand: expected every unit, received 2, on time 2, valid 2 (Y tế's upload has errors), accepted 1.
            XCTAssertTrue(board.text.contains("dự kiến <strong>\(units.count)</strong>"), board.text)
            XCTAssertTrue(board.text.contains("đã nhận <strong>2</strong>"))
            XCTAssertTrue(board.text.contains("đúng hạn <strong>2</strong>"))
            XCTAssertTrue(board.text.contains("hợp lệ <strong>2</strong>"))
            XCTAssertTrue(board.text.contains("đã chấp nhận <strong>1</strong>"))
            // Filtered by kind: only district-level units.
            let kind = try XCTUnwrap(units.first { $0.id == "h-nga-son" }).kind
            let filtered = try await client.executeRequest(uri: "/tong-hop?loai=\(kind)", method: .get, headers: admin.headers, body: nil)
            let rows = filtered.text.components(separatedBy: "<tr data-don-vi=").count - 1
            XCTAssertEqual(rows, units.filter { $0.kind == kind }.count)
            XCTAssertFalse(filtered.text.contains("data-don-vi=\"so-tu-phap\""))
            // Sorted by errors: Sở Y tế first.
            let sorted = try await client.executeRequest(uri: "/tong-hop?sap-xep=loi", method: .get, headers: admin.headers, body: nil)
            let firstRow = sorted.text.components(separatedBy: "<tr data-don-vi=\"").dropFirst().first ?? ""
            XCTAssertTrue(firstRow.hasPrefix("so-y-te\""), String(firstRow.prefix(40)))
            // Sorted by kind, in dictionary order of the kinds' names: "Cơ quan Trung ương…" first,
            // "UBND xã, phường, thị trấn" last; the headings link to each order, keeping the filter.
            let byKind = try await client.executeRequest(uri: "/tong-hop?sap-xep=loai", method: .get, headers: admin.headers, body: nil)
            let ids = byKind.text.components(separatedBy: "<tr data-don-vi=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            let kindOf = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.kind) })
            XCTAssertEqual(ids.first.flatMap { kindOf[$0] }, "trung-uong")
            XCTAssertEqual(ids.last.flatMap { kindOf[$0] }, "xa")
            XCTAssertTrue(byKind.text.contains("<th aria-sort=\"ascending\"><a href=\"/tong-hop?sap-xep=loai\">Loại</a>"), byKind.text)
            XCTAssertTrue(filtered.text.contains("<a href=\"/tong-hop?loai=\(kind)&amp;sap-xep=loi\">Lỗi</a>"))
            // CSV: header and one line per unit.
            let csv = try await client.executeRequest(uri: "/tong-hop.csv", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(csv.status, .ok)
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            XCTAssertEqual(lines.first, "ma_don_vi,ten_don_vi,loai,trang_thai,lan_nop_gan_nhat,thoi_han,so_ngay_muon,so_loi,so_canh_bao")
            XCTAssertEqual(lines.count, units.count + 1)
            XCTAssertTrue(lines.contains { $0.hasPrefix("so-tu-phap,") && $0.contains("Đã chấp nhận") })
        }
    }

    func testTheBoardIsPagedAndTheTotalsCountEveryUnit() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30)) { $0.boardPageSize = 20 }
        let admin = try harness.session("quan-tri")
        let units = harness.services.settings.outline.units
        XCTAssertEqual(units.count, 57, "52 units reporting to the province and 5 communes: pages of 20, 20 and 17")
        try await harness.application.test(.router) { client in
            var seen: [String] = []
            for page in 1...3 {
                let uri = page == 1 ? "/tong-hop?sap-xep=loai" : "/tong-hop?sap-xep=loai&trang=\(page)"
                let board = try await client.executeRequest(uri: uri, method: .get, headers: admin.headers, body: nil).text
                let ids = board.components(separatedBy: "<tr data-don-vi=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                XCTAssertEqual(ids.count, page == 3 ? 17 : 20, uri)
                seen += ids
                XCTAssertTrue(board.contains("dự kiến <strong>57</strong>"), "totals over every unit on every page")
                let first = (page - 1) * 20 + 1
                XCTAssertTrue(board.contains("Đơn vị \(first)–\(first + ids.count - 1) trong 57 · trang \(page)/3"), board)
                XCTAssertEqual(board.contains("rel=\"prev\""), page > 1)
                XCTAssertEqual(board.contains("rel=\"next\""), page < 3)
                if page < 3 { XCTAssertTrue(board.contains("href=\"/tong-hop?sap-xep=loai&amp;trang=\(page + 1)\" rel=\"next\"")) }
            }
            // Every unit exactly once across the pages, in the order of the whole board.
            XCTAssertEqual(Set(seen), Set(units.map(\.id)))
            XCTAssertEqual(seen.count, 57)
            // A page past the end shows the last one; the CSV has every row.
            let past = try await client.executeRequest(uri: "/tong-hop?trang=99", method: .get, headers: admin.headers, body: nil).text
            XCTAssertTrue(past.contains("trang 3/3"))
            let csv = try await client.executeRequest(uri: "/tong-hop.csv", method: .get, headers: admin.headers, body: nil).text
            XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 58)
        }
    }

    func testDraftFromAcceptedOrLatestAndReviewRounds() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30))
        let admin = try harness.session("quan-tri")
        let tuPhap = try harness.session("so-tu-phap")
        let noiVu = try harness.session("so-noi-vu")
        try await harness.application.test(.router) { client in
            let sent = try await Self.uploadAndSend(client, tuPhap, unit: "so-tu-phap")
            _ = try await UploadTests.upload(
                client, noiVu, unit: "so-noi-vu", files: [("so-noi-vu.yaml", try WebHarness.example("so-noi-vu.yaml"))])
            let accept = Bodies.form(["csrf": admin.csrf, "lan_nop": Self.number(sent)])
            _ = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/chap-nhan", method: .post, headers: Bodies.merge(accept.0, admin.headers), body: accept.1)
            let accepted = try await client.executeRequest(uri: "/du-thao", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(accepted.status, .ok)
            XCTAssertTrue(accepted.text.contains("Đưa vào dự thảo: 1 báo cáo"), accepted.text)
            XCTAssertTrue(accepted.text.contains("DỰ THẢO LẦN 1"))
            let latest = try await client.executeRequest(uri: "/du-thao?nguon=moi-nhat", method: .get, headers: admin.headers, body: nil)
            XCTAssertTrue(latest.text.contains("Đưa vào dự thảo: 2 báo cáo"))
            let docx = try await client.executeRequest(uri: "/du-thao.docx", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(Array(Data(docx.body.readableBytesView).prefix(2)), [0x50, 0x4B])
            let markdown = try await client.executeRequest(
                uri: "/du-thao.md?nguon=moi-nhat", method: .get, headers: admin.headers, body: nil)
            XCTAssertTrue(markdown.text.contains("Sở Nội vụ") || markdown.text.contains("SỞ NỘI VỤ"))
            // Two rounds, then the redline between them.
            for (source, reviewer) in [("chap-nhan", "Nguyễn Văn A"), ("moi-nhat", "Trần Thị B")] {
                let round = Bodies.form(["csrf": admin.csrf, "trang_thai": "du-thao", "nguoi_ra_soat": reviewer, "nguon": source])
                let recorded = try await client.executeRequest(
                    uri: "/du-thao/vong", method: .post, headers: Bodies.merge(round.0, admin.headers), body: round.1)
                XCTAssertEqual(recorded.status, .seeOther, recorded.text)
            }
            let page = try await client.executeRequest(uri: "/du-thao", method: .get, headers: admin.headers, body: nil).text
            XCTAssertTrue(page.contains("Lần 1") && page.contains("Lần 2") && page.contains("Trần Thị B"))
            let redline = try await client.executeRequest(
                uri: "/du-thao/doi-chieu?tu=1&den=2", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(redline.status, .ok)
            XCTAssertTrue(redline.text.contains("<ins") || redline.text.contains("<del"), redline.text)
        }
    }

    func testCommentFilesMakeTheCommentsTable() async throws {
        let harness = try WebHarness()
        let admin = try harness.session("quan-tri")
        let folder = Fixtures.examples.appendingPathComponent("gop-y")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let files = try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
        try await harness.application.test(.router) { client in
            let (headers, body) = Bodies.multipart(["csrf": admin.csrf], files: files)
            let posted = try await client.executeRequest(
                uri: "/gop-y", method: .post, headers: Bodies.merge(headers, admin.headers), body: body)
            XCTAssertEqual(posted.status, .seeOther)
            let page = try await client.executeRequest(uri: "/gop-y", method: .get, headers: admin.headers, body: nil)
            XCTAssertEqual(page.status, .ok)
            for name in names { XCTAssertTrue(page.text.contains(name)) }
            XCTAssertTrue(page.text.contains("<table"), page.text)
        }
    }

    func testADecisionIsForTheUploadReviewedAndAStaleOneIs409() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 28))
        let unit = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let reviewed = try await Self.uploadAndSend(client, unit, unit: "so-tu-phap")
            // The administrator's page names the upload waiting in its forms.
            let page = try await client.executeRequest(uri: "/don-vi/so-tu-phap", method: .get, headers: admin.headers, body: nil).text
            XCTAssertTrue(page.contains("name=\"lan_nop\" value=\"\(Self.number(reviewed))\""), page)
            // Meanwhile the unit sends another upload: accepting the one reviewed is refused.
            let newer = try await Self.uploadAndSend(client, unit, unit: "so-tu-phap")
            XCTAssertNotEqual(newer, reviewed)
            for (action, fields) in [("chap-nhan", [:]), ("tra-lai", ["ghi_chu": "Sai số liệu"])] {
                let form = Bodies.form(fields.merging(["csrf": admin.csrf, "lan_nop": Self.number(reviewed)]) { $1 })
                let stale = try await client.executeRequest(
                    uri: "/don-vi/so-tu-phap/\(action)", method: .post, headers: Bodies.merge(form.0, admin.headers), body: form.1)
                XCTAssertEqual(stale.status, .conflict, action)
                XCTAssertTrue(stale.text.contains("một lần nộp khác"), stale.text)
                XCTAssertTrue(stale.text.contains("href=\"/don-vi/so-tu-phap\""), "a link back")
            }
            // Without the field: refused too, nothing guessed.
            let bare = Bodies.form(["csrf": admin.csrf])
            let missing = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/chap-nhan", method: .post, headers: Bodies.merge(bare.0, admin.headers), body: bare.1)
            XCTAssertEqual(missing.status, .conflict)
            // The newer one is accepted; the event names it.
            let good = Bodies.form(["csrf": admin.csrf, "lan_nop": Self.number(newer)])
            let accepted = try await client.executeRequest(
                uri: "/don-vi/so-tu-phap/chap-nhan", method: .post, headers: Bodies.merge(good.0, admin.headers), body: good.1)
            XCTAssertEqual(accepted.status, .seeOther)
            // Once accepted, the unit cannot send again.
            let (headers, body) = Bodies.form(["csrf": unit.csrf])
            let resend = try await client.executeRequest(
                uri: newer + "/gui", method: .post, headers: Bodies.merge(headers, unit.headers), body: body)
            XCTAssertEqual(resend.status, .conflict)
        }
        let events = try harness.services.uploads.events(unit: "so-tu-phap")
        XCTAssertEqual(events.map(\.kind), [.sent, .sent, .accepted])
        XCTAssertEqual(events.last?.upload, events[1].upload)
    }

    func testConcurrentDecisionsRecordOnlyOne() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 28))
        let unit = try harness.session("so-tu-phap")
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let sent = try await Self.uploadAndSend(client, unit, unit: "so-tu-phap")
            let form = Bodies.form(["csrf": admin.csrf, "lan_nop": Self.number(sent), "ghi_chu": "x"])
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await client.executeRequest(
                            uri: "/don-vi/so-tu-phap/\(index % 2 == 0 ? "chap-nhan" : "tra-lai")", method: .post,
                            headers: Bodies.merge(form.0, admin.headers), body: form.1
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            XCTAssertEqual(statuses.filter { $0 == .seeOther }.count, 1, "\(statuses)")
            XCTAssertEqual(statuses.filter { $0 == .conflict }.count, 7, "\(statuses)")
        }
        XCTAssertEqual(try harness.services.uploads.events(unit: "so-tu-phap").count, 2)
    }

    func testARefusedReviewRoundShowsNoServerPath() async throws {
        let harness = try WebHarness(asOf: SimpleDate(year: 2020, month: 4, day: 30))
        let admin = try harness.session("quan-tri")
        try await harness.application.test(.router) { client in
            let round = Bodies.form([
                "csrf": admin.csrf, "trang_thai": "hoan-thien", "nguoi_ra_soat": "Nguyễn Văn A", "nguon": "chap-nhan",
            ])
            let first = try await client.executeRequest(
                uri: "/du-thao/vong", method: .post, headers: Bodies.merge(round.0, admin.headers), body: round.1)
            XCTAssertEqual(first.status, .seeOther, first.text)
            // Final twice, nothing changed since: refused, in words, without the server's folders.
            let again = try await client.executeRequest(
                uri: "/du-thao/vong", method: .post, headers: Bodies.merge(round.0, admin.headers), body: round.1)
            XCTAssertEqual(again.status, .conflict, again.text)
            XCTAssertTrue(again.text.contains("không thay đổi"), again.text)
            for leak in [harness.folder.path, "/tmp", "du-thao/", "tongket:"] {
                XCTAssertFalse(again.text.contains(leak), "the page shows '\(leak)'")
            }
        }
    }
}
