import ArgumentParser
import Foundation
import TongketKit

/// `-o` and `--report`: which report's outputs and versions, shared by review, versions and diff.
struct ReportChoice: ParsableArguments {
    @Option(name: .short, help: ArgumentHelp("Thư mục chứa tệp kết quả của báo cáo (mặc định: thư mục hiện tại).", valueName: "thư-mục"))
    var output: String = "."
    @Option(help: ArgumentHelp("Tên báo cáo: bao-cao-tong-hop (mặc định) hoặc mã đơn vị như so-tu-phap.", valueName: "tên"))
    var report: String = "bao-cao-tong-hop"

    var store: VersionStore { VersionStore(directory: URL(fileURLWithPath: output), report: report) }

    /// A report's name becomes a folder under phien-ban/: only the names tongket gives files
    /// (lower-case letters, digits, '-' and '.'), never a path.
    func validate() throws {
        let allowed = report.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
        if report.isEmpty || !allowed || report.hasPrefix(".") || report.contains("..") {
            throw ValidationError(
                "--report phải là tên tệp kết quả không có phần mở rộng, như bao-cao-tong-hop hay so-tu-phap, nhưng gặp '\(report)'")
        }
    }

    /// The report's outputs that exist, in the order md, html, docx.
    var outputs: [URL] {
        DocumentFormat.allCases.map { URL(fileURLWithPath: output).appendingPathComponent("\(report).\($0.rawValue)") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Ghi kết quả hiện tại của một báo cáo thành một phiên bản (lần 1, 2, 3…) không sửa được.",
        discussion: """
            Phiên bản nằm trong THƯ_MỤC/phien-ban/TÊN/lan-NN/: bản sao các tệp kết quả (.md, .html, .docx) và phien-ban.yaml \
            (lần, trạng thái, người rà soát, ngày, ghi chú, SHA-256 của từng tệp kết quả và từng tệp nguồn, SHA-256 của phiên \
            bản trước). Phiên bản chỉ được thêm, không bao giờ bị ghi đè; một lần ghi bị ngắt để nguyên lịch sử. \
            Dấu "DỰ THẢO LẦN N" trên kết quả phải khớp với lần sắp ghi; bản hoàn thiện (dựng với --final) không có dấu.
            """)

    @OptionGroup var choice: ReportChoice
    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @Option(help: ArgumentHelp("Trạng thái: \(ReviewStatus.choices).", valueName: "trạng-thái")) var status: String
    @Option(help: ArgumentHelp("Người rà soát (họ tên, chức vụ).", valueName: "họ-tên")) var reviewer: String
    @Option(help: ArgumentHelp("Ngày rà soát, ngày/tháng/năm (mặc định: hôm nay).", valueName: "ngày")) var date: String?
    @Option(help: ArgumentHelp("Ghi chú cho phiên bản.", valueName: "ghi-chú")) var note: String = ""
    @Argument(help: ArgumentHelp("Các tệp hay thư mục báo cáo đã dùng để lập kết quả (mặc định: ví dụ đi kèm).", valueName: "nguồn"))
    var inputs: [String] = []

    func validate() throws {
        if ReviewStatus.parse(status) == nil { throw ValidationError("--status phải là một trong: \(ReviewStatus.choices)") }
        if reviewer.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reviewer không được để trống") }
        if let date, VietnameseDate.parse(date) == nil {
            throw ValidationError("--date phải là một ngày có thật, dạng ngày/tháng/năm như 15/06/2020, nhưng gặp '\(date)'")
        }
    }

    func run() throws {
        let store = choice.store
        let problems = store.verify()
        if !problems.isEmpty {
            for problem in problems { Console.error(problem.description) }
            Console.error(
                "tongket: lỗi: lịch sử phiên bản của '\(choice.report)' bị hỏng; không ghi thêm phiên bản (xem 'tongket versions --verify')"
            )
            throw Exit.invalidInput
        }
        let outputs = choice.outputs
        guard !outputs.isEmpty else {
            Console.error(
                "tongket: lỗi: không có tệp kết quả \(choice.report).md, .html hay .docx trong \(choice.output); chạy 'tongket consolidate' hoặc 'tongket render' trước"
            )
            throw Exit.invalidInput
        }
        for url in outputs {
            guard let data = try? Data(contentsOf: url), ReportRenderer.isGenerated([UInt8](data)) else {
                Console.error("\(url.path): lỗi: tệp không do tongket tạo ra; chỉ ghi phiên bản của kết quả do tongket dựng")
                throw Exit.invalidInput
            }
        }
        let round = store.nextRound
        let reviewStatus = ReviewStatus.parse(status) ?? .draft
        try checkMark(outputs, round: round, status: reviewStatus)
        if let last = store.rounds().last, let manifest = try? store.manifest(round: last) {
            let current = try outputs.map { FileDigest(name: $0.lastPathComponent, sha256: try SHA256Hex.of(fileAt: $0)) }
            if current == manifest.files {
                Console.error("tongket: lỗi: kết quả không thay đổi so với lần \(last); không ghi phiên bản trùng")
                throw Exit.invalidInput
            }
        }
        let sources = try sourceFiles()
        let manifest: VersionManifest
        do {
            manifest = try store.record(
                outputs: outputs, inputs: sources, status: reviewStatus, reviewer: reviewer.trimmingCharacters(in: .whitespaces),
                date: date.flatMap(VietnameseDate.parse) ?? SimpleDate.today(), note: note)
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
        Console.error(
            "đã ghi phiên bản lần \(manifest.round) (\(manifest.status.rawValue)) của '\(choice.report)': "
                + "\(manifest.files.count) tệp kết quả, \(manifest.inputs.count) tệp nguồn, vào \(store.folder(round: manifest.round).path)"
        )
    }

    /// The draft mark on the outputs must be this round's; a final version carries none.
    func checkMark(_ outputs: [URL], round: Int, status: ReviewStatus) throws {
        for url in outputs where url.pathExtension != "docx" {
            let marked = VersionStore.markedRound(in: (try? Data(contentsOf: url)) ?? Data())
            if status == .final, marked != nil {
                Console.error("\(url.path): lỗi: bản hoàn thiện không được mang dấu DỰ THẢO; dựng lại với --final rồi ghi")
                throw Exit.invalidInput
            }
            if let marked, marked != round {
                Console.error(
                    "\(url.path): lỗi: kết quả mang dấu 'DỰ THẢO LẦN \(marked)' nhưng phiên bản sắp ghi là lần \(round); dựng lại báo cáo để dấu khớp lần"
                )
                throw Exit.invalidInput
            }
        }
    }

    /// Every file the outputs came from: the submissions, the outline and the templates.
    func sourceFiles() throws -> [(shown: String, url: URL)] {
        let submissions = SubmissionFiles.expand(try SubmissionInputs.resolve(inputs))
        var files = submissions.map { ($0, URL(fileURLWithPath: $0)) }
        for folder in [try outline.url(), try templates.url()] {
            files += Self.files(under: folder)
        }
        return files
    }

    static func files(under folder: URL) -> [(shown: String, url: URL)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var paths: [String] = []
        while let path = enumerator.nextObject() as? String { paths.append(path) }
        return paths.sorted().compactMap { path in
            let url = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            return (url.path, url)
        }
    }
}

struct VersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions",
        abstract: "Liệt kê các phiên bản đã ghi của báo cáo; với --verify, kiểm tra không phiên bản nào bị sửa, thiếu hay thay.",
        discussion: "Mã thoát 1 khi --verify thấy một phiên bản không còn như lúc ghi.")

