extension Outline {
    /// Every unit `unitID` was formed from, directly or through earlier rearrangements, nearest
    /// first: a commune formed in 2025 from one that was itself formed in 2023 names both that
    /// one and its own predecessors. A cycle (refused when the outline is read) cannot loop.
    public func predecessors(of unitID: String) -> [ReportingUnit] {
        var result: [ReportingUnit] = []
        var seen: Set<String> = [unitID]
        var queue = unit(unitID)?.predecessorIDs ?? []
        while !queue.isEmpty {
            let id = queue.removeFirst()
            guard seen.insert(id).inserted, let found = unit(id) else { continue }
            result.append(found)
            queue += found.predecessorIDs
        }
        return result
    }

    /// The units formed during the programme's period from others: those whose figures for the
    /// earlier years belong to other units.
    public var rearrangedUnits: [ReportingUnit] {
        let period = programme.years
        return units.filter { unit in
            guard let formed = unit.formed, !unit.predecessorIDs.isEmpty else { return false }
            return formed > SimpleDate(year: period.lowerBound, month: 1, day: 1) && formed.year <= period.upperBound
        }
    }

    /// Whether the unit is expected to send a report for this review: it still exists on the day
    /// the consolidated draft is due. A unit that ended before then cannot be chased; the unit
    /// formed from it answers for its territory and, for the years before, for its figures.
    public func expectsReport(from unit: ReportingUnit) -> Bool {
        unit.exists(on: programme.consolidatedDeadline)
    }
}
