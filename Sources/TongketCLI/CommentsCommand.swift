import ArgumentParser
import Foundation
import TongketKit

struct CommentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract: "Lập bảng tổng hợp tiếp thu, giải trình ý kiến góp ý dự thảo (Markdown, HTML, Word) từ các tệp góp ý.",
        discussion: """
            Mỗi cơ quan góp ý một tệp YAML (xem docs/gop-y.md): các ý kiến gắn với mục của đề cương, cách xử lý \
            (tiếp thu, tiếp thu một phần, giải trình) và nội dung giải trình. Bảng xếp theo mục, theo thứ tự của đề cương. \
            Ý kiến gắn với mục không còn trong đề cương được báo (tệp:dòng:cột) và xếp vào một nhóm riêng. \
            Tệp có lỗi được báo và không đưa vào bảng; với --strict thì dừng (mã 1), không ghi bảng.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var outline: OutlineOptions
    @OptionGroup var templates: TemplateOptions
    @OptionGroup var output: RenderOutputOptions
    @Flag(help: "Dừng nếu có tệp lỗi (coi cả cảnh báo là lỗi).") var strict = false
    @Flag(
        help:
            "Bảng chính thức: không có dấu DỰ THẢO; chỉ lập khi mọi ý kiến đã được xử lý (còn ý kiến chưa xử lý thì báo từng ý kiến và dừng, mã 1)."
    )
    var final = false
    @Argument(
        help: ArgumentHelp("Thư mục hoặc các tệp góp ý (mặc định: thư mục góp ý của thư mục làm việc).", valueName: "thư-mục"))
    var inputs: [String] = []

    func validate() throws { try output.check() }

    mutating func run() throws {
        let here = try workspace.enter()
        output.adopt(here)
        let loaded = try outline.load(in: here)
        let renderer = try output.renderer(templates, for: loaded, in: here)
        let paths = try SubmissionInputs.resolve(inputs, .comments, in: here)
        let folder = CommentFolder.read(paths, outline: loaded, strict: strict)
        // A final table turns "not handled yet" from a warning into the error below.
        let unhandled = final ? CommentSet.unhandled(folder.sets) : []
        let unhandledLines = Set(unhandled.map { "\($0.location.file):\($0.location.line)" })
        for file in folder.files {
            for diagnostic in file.diagnostics
            where diagnostic.severity == .error || !unhandledLines.contains("\(diagnostic.location.file):\(diagnostic.location.line)") {
                Console.error(diagnostic.description)
            }
            if file.set == nil { Console.error("\(file.path): không đưa vào bảng vì tệp có lỗi") }
        }
        let problems = folder.leftOut
        if strict && problems > 0 {
            Console.error("tongket: lỗi: \(problems) tệp có lỗi; không ghi bảng vì có --strict")
            throw Exit.invalidInput
        }
        if !unhandled.isEmpty {
            for comment in unhandled {
                Console.error("\(comment.location.shown): lỗi: ý kiến về mục “\(comment.sectionKey)” chưa được xử lý (chưa có 'xu_ly')")
            }
            Console.error(
                "tongket: lỗi: còn \(unhandled.count) ý kiến chưa xử lý; bảng chính thức (--final) chỉ lập khi mọi ý kiến đã được xử lý, không ghi bảng"
            )
            throw Exit.invalidInput
        }
        let document: RenderedDocument
        do {
            document = try renderer.commentsTable(folder.sets, formats: output.formats, final: final)
        } catch {
            Console.error(error.description)
            throw Exit.code(for: error)
        }
        try output.emit([document])
        let leftOut = problems > 0 ? "; \(problems) tệp lỗi không được đưa vào" : ""
        Console.error("\(folder.commentCount) ý kiến của \(folder.sets.count) cơ quan, đơn vị\(leftOut)")
        if problems > 0 { throw Exit.invalidInput }
    }

}
