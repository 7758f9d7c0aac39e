import TongketCore
import TongketDocument

extension Consolidator {
    /// Whose figures one set of tables is: a unit's own, or a predecessor's as its successor
    /// reported them.
    struct FigureSource {
        var unit: ReportingUnit
        var figures: [String: [String: [Int: Double]]]
        /// How many reports each average stands for (a rolled-up report's `so_bao_cao`); 1 when absent.
        var weights: [String: [String: [Int: Double]]] = [:]
    }

    /// Every unit's figures once. A predecessor's figures come from its own (archived) report
    /// when that is among the usable ones, otherwise from the first successor, in the draft's
    /// order, that reports them under `so_lieu_don_vi_cu`; every other copy is left out with a
    /// warning. The unit's own report wins because it is the record the unit signed for the years
    /// it existed, while the successor's block is a report of it made later from the archives;
    /// and the choice then never depends on the order the files were read in.
    func figureSources(_ submissions: [Submission]) -> (sources: [FigureSource], notices: [Diagnostic]) {
        var sources: [FigureSource] = []
        var notices: [Diagnostic] = []
        var own: [String: String] = [:]
        for submission in submissions {
            guard let unit = outline.unit(submission.unitID) else { continue }
            sources.append(FigureSource(unit: unit, figures: submission.figures, weights: submission.rollUp?.weights ?? [:]))
            own[unit.id] = submission.file
        }
        var claimed: [String: String] = [:]
        for submission in submissions {
            let successor = outline.unit(submission.unitID)?.name ?? submission.unitID
            for id in submission.predecessorFigures.keys.sorted() {
                guard let predecessor = outline.unit(id), let figures = submission.predecessorFigures[id] else { continue }
                let place = submission.predecessorPlaces[id] ?? SourceLocation(file: submission.file, line: 1, column: 1)
                if let file = own[id] {
                    notices.append(
                        Diagnostic(
                            .warning, .duplicate, at: place,
                            "số liệu của \(predecessor.name) có cả trong báo cáo riêng của đơn vị này (\(file)); tongket dùng báo cáo riêng, không dùng số liệu \(successor) ghi thay, để không tính hai lần"
                        ))
                    continue
                }
                if let file = claimed[id] {
                    notices.append(
                        Diagnostic(
                            .warning, .duplicate, at: place,
                            "số liệu của \(predecessor.name) đã được ghi trong \(file); tongket dùng số liệu đó, không dùng số liệu \(successor) ghi thay, để không tính hai lần"
                        ))
                    continue
                }
                claimed[id] = submission.file
                sources.append(FigureSource(unit: predecessor, figures: figures))
            }
        }
        return (sources, notices)
    }

    /// Per appendix, indicator and year: sums and stocks added, averages over the units that
    /// reported; ratios are recomputed from their added-up parts when the tables are drawn.
    /// A predecessor reported by its successor is one unit here, as if it had reported itself.
    func totals(of table: AppendixTable, _ sources: [FigureSource]) -> AppendixTotals {
        var contributors: Set<String> = []
        var byUnit: [(unit: ReportingUnit, figures: [String: [Int: Double]])] = []
        // Only what is asked of each indicator for each unit: iterating the indicators themselves
        // copies each one (a retain of every field) once per unit. Running totals are kept by the
        // indicator's place, not its name: a name hashed again for every unit, indicator and year
        // was a twentieth of a consolidation with a warm cache.
        let entered = table.indicators.filter(\.isEntered).map { (id: $0.id, filledBy: $0.filledBy) }
        var slots: [String: Int] = [:]
        for (index, indicator) in entered.enumerated() where slots[indicator.id] == nil { slots[indicator.id] = index }
        let slotOf = entered.map { slots[$0.id] ?? 0 }
        var running = [[Int: Aggregation.Running]](repeating: [:], count: entered.count)
        var reported = [Int](repeating: 0, count: entered.count)
        for source in sources {
            let unit = source.unit
            guard let figures = source.figures[table.id], table.isFilled(by: unit) else { continue }
            byUnit.append((unit, figures))
            let tableWeights = source.weights[table.id]
            var contributed = false
            for (index, (id, filledBy)) in entered.enumerated() where Indicator.isFilled(by: unit, filledBy) {
                guard let series = figures[id], !series.isEmpty else { continue }
                let slot = slotOf[index]
                reported[slot] += 1
                contributed = true
                let weights = tableWeights?[id]
                for (year, value) in series {
                    running[slot][year, default: Aggregation.Running()].add(value, weight: weights?[year] ?? 1)
                }
            }
            if contributed { contributors.insert(unit.id) }
        }
        var values: [String: [Int: Aggregation.Running]] = [:]
        var reporters: [String: Int] = [:]
        for (id, slot) in slots where reported[slot] > 0 {
            values[id] = running[slot]
            reporters[id] = reported[slot]
        }
        var figures: [String: [Int: Double]] = [:]
        var weights: [String: [Int: Double]] = [:]
        for indicator in table.indicators where indicator.isEntered {
            for (year, running) in values[indicator.id] ?? [:] {
                figures[indicator.id, default: [:]][year] = running.combined(by: indicator.aggregation)
                if indicator.aggregation == .average { weights[indicator.id, default: [:]][year] = running.weight }
            }
        }
        for indicator in table.indicators {
            guard case .ratio(let top, let bottom) = indicator.aggregation else { continue }
            reporters[indicator.id] = min(reporters[top] ?? 0, reporters[bottom] ?? 0)
        }
        return AppendixTotals(
            table: table, figures: figures, reporters: reporters, contributors: contributors, byUnit: byUnit, weights: weights)
    }
}