    @OptionGroup var choice: ReportChoice
    @Flag(help: "Kiểm tra từng tệp của mọi phiên bản với SHA-256 đã ghi và chuỗi phiên bản.") var verify = false

    func run() throws {
        let store = choice.store
        let rounds = store.rounds()
        if rounds.isEmpty {
            Console.out("'\(choice.report)' chưa có phiên bản nào trong \(store.root.path)\n")
        } else {
            var out = "Phiên bản của '\(choice.report)':\n"
            for round in rounds {
                guard let manifest = try? store.manifest(round: round) else {
                    out += "  lần \(round)  (tệp phiên bản hỏng)\n"
                    continue
                }
                let note = manifest.note.isEmpty ? "" : " — \(manifest.note)"
                out +=
                    "  lần \(round)  \(manifest.date)  \(manifest.status.rawValue)  \(manifest.reviewer)  (\(manifest.files.count) tệp)\(note)\n"
            }
            Console.out(out)
        }
        guard verify else { return }
        let problems = store.verify()
        for problem in problems { Console.error(problem.description) }
        if !problems.isEmpty {
            Console.error("tongket: lỗi: \(problems.count) chỗ không còn như lúc ghi")
            throw Exit.invalidInput
        }
        Console.error("mọi phiên bản còn nguyên như lúc ghi (\(rounds.count) lần)")
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "So sánh hai phiên bản của báo cáo: đoạn nào sửa, thêm, bỏ, từ nào đổi.",
        discussion: """
            A và B là số lần đã ghi (1, 2…), 'hien-tai' (tệp .md hiện có trong thư mục) hoặc đường dẫn tới một tệp .md. \
            Số thứ tự mục chỉ dịch đi vì mục khác được thêm, bớt không bị coi là thay đổi. \
            --html ghi thêm bản so sánh in được: chữ thêm gạch dưới, chữ bỏ gạch ngang, mục không đổi được gấp lại.
            """)

