import TongketCore

/// Fills the outline's bound sentences (`cau_so_lieu`) from the consolidated appendices. Each
/// figure is written exactly as the appendix writes its cell (same rule, same decimals, the same
/// Vietnamese form); a sentence with a figure that has no data yet is left out whole rather than
/// stated with a gap.
struct FigureSentenceFiller {
    let consolidation: Consolidation
    let programme: Programme

    /// The filled sentences of `section`, joined as one paragraph, or nil when none can be stated.
    func paragraph(for section: Section) -> String? {
        let filled = section.figureSentences.compactMap(fill)
        return filled.isEmpty ? nil : filled.joined(separator: " ")
    }

    /// One sentence with every named figure in place, or nil when one is missing.
    func fill(_ sentence: FigureSentence) -> String? {
        var text = ""
        var index = sentence.text.startIndex
        for (range, figure) in sentence.figures {
            text += sentence.text[index..<range.lowerBound]
            guard let value = stated(figure) else { return nil }
            text += value
            index = range.upperBound
        }
        text += sentence.text[index...]
        return text
    }

    /// The text of one named figure.
    func stated(_ figure: FigureSentence.Figure) -> String? {
        if figure.kind == .targetsMet {
            let judged = consolidation.targets.compactMap(\.met)
            guard !judged.isEmpty else { return nil }
            return "\(judged.filter { $0 }.count)/\(consolidation.targets.count) mục tiêu"
        }
        guard let totals = consolidation.appendices.first(where: { $0.table.id == figure.appendixID }),
            let indicator = totals.table.indicator(figure.indicatorID), (totals.reporters[indicator.id] ?? 0) > 0
        else { return nil }
        func value(_ years: ClosedRange<Int>) -> Double? {
            Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: years)
        }
        let phases = programme.phases.map { $0.firstYear...$0.lastYear }
        switch figure.kind {
        case .wholePeriod: return value(programme.years).map { measured(indicator.format($0), indicator) }
        case .phase(let n):
            guard n <= phases.count else { return nil }
            return value(phases[n - 1]).map { measured(indicator.format($0), indicator) }
        case .year(let year):
            guard programme.years.contains(year) else { return nil }
            return value(year...year).map { measured(indicator.format($0), indicator) }
        case .change, .percentChange:
            guard phases.count >= 2, let before = value(phases[phases.count - 2]), let after = value(phases[phases.count - 1]) else {
                return nil
            }
            // Computed from the two cells as printed, so that the sentence agrees with what a
            // reader can work out from the table.
            let a = shown(before, indicator)
            let b = shown(after, indicator)
            if b == a { return "không đổi" }
            let word = b > a ? "tăng" : "giảm"
            if figure.kind == .change {
                let amount = indicator.format(abs(b - a))
                return indicator.measure == "%" ? "\(word) \(amount) điểm phần trăm" : "\(word) \(measured(amount, indicator))"
            }
            guard a != 0 else { return nil }
            return "\(word) \(VietnameseFormat.number(abs(b - a) / abs(a) * 100, decimals: 1))%"
        case .reporters:
            return "\(totals.reporters[indicator.id] ?? 0)/\(consolidation.expectedCount) đơn vị"
        case .highest, .lowest: return extreme(indicator, in: totals, highest: figure.kind == .highest)
        case .targetsMet: return nil
        }
    }

    /// "Sở Tư pháp (92,95%)": the unit whose own whole-period figure, worked out by the
    /// indicator's rule from its own figures alone (a ratio from its own parts), is the highest or
    /// the lowest as printed; ties name every tied unit in the draft's order. Nil below two units,
    /// where "the highest" says nothing.
    func extreme(_ indicator: Indicator, in totals: AppendixTotals, highest: Bool) -> String? {
        let values = totals.byUnit.compactMap { entry -> (name: String, value: Double)? in
            guard let value = Aggregation.value(of: indicator, in: totals.table, figures: entry.figures, years: programme.years)
            else { return nil }
            return (entry.unit.name, shown(value, indicator))
        }
        guard values.count >= 2 else { return nil }
        let target = highest ? values.map(\.value).max() : values.map(\.value).min()
        guard let target else { return nil }
        let names = values.filter { $0.value == target }.map(\.name)
        return "\(names.joined(separator: ", ")) (\(measured(indicator.format(target), indicator)))"
    }

    /// A value as its cell shows it: rounded to the indicator's decimals (two where it declares
    /// none, as `VietnameseFormat.number` writes it).
    func shown(_ value: Double, _ indicator: Indicator) -> Double {
        let scale = (0..<(indicator.decimals ?? 2)).reduce(1.0) { total, _ in total * 10 }
        return (value * scale).rounded() / scale
    }

    /// A figure with its unit of measure: "1.010.221 hồ sơ", "92,89%".
    func measured(_ number: String, _ indicator: Indicator) -> String {
        indicator.measure == "%" ? number + "%" : indicator.measure.isEmpty ? number : "\(number) \(indicator.measure)"
    }
}
