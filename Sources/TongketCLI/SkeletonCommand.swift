import ArgumentParser
import Foundation
import TongketKit

struct SkeletonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skeleton",
        abstract: "Tạo tệp báo cáo mẫu cho một đơn vị: các mục phải viết kèm hướng dẫn, bảng số liệu phụ lục để trống.",
        discussion: "Tệp mẫu không bao giờ ghi đè lên tệp đã có (bản báo cáo đơn vị đang viết) trừ khi thêm --force.")

    @OptionGroup var outline: OutlineOptions
    @Option(help: ArgumentHelp("Mã đơn vị (xem 'tongket outline --units').", valueName: "mã")) var unit: String?
    @OptionGroup var templates: TemplateOptions
    @Flag(help: "Chỉ ghi tệp YAML, không dựng bản mẫu báo cáo (.md, .html, .docx).") var yamlOnly = false
    @Option(
        help: ArgumentHelp("Định dạng bản mẫu, cách nhau bởi dấu phẩy: md, html, docx (mặc định: md,html,docx).", valueName: "định-dạng"))
    var format: String = "md,html,docx"
    @Flag(help: "Tạo tệp mẫu cho mọi đơn vị trong danh mục.") var all = false
    @Option(
        name: .short,
        help: ArgumentHelp("Thư mục kết quả, hoặc - để in tệp mẫu ra màn hình (mặc định: thư mục hiện tại).", valueName: "thư-mục"))
    var output: String = "."
    @Flag(help: "Ghi đè tệp đã có.") var force = false

    func validate() throws {
        if all == (unit != nil) { throw ValidationError("cần đúng một trong hai: --unit MÃ hoặc --all") }
        if all && output == "-" { throw ValidationError("--all cần một thư mục kết quả, không dùng -o -") }
        _ = try FormatOption.checked(format)
    }

    var formats: [DocumentFormat] { FormatOption.formats(format) }

    func run() throws {
        let loaded = try outline.load()
        let units: [ReportingUnit]
        if let unit {
            guard let found = loaded.unit(unit) else {
                let hint =
                    Suggestion.nearest(to: unit, in: loaded.units.map(\.id)).map { "; có phải là '\($0)'?" }
                    ?? "; xem 'tongket outline --units'"
                Console.error("tongket: lỗi: mã đơn vị '\(unit)' không có trong danh mục\(hint)")
                throw Exit.invalidInput
            }
            units = [found]
        } else {
            units = loaded.units
        }
        if output == "-", let only = units.first {
            Console.out(SkeletonWriter.yaml(for: only, outline: loaded))
            return
        }
        let directory = URL(fileURLWithPath: output)
        let renderer = yamlOnly ? nil : try templates.renderer(for: loaded)
        var failed = false
        for unit in units {
            let target = directory.appendingPathComponent(SkeletonWriter.fileName(for: unit))
            do throws(OutputError) {
                try OutputFile.write(
                    Data(SkeletonWriter.yaml(for: unit, outline: loaded).utf8), to: target, overwrite: force ? .always : .never)
                Console.error("đã ghi \(target.relativePathForDisplay(output))")
            } catch {
                Console.error(error.description)
                failed = true
            }
            guard let renderer else { continue }
            let document: RenderedDocument
            do {
                document = try renderer.skeleton(for: unit, formats: formats)
            } catch {
                Console.error(error.description)
                throw Exit.invalidTemplates
            }
            do throws(OutputError) {
                // The rendered skeleton is tongket's own output, so it may replace an earlier one;
                // the YAML above is the unit's work and is never replaced without --force.
                for url in try DocumentWriter.write([document], formats: formats, to: directory, force: force) {
                    Console.error("đã ghi \(url.relativePathForDisplay(output))")
                }
            } catch {
                Console.error(error.description)
                failed = true
            }
        }
        let schema = directory.appendingPathComponent(SkeletonWriter.schemaFileName(for: loaded))
        let schemaData = try SchemaGenerator.json(for: loaded)
        do throws(OutputError) {
            try OutputFile.write(schemaData, to: schema, overwrite: force ? .always : .ifMadeByTongket(isOurs: SchemaGenerator.isGenerated))
        } catch {
            Console.error(error.description)
            failed = true
        }
        if failed { throw Exit.outputFailed }
    }
}

extension URL {
    /// The path as the user would expect to see it: under the folder they named.
    func relativePathForDisplay(_ base: String) -> String {
        base == "." ? lastPathComponent : (base as NSString).appendingPathComponent(lastPathComponent)
    }
}
