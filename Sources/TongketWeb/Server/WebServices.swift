import Foundation
import Logging
import TongketKit

/// Everything the routes use, opened once per server: the database and its stores, the blob
/// store, the outline, the report renderer and the page templates.
public final class WebServices: Sendable {
    public let settings: WebSettings
    public let database: WebDatabase
    public let accounts: AccountStore
    public let sessions: SessionStore
    public let throttle: LoginThrottle
    public let blobs: BlobStore
    public let uploads: UploadStore
    public let renderer: ReportRenderer
    public let pages: PageRenderer
    /// The outline's units in dictionary order of their names, as the board lists them.
    public let unitsByName: [ReportingUnit]

    /// Opens the data folder (database migrated) and loads the templates.
    public init(settings: WebSettings) throws {
        self.settings = settings
        database = try WebDatabase(folder: settings.dataFolder)
        accounts = AccountStore(database: database, cost: settings.bcryptCost)
        sessions = SessionStore(database: database)
        throttle = LoginThrottle(database: database)
        blobs = BlobStore(dataFolder: settings.dataFolder)
        uploads = UploadStore(database: database, blobs: blobs)
        renderer = ReportRenderer(outline: settings.outline, templates: try TemplateSet.load(from: settings.templatesFolder))
        pages = try PageRenderer(templatesFolder: settings.templatesFolder)
        unitsByName = VietnameseOrder.sorted(settings.outline.units) { $0.name }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    /// Where uploads are laid out for the readers, inside the data folder.
    public var scratch: URL { settings.dataFolder.appendingPathComponent("tam") }

    /// The submissions already read and checked, and the draft's sections already made, by
    /// content (`SubmissionCache`, `DraftPieceCache`): a new draft after one upload reads and
    /// merges only what that upload changed.
    public var cacheFolder: URL { settings.dataFolder.appendingPathComponent("bo-nho-dem") }

    /// The submissions' files laid out where every reading finds them at the same path.
    func staged(_ files: [(group: String, file: UploadFile)]) throws -> StagedFiles {
        try StagedFiles(files, blobs: blobs, lasting: settings.dataFolder.appendingPathComponent(StagedFiles.lastingFolderName))
    }

    /// The cache of submissions read, for one request (its warnings are the request's).
    func submissionCache() -> SubmissionCache { SubmissionCache(directory: cacheFolder) }

    /// A cache's warnings (an entry found damaged, a folder that cannot be written) go to the
    /// server's log: the output is right either way, and the folder is the administrator's.
    func log(_ warnings: [String]) {
        for warning in warnings { Logger(label: "tongket-web").warning("\(warning)") }
    }

    /// Where the draft's files and review rounds live.
    public var draftFolder: URL { settings.dataFolder.appendingPathComponent("du-thao") }

    /// Each unit's state as of today.
    public func states() throws -> [String: UnitState] { states(events: try uploads.events()) }

    /// Every unit's state as of today after `events`.
    func states(events: [String: [SubmissionEvent]]) -> [String: UnitState] {
        var result: [String: UnitState] = [:]
        for unit in settings.outline.units {
            result[unit.id] = UnitState(
                events: events[unit.id] ?? [], deadline: settings.outline.programme.unitDeadline, today: settings.today)
        }
        return result
    }

    /// One unit's state as of today.
    public func state(of unit: String) throws -> UnitState {
        UnitState(events: try uploads.events(unit: unit), deadline: settings.outline.programme.unitDeadline, today: settings.today)
    }

    /// Reads an upload's files again (for its report).
    public func check(_ record: UploadRecord) throws -> SubmissionCheck {
        try SubmissionCheck.read(record.files, unit: record.unit, outline: settings.outline, services: self)
    }
}
