import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument

/// Every kind of bad input named by issue 2, each with its message, line and column counted by hand.
@Suite("Kiểm tra bản báo cáo: lỗi có vị trí")
struct ValidationTests {
    let outline: Outline

    init() throws { outline = try Fixtures.outline() }

    /// The first diagnostic of `kind`, so that unrelated ones (sections not yet written) don't interfere.
    func first(_ kind: DiagnosticKind, in yaml: String) throws -> Diagnostic {
        let result = Fixtures.load(yaml, outline: outline)
        return try #require(result.diagnostics.first { $0.kind == kind }, "không có lỗi loại \(kind): \(result.diagnostics)")
    }

    func expectAt(_ diagnostic: Diagnostic, _ line: Int, _ column: Int, _ severity: Severity = .error) {
        #expect(diagnostic.location == SourceLocation(file: "bai.yaml", line: line, column: column))
        #expect(diagnostic.severity == severity)
    }

    @Test("tệp mẫu tối thiểu của huyện hợp lệ, không lỗi")
    func minimalDistrictIsValid() throws {
        let url = Fixtures.root.appendingPathComponent("Tests/Fixtures/h-nga-son-toi-thieu.yaml")
        let result = SubmissionLoader.load(contentsOf: url, shownName: "x.yaml", outline: outline)
        #expect(result.isValid(), "\(result.diagnostics.filter { $0.severity == .error })")
        let submission = try #require(result.submission)
        #expect(submission.unitID == "h-nga-son")
        #expect(submission.report == ReportInfo(number: "75/BC-UBND", date: SimpleDate(year: 2020, month: 4, day: 29), summary: nil))
        #expect(submission.signer == Signer(authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Mai Xuân Giang"))
        #expect(submission.sections["han-che"] == .list(["Hạn chế 1"]))
        #expect(submission.sections["boi-canh"] == .text("Huyện có 27 xã, thị trấn."))
        #expect(submission.figures["phu-luc-03"]?["ho-so-dung-han"] == [2019: 990, 2020: 1190])
        // Without noi_nhan the programme's default recipients are used.
        #expect(submission.recipients == outline.programme.defaultRecipients)
    }

    @Test("các bản báo cáo ví dụ đều hợp lệ")
    func examplesAreValid() throws {
        let files = SubmissionFiles.expand([Fixtures.examples.path])
        #expect(files.count == 8)  // seven units and the drafting body's own text (tong-hop.yaml)
        for file in files {
            let errors = SubmissionLoader.load(contentsOf: URL(fileURLWithPath: file), outline: outline).diagnostics.filter {
                $0.severity == .error
            }
            #expect(errors.isEmpty, "\(file): \(errors)")
        }
    }

    @Test("không phải YAML: dấu ':' trong văn bản không đặt trong ngoặc kép")
    func notYAML() throws {
        let d = try first(.notYAML, in: "don_vi: h-nga-son\nnguoi_ky:\n  ho_ten: Ông A: trưởng phòng\n")
        // "  ho_ten: Ông A" is 15 scalars; the offending ':' is the 16th.
        expectAt(d, 3, 16)
        #expect(d.message.hasPrefix("không phải YAML hợp lệ: dấu ':' không được phép ở đây"))
    }

    @Test("không phải YAML: thụt lề bằng tab")
    func tabIndent() throws {
        let d = try first(.notYAML, in: "don_vi: h-nga-son\n\tbao_cao: 1\n")
        expectAt(d, 2, 1)
        #expect(d.message.contains("tab"))
    }

    @Test("khóa lặp lại được chỉ ở lần thứ hai")
    func duplicateKey() throws {
        let d = try first(.duplicate, in: "don_vi: h-nga-son\nnoi_dung:\n  boi-canh: a\n  han-che: [b]\n  boi-canh: c\n")
        expectAt(d, 5, 3)
        #expect(d.message == "khóa 'boi-canh' bị lặp lại (lần đầu ở dòng 3); mỗi khóa chỉ được ghi một lần")
    }