    @OptionGroup var choice: ReportChoice
    @Argument(help: ArgumentHelp("Bản cũ.", valueName: "A")) var old: String
    @Argument(help: ArgumentHelp("Bản mới (mặc định: hien-tai).", valueName: "B")) var new: String = "hien-tai"
    @Option(help: ArgumentHelp("Ghi bản so sánh dạng HTML vào tệp này.", valueName: "tệp")) var html: String?

    func run() throws {
        if !choice.store.verify().isEmpty {
            Console.error("tongket: cảnh báo: có phiên bản không còn như lúc ghi; so sánh có thể sai (xem 'tongket versions --verify')")
        }
        let (oldText, oldName) = try side(old)
        let (newText, newName) = try side(new)
        let redline = Redline.compare(old: oldText, new: newText)
        let title = "So sánh '\(choice.report)': \(oldName) → \(newName)"
        Console.out(RedlineWriter.text(redline, title: title))
        guard let html else { return }
        let url = URL(fileURLWithPath: html)
        do {
            try OutputFile.write(
                Data(RedlineWriter.html(redline, title: "So sánh các phiên bản", legend: "\(choice.report): \(oldName) → \(newName)").utf8),
                to: url, overwrite: .ifMadeByTongket(isOurs: { ReportRenderer.isGenerated([UInt8]($0)) }))
            Console.error("đã ghi \(html)")
        } catch {
            Console.error(error.description)
            throw Exit.outputFailed
        }
    }

    /// The Markdown of one side and how to name it.
    func side(_ word: String) throws -> (String, String) {
        let store = choice.store
        if let round = Int(word) {
            guard store.rounds().contains(round) else {
                Console.error(
                    "tongket: lỗi: '\(choice.report)' không có lần \(round) (có: \(store.rounds().map(String.init).joined(separator: ", ")))"
                )
                throw Exit.invalidInput
            }
            let url = store.folder(round: round).appendingPathComponent("\(choice.report).md")
            let name = (try? store.manifest(round: round)).map { "lần \(round) (\($0.status.rawValue), \($0.date))" } ?? "lần \(round)"
            return (try read(url), name)
        }
        if word == "hien-tai" || word == "hiện-tại" {
            return (try read(URL(fileURLWithPath: choice.output).appendingPathComponent("\(choice.report).md")), "hiện tại")
        }
        return (try read(URL(fileURLWithPath: word)), word)
    }

    func read(_ url: URL) throws -> String {
        guard let data = try? Data(contentsOf: url) else {
            Console.error("\(url.path): lỗi: không đọc được tệp Markdown để so sánh (phiên bản cần có tệp .md)")
            throw Exit.invalidInput
        }
        return String(decoding: data, as: UTF8.self)
    }
}
