/// A sentence of the outline bound to the consolidated figures (`cau_so_lieu` on a section):
/// plain text with named figures in braces, filled from the aggregated appendices when the
/// province's draft is made, so that every figure the body states is its appendix cell.
///
/// Named figures, each `{NAME:APPENDIX/INDICATOR}` but the last:
/// - `ca-ky` — the whole period's figure (the appendix's last column), with its unit: "1.010.221 hồ sơ";
/// - `gd1`, `gd2`, … — phase N's figure (its phase column);
/// - `nam-2020` — one year's figure (its year column);
/// - `chenh-lech` — the last phase against the one before, in the indicator's unit: "tăng 5 thủ
///   tục", "giảm 3 người", for a percentage "tăng 6,71 điểm phần trăm";
/// - `tang-giam` — the same as a share of the earlier phase: "tăng 46,4%";
/// - `so-don-vi` — how many units reported it of those expected: "7/52 đơn vị";
/// - `cao-nhat`, `thap-nhat` — the unit with the highest (lowest) figure for the whole period,
///   with that figure: "Sở Tư pháp (92,95%)"; units tied on the printed figure are all named;
///   stated only when at least two units reported it;
/// - `{muc-tieu-dat}` — how many of the outline's targets are met: "2/3 mục tiêu".
public struct FigureSentence: Sendable, Equatable {
    /// One named figure.
    public struct Figure: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case wholePeriod
            case phase(Int)
            case year(Int)
            case change
            case percentChange
            case reporters
            case highest
            case lowest
            case targetsMet
        }

        public var kind: Kind
        public var appendixID: String
        public var indicatorID: String
    }

    /// The sentence as written, braces and all.
    public var text: String
    /// The named figures, in order, with where each stands in `text`.
    public var figures: [(range: Range<String.Index>, figure: Figure)]

    public static func == (a: FigureSentence, b: FigureSentence) -> Bool {
        a.text == b.text && a.figures.map(\.figure) == b.figures.map(\.figure)
    }

    /// Reads a sentence; a problem is a message naming the brace and what is wrong.
    public static func parse(_ text: String) -> Result<FigureSentence, FigureSentenceError> {
        var figures: [(Range<String.Index>, Figure)] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            guard let close = text[open...].firstIndex(of: "}") else {
                return .failure(FigureSentenceError(message: "thiếu dấu '}' đóng số liệu mở ở '\(text[open...].prefix(30))'"))
            }
            let body = String(text[text.index(after: open)..<close])
            switch figure(body) {
            case .success(let figure): figures.append((open..<text.index(after: close), figure))
            case .failure(let error): return .failure(error)
            }
            index = text.index(after: close)
        }
        return .success(FigureSentence(text: text, figures: figures))
    }

    private static func figure(_ body: String) -> Result<Figure, FigureSentenceError> {
        if body == "muc-tieu-dat" { return .success(Figure(kind: .targetsMet, appendixID: "", indicatorID: "")) }
        let parts = body.split(separator: ":", maxSplits: 1).map(String.init)
        let path = parts.count == 2 ? parts[1].split(separator: "/").map(String.init) : []
        guard parts.count == 2, path.count == 2, !path[0].isEmpty, !path[1].isEmpty else {
            return .failure(
                FigureSentenceError(
                    message: "số liệu '{\(body)}' phải có dạng {TÊN:PHỤ_LỤC/CHỈ_TIÊU}, ví dụ {ca-ky:phu-luc-03/ho-so-tiep-nhan}"))
        }
        let name = parts[0]
        let kind: Figure.Kind
        switch name {
        case "ca-ky": kind = .wholePeriod
        case "chenh-lech": kind = .change
        case "tang-giam": kind = .percentChange
        case "so-don-vi": kind = .reporters
        case "cao-nhat": kind = .highest
        case "thap-nhat": kind = .lowest
        default:
            if name.hasPrefix("gd"), let n = Int(name.dropFirst(2)), n >= 1 {
                kind = .phase(n)
            } else if name.hasPrefix("nam-"), let year = Int(name.dropFirst(4)) {
                kind = .year(year)
            } else {
                return .failure(
                    FigureSentenceError(
                        message:
                            "số liệu '{\(body)}': '\(name)' không có; dùng ca-ky, gd1, gd2, …, nam-NĂM, chenh-lech, tang-giam, so-don-vi, cao-nhat, thap-nhat hoặc {muc-tieu-dat}"
                    ))
            }
        }
        return .success(Figure(kind: kind, appendixID: path[0], indicatorID: path[1]))
    }
}

/// What is wrong with a bound sentence, in Vietnamese.
public struct FigureSentenceError: Error, Sendable, Equatable {
    public var message: String
}
