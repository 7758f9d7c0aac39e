import Testing

@testable import TongketCore

@Suite("Giá trị rỗng trong YAML")
struct NodeReaderTests {
    /// The words YAML 1.1 and 1.2 read as null when written plain, and near misses that are text.
    @Test("chỉ ô trống, ~ và null/Null/NULL không có ngoặc là rỗng")
    func nullWords() throws {
        let yaml = """
            a:
            b: ~
            c: null
            d: Null
            e: NULL
            f: nulL
            g: '~'
            h: ""
            i: nul
            j: ~~
            k: "null"
            l: nulls
            m: 0
            n: [1]
            """
        let root = try #require(try YAMLInput.parse(yaml, file: "a.yaml"))
        guard case .mapping(let mapping) = root else {
            Issue.record("không phải bảng khóa")
            return
        }
        var nulls: [String] = []
        for (key, value) in mapping {
            guard case .scalar(let name) = key else { continue }
            if NodeReader.isNull(value) { nulls.append(name.string) }
        }
        #expect(nulls == ["a", "b", "c", "d", "e"])
    }
}