    @Test("khóa lặp lại trong ánh xạ nhiều khóa, và khóa viết dấu tổ hợp bằng khóa dựng sẵn")
    func duplicateKeyAmongMany() throws {
        // Twenty keys on lines 3 to 22, then k03 (line 5) again on line 23.
        let keys = (1...20).map { String(format: "  k%02d: a\n", $0) }.joined()
        let d = try first(.duplicate, in: "don_vi: h-nga-son\nnoi_dung:\n" + keys + "  k03: b\n")
        expectAt(d, 23, 3)
        #expect(d.message == "khóa 'k03' bị lặp lại (lần đầu ở dòng 5); mỗi khóa chỉ được ghi một lần")
        // "Hóa" with its accent as one scalar, then as "o" and a combining acute: the same key,
        // among few keys and among many.
        let composed = try first(.duplicate, in: "don_vi: h-nga-son\nnoi_dung:\n  Hóa: a\n  Ho\u{301}a: b\n")
        expectAt(composed, 4, 3)
        let amongMany = try first(.duplicate, in: "don_vi: h-nga-son\nnoi_dung:\n  Ho\u{301}a: a\n" + keys + "  Hóa: b\n")
        expectAt(amongMany, 24, 3)
        #expect(amongMany.message.contains("(lần đầu ở dòng 3)"))
    }

