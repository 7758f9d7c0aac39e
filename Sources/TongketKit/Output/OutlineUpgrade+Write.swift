import Foundation
import TongketCore

extension OutlineUpgrade {
    /// Writes each changed file of the outline folder through a temporary file beside it and a
    /// rename, so that a run killed half-way leaves every file either as it was or upgraded.
    /// The files are the user's own: replacing them is what was asked for.
    public func write() throws(FileError) {
        for change in changes { try OutputFile.write(change.upgraded, to: change.url, overwrite: .always) }
    }
}
