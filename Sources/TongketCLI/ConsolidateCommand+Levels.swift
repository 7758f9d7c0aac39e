import Foundation
import TongketKit

extension ConsolidateCommand {
    /// `--levels`: every unit below `scope` that has a folder of its children's reports beside
    /// the reports being read (`DIR/MÃ/`) is rolled up first, deepest first, in this one run (the
    /// outline read once), its report written to the output folder's `MÃ/` and its roll-up to
    /// `DIR/MÃ.yaml`, where the level above reads it (replacing only an earlier roll-up).
    func rollUpBelow(_ scope: String?, folders: [String], outline: Outline, renderer: ReportRenderer, in here: Workspace?) throws {
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            try rollUp(below: scope, in: folder, outline: outline, renderer: renderer, here: here)
        }
    }

    private func rollUp(below scope: String?, in folder: String, outline: Outline, renderer: ReportRenderer, here: Workspace?) throws {
        for child in outline.children(of: scope) where outline.hasChildren(child.id) {
            let below = (folder as NSString).appendingPathComponent(child.id)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: below, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            try rollUp(below: child.id, in: below, outline: outline, renderer: renderer, here: here)
            let reports = output.directory.appendingPathComponent(child.id)
            let target = URL(fileURLWithPath: folder).appendingPathComponent(child.submissionFileName)
            try consolidate(
                [below], for: child, outline: outline, renderer: renderer, in: here, into: reports, destination: .directory(reports),
                rollUpTo: target)
        }
    }
}