    @Test("mã đơn vị không có, gợi ý mã gần nhất")
    func unknownUnit() throws {
        let d = try first(.unknownUnit, in: "don_vi: h-nga-sn\n")
        expectAt(d, 1, 9)
        #expect(
            d.message
                == "mã đơn vị 'h-nga-sn' không có trong danh mục đơn vị của đề cương (xem 'tongket outline --units'); có phải là 'h-nga-son'?"
        )
        #expect(Fixtures.load("don_vi: h-nga-sn\n", outline: outline).submission == nil)
    }

    @Test("khóa mục không có trong đề cương, gợi ý khóa gần nhất")
    func unknownSection() throws {
        let d = try first(.unknownSection, in: "don_vi: h-nga-son\nnoi_dung:\n  cai-cach-thu-tuc: abc\n  cai-cach-tthcc: abc\n")
        expectAt(d, 3, 3)
        #expect(d.message == "mục 'cai-cach-thu-tuc' không có trong đề cương (xem 'tongket outline')")
        let near = Fixtures.load("don_vi: h-nga-son\nnoi_dung:\n  cai-cach-tthcc: abc\n", outline: outline).diagnostics.first {
            $0.kind == .unknownSection
        }
        #expect(near?.message == "mục 'cai-cach-tthcc' không có trong đề cương (xem 'tongket outline'); có phải là 'cai-cach-tthc'?")
    }

    @Test("mục nhóm không viết trực tiếp")
    func groupSection() throws {
        let d = try first(.unknownSection, in: "don_vi: h-nga-son\nnoi_dung:\n  nguyen-nhan: abc\n")
        expectAt(d, 3, 3)
        #expect(d.message == "mục 'nguyen-nhan' là nhóm mục; hãy viết vào các mục con: nguyen-nhan-khach-quan, nguyen-nhan-chu-quan")
    }

    @Test("mục bắt buộc để trống: báo tại giá trị trống")
    func emptyRequiredSection() throws {
        let all = Fixtures.load("don_vi: h-nga-son\nnoi_dung:\n  boi-canh: \"  \"\n", outline: outline).diagnostics
        let d = try #require(all.first { $0.kind == .emptySection && $0.message.contains("'boi-canh'") })
        expectAt(d, 3, 13)
        #expect(
            d.message
                == "mục 'boi-canh' (Bối cảnh và tình hình triển khai) là bắt buộc với UBND huyện, thị xã, thành phố nhưng chưa được viết")
    }

    @Test("mục bắt buộc bị thiếu hẳn: báo tại khóa noi_dung")
    func missingRequiredSection() throws {
        let result = Fixtures.load("don_vi: so-cong-thuong\nnoi_dung:\n  boi-canh: Có.\n", outline: outline)
        let missing = result.diagnostics.filter { $0.kind == .emptySection }
        // 18 sections are required of a department (19 of a district, which also writes khao-sat-chi-so); boi-canh is written.
        #expect(missing.count == 17)
        #expect(missing.allSatisfy { $0.location.line == 2 && $0.location.column == 1 })
        #expect(!missing.contains { $0.message.contains("'khao-sat-chi-so'") })
        let district = Fixtures.load("don_vi: h-nga-son\nnoi_dung:\n  boi-canh: Có.\n", outline: outline)
        #expect(district.diagnostics.filter { $0.kind == .emptySection }.count == 18)
    }

    @Test("sai kiểu: mục danh sách viết thành đoạn văn, và ngược lại")
    func wrongType() throws {
        let d = try first(.wrongType, in: "don_vi: h-nga-son\nnoi_dung:\n  han-che: Còn chậm.\n")
        expectAt(d, 3, 12)
        #expect(d.message == "mục 'han-che' phải là một danh sách (mỗi ý một dòng bắt đầu bằng '- '), nhưng gặp 'Còn chậm.'")
        let e = try first(.wrongType, in: "don_vi: h-nga-son\nnoi_dung:\n  boi-canh:\n    - một\n")
        expectAt(e, 4, 5)
        #expect(e.message == "mục 'boi-canh' là đoạn văn: viết sau 'ký hiệu |' và thụt lề, nhưng gặp một danh sách")
    }

    @Test("năm ngoài giai đoạn 2011–2020")
    func yearOutOfPeriod() throws {
        let d = try first(.yearOutOfPeriod, in: "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan: {2010: 5, 2011: 6}\n")
        // "    ho-so-tiep-nhan: {" is 22 characters.
        expectAt(d, 4, 23)
        #expect(d.message == "năm '2010' nằm ngoài giai đoạn 2011–2020; ghi năm có 4 chữ số trong giai đoạn")
    }

    @Test("chỉ tiêu thiếu năm: cảnh báo nêu từng năm thiếu; đủ mười năm thì không; không ghi dòng nào thì cả chỉ tiêu")
    func missingYears() throws {
        let full = (2011...2020).map { "\($0): 1" }.joined(separator: ", ")
        let gaps = (2011...2020).filter { $0 != 2013 && $0 != 2017 }.map { "\($0): 1" }.joined(separator: ", ")
        let yaml =
            "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    tthc-tham-quyen: {\(full)}\n    tthc-don-gian-hoa: {\(gaps)}\n"
            + "    ho-so-tiep-nhan: {2011: 5}\n    ho-so-dung-han: {\(full)}\n    phan-anh-kien-nghi: {\(full)}\n"
        // The other appendices, not written at all, have a warning each at 'phu_luc'.
        let warnings = Fixtures.load(yaml, outline: outline).diagnostics.filter { $0.kind == .missingFigures && $0.location.line > 2 }
        #expect(
            warnings.map(\.message) == [
                "chỉ tiêu 'tthc-don-gian-hoa' (Số thủ tục hành chính được đơn giản hóa) chưa có số liệu các năm 2013, 2017",
                "chỉ tiêu 'ho-so-tiep-nhan' (Số hồ sơ thủ tục hành chính tiếp nhận) chưa có số liệu các năm 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020",
            ])
        #expect(warnings.map(\.location.line) == [5, 6])
        #expect(warnings.allSatisfy { $0.severity == .warning && $0.location.column == 5 })
    }

    @Test("năm viết khác bốn chữ số, khóa năm không phải chữ, số liệu trong ngoặc kép hoặc có dấu cách")
    func yearKeysAndFigureForms() throws {
        // Each key that is not four ASCII digits within the period, at its own place; the figures
        // of the others are read whatever the scalar's style.
        let yaml =
            "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan:\n      +201: 1\n      \"0201\": 2\n      ２０１２: 3\n"
            + "      [2013]: 4\n      \"2014\": \"5\"\n      2015: ' 6 '\n      2016: 7\n"
        let result = Fixtures.load(yaml, outline: outline)
        let years = result.diagnostics.filter { $0.kind == .yearOutOfPeriod }
        #expect(years.map(\.location.line) == [5, 6, 7])
        #expect(years.map(\.location.column) == [7, 7, 7])
        #expect(years[0].message == "năm '+201' nằm ngoài giai đoạn 2011–2020; ghi năm có 4 chữ số trong giai đoạn")
        #expect(years[1].message == "năm '0201' nằm ngoài giai đoạn 2011–2020; ghi năm có 4 chữ số trong giai đoạn")
        #expect(years[2].message == "năm '２０１２' nằm ngoài giai đoạn 2011–2020; ghi năm có 4 chữ số trong giai đoạn")
        let key = try #require(result.diagnostics.first { $0.kind == .wrongType })
        expectAt(key, 8, 7)
        #expect(key.message == "khóa trong chỉ tiêu 'ho-so-tiep-nhan' (các năm: số liệu) phải là một chữ, nhưng gặp một danh sách")
        let figures = try #require(result.submission?.figures["phu-luc-03"]?["ho-so-tiep-nhan"])
        #expect(figures == [2014: 5, 2015: 6, 2016: 7])
    }

    @Test("dấu phẩy thập phân trong ngoặc {…} được giải thích")
    func decimalCommaInFlowMapping() throws {
        let d = try first(.yearOutOfPeriod, in: "don_vi: so-y-te\nphu_luc:\n  phu-luc-ks:\n    hai-long-y-te: {2020: 84,6}\n")
        // "    hai-long-y-te: {2020: 84," is 29 characters; the stray key "6" starts at 30.
        expectAt(d, 4, 30)
        #expect(
            d.message.hasSuffix(
                "trong ngoặc {…} dấu phẩy ngăn cách các năm, nên số thập phân viết bằng dấu chấm (85.48) hoặc đặt trong ngoặc kép (\"85,48\")"
            ))
        let quoted = Fixtures.load("don_vi: so-y-te\nphu_luc:\n  phu-luc-ks:\n    hai-long-y-te: {2020: \"84,6\"}\n", outline: outline)
        #expect(quoted.submission?.figures["phu-luc-ks"]?["hai-long-y-te"]?[2020] == 84.6)
    }

    @Test("số lượng âm")
    func negativeCount() throws {
        let d = try first(.negative, in: "don_vi: h-nga-son\nphu_luc:\n  phu-luc-05:\n    tinh-gian:\n      2016: -3\n")
        expectAt(d, 5, 13)
        #expect(d.message == "số liệu năm 2016 của 'tinh-gian' là số lượng nên không được âm (gặp -3)")
    }

    @Test("số lượng không nguyên: có thể là dấu chấm hàng nghìn")
    func thousandsSeparator() throws {
        let d = try first(.notAnInteger, in: "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan:\n      2016: 1.234\n")
        expectAt(d, 5, 13)
        #expect(d.message.hasSuffix("nếu đó là số có dấu chấm ngăn cách hàng nghìn, hãy bỏ dấu chấm"))
    }

    @Test("không phải số")
    func notANumber() throws {
        let d = try first(.notANumber, in: "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan:\n      2016: khoảng 100\n")
        expectAt(d, 5, 13)
        #expect(d.message.hasSuffix("nhưng gặp 'khoảng 100'"))
        for word in [".nan", ".inf", "1e5", "0x10", "--1"] {
            let r = Fixtures.load(
                "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan:\n      2016: \(word)\n", outline: outline)
            #expect(r.diagnostics.contains { $0.kind == .notANumber }, "'\(word)' phải bị từ chối")
        }
    }

    @Test("tỷ lệ trên 100%")
    func percentOver100() throws {
        let d = try first(.percentOver100, in: "don_vi: so-y-te\nphu_luc:\n  phu-luc-ks:\n    hai-long-y-te:\n      2020: 104.5\n")
        expectAt(d, 5, 13)
        #expect(d.message == "tỷ lệ năm 2020 của 'hai-long-y-te' phải từ 0 đến 100 (%), nhưng gặp 104.5")
    }

    @Test("vi phạm ràng buộc: số đúng hạn lớn hơn số tiếp nhận")
    func ruleBroken() throws {
        let d = try first(
            .ruleBroken,
            in: "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan: {2019: 100}\n    ho-so-dung-han: {2019: 120}\n")
        // "    ho-so-dung-han: {2019: " is 27 characters.
        expectAt(d, 5, 28)
        #expect(d.message == "năm 2019: số hồ sơ giải quyết đúng hạn (120) không được lớn hơn số hồ sơ thủ tục hành chính tiếp nhận (100)")
    }

    @Test("chỉ tiêu tính tự động không được ghi")
    func computedIndicator() throws {
        let d = try first(.computedIndicator, in: "don_vi: h-nga-son\nphu_luc:\n  phu-luc-03:\n    ty-le-dung-han: {2019: 99}\n")
        expectAt(d, 4, 5)
        #expect(
            d.message
                == "chỉ tiêu 'ty-le-dung-han' được tính tự động (tự tính = ho-so-dung-han / ho-so-tiep-nhan × 100); không ghi số liệu này")
    }

    @Test(
        "ngày không đúng dạng hoặc không có thật",
        arguments: [
            ("30-04-2020", 4), ("31/04/2020", 4), ("29/02/2019", 4), ("2020/04/30", 4), ("ngày 30", 4),
        ])
    func badDate(word: String, line: Int) throws {
        let d = try first(.badDate, in: "don_vi: h-nga-son\nbao_cao:\n  so: \"1/BC\"\n  ngay: \"\(word)\"\n")
        expectAt(d, line, 9)
        #expect(d.message == "'ngay' phải là một ngày có thật, dạng ngày/tháng/năm như 30/04/2020, nhưng gặp '\(word)'")
    }

    @Test("khóa cấp đầu không có, gợi ý khóa gần nhất")
    func unknownTopLevelKey() throws {
        let d = try first(.unknownKey, in: "don_vi: h-nga-son\nnoi_dungg: {}\n")
        expectAt(d, 2, 1)
        #expect(d.message.hasSuffix("có phải là 'noi_dung'?"))
    }

    @Test("phụ lục không dành cho đơn vị: cảnh báo; --strict biến thành lỗi")
    func notApplicableAppendix() throws {
        let result = Fixtures.load("don_vi: so-cong-thuong\nphu_luc:\n  phu-luc-02:\n    vb-ra-soat: {2019: 1}\n", outline: outline)
        let d = try #require(result.diagnostics.first { $0.kind == .notApplicable })
        expectAt(d, 3, 3, .warning)
        #expect(d.message == "Sở Công Thương không thuộc các đơn vị báo cáo Phụ lục 02; số liệu này sẽ không được tổng hợp")
        #expect([d].hasErrors(strict: true))
        #expect(![d].hasErrors(strict: false))
    }

    @Test("chuyên đề của đơn vị không được giao: lỗi; mục chuyên đề viết nhầm chỗ: cảnh báo có hướng dẫn")
    func thematicMisuse() throws {
        let d = try first(.notApplicable, in: "don_vi: h-nga-son\nchuyen_de:\n  so: \"1\"\n")
        expectAt(d, 2, 1)
        #expect(d.message == "UBND huyện Nga Sơn không được giao báo cáo chuyên đề theo Kế hoạch; bỏ khóa 'chuyen_de'")
        let w = try first(.notApplicable, in: "don_vi: so-y-te\nnoi_dung:\n  dich-vu-y-te: Tốt.\n")
        expectAt(w, 3, 3, .warning)
        #expect(w.message.hasSuffix("hãy viết ở 'chuyen_de.noi_dung.dich-vu-y-te'"))
    }

    @Test("YAML 1.1 không đổi văn bản: no, on, 08, ngày tháng")
    func yaml11Surprises() throws {
        let yaml = """
            don_vi: h-nga-son
            bao_cao:
              so: 08
              ngay: 2020-04-30
            nguoi_ky:
              chuc_vu: on
              ho_ten: no
            noi_dung:
              boi-canh: yes
              han-che: [no, 010, 12:30]
            """
        let result = Fixtures.load(yaml, outline: outline)
        let s = try #require(result.submission)
        #expect(s.report.number == "08")
        #expect(s.report.date == SimpleDate(year: 2020, month: 4, day: 30))
        #expect(s.signer.title == "on")
        #expect(s.signer.name == "no")
        #expect(s.sections["boi-canh"] == .text("yes"))
        #expect(s.sections["han-che"] == .list(["no", "010", "12:30"]))
    }

    @Test("neo và bí danh YAML bị từ chối (chống 'bom bí danh')")
    func anchors() throws {
        let d = try first(.anchorNotAllowed, in: "don_vi: h-nga-son\nnoi_dung:\n  han-che: &a [x]\n  bai-hoc: *a\n")
        // The copy keeps the anchored list's place, which libyaml starts at its anchor "&a" (column 12).
        expectAt(d, 3, 12)
        // A billion-laughs document is refused at once instead of being expanded.
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<30 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(Fixtures.load(bomb, outline: outline).diagnostics.contains { $0.kind == .anchorNotAllowed })
        }
        #expect(elapsed < .seconds(5))
    }

    @Test("lồng quá sâu: lỗi có vị trí, nhanh, không tràn ngăn xếp")
    func tooDeep() throws {
        let yaml =
            "don_vi: h-nga-son\nnoi_dung:\n  boi-canh: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            + "\n"
        let clock = ContinuousClock()
        var found: Diagnostic?
        let elapsed = clock.measure { found = Fixtures.load(yaml, outline: outline).diagnostics.first }
        let d = try #require(found)
        // The two mappings are levels 1 and 2; "  boi-canh: " is 12 characters, so the k-th "[" is at
        // column 12 + k and opens level 2 + k: the 63rd, at column 75, would be level 65.
        expectAt(d, 3, 75)
        #expect(d.message == "các bảng, danh sách lồng nhau quá 64 cấp; bản báo cáo không cần lồng sâu như vậy")
        #expect(elapsed < .seconds(5))
    }

    @Test("tệp trống, tệp chỉ có chú thích, tệp không phải bảng")
    func emptyAndScalarFiles() throws {
        for text in ["", "# chỉ có chú thích\n", "   \n"] {
            let r = Fixtures.load(text, outline: outline)
            #expect(r.submission == nil)
            #expect(r.diagnostics.first?.location.line == 1)
            #expect(r.diagnostics.first?.message.hasPrefix("tệp trống") == true)
        }
        let list = try first(.wrongType, in: "- a\n- b\n")
        expectAt(list, 1, 1)
        #expect(list.message == "bản báo cáo phải là một bảng khóa: giá trị, nhưng gặp một danh sách")
    }

    @Test("mọi lỗi được báo cùng lúc, theo thứ tự dòng")
    func allAtOnce() throws {
        let yaml =
            "don_vi: h-nga-son\nbao_cao:\n  so: \"1\"\n  ngay: \"32/01/2020\"\nphu_luc:\n  phu-luc-03:\n    ho-so-tiep-nhan: {2009: -1, 2012: -2}\n"
        let kinds = Fixtures.load(yaml, outline: outline).diagnostics.filter { $0.severity == .error }.map(\.kind)
        #expect(kinds.contains(.badDate))
        #expect(kinds.contains(.yearOutOfPeriod))
        #expect(kinds.contains(.negative))
        let lines = Fixtures.load(yaml, outline: outline).diagnostics.map(\.location.line)
        #expect(lines == lines.sorted())
    }
}
