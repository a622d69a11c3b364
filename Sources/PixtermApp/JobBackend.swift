import Foundation
import Gallery
import Logging
import PixapiKit
import PixapiSimulator
import PixtermCore

/// Where jobs go and where their results land: the real API and gallery, or the demo's
/// simulator and its own gallery, so demo images never mix with paid ones.
///
/// The composition root: the one place that opens the gallery and the journal and connects
/// them to an API client and a job runner, for the UI, the demo and the CLI commands.
public struct JobBackend: Sendable {
    public let gallery: GalleryBrowserSource
    public let journal: TaskJournal
    /// Every paid request sent from this data folder (the demo has its own), beside the journal.
    public let ledger: SpendLedger
    /// nil when no key is configured; `missingKey` says how to add one.
    public let runner: JobRunner?
    public let client: PixapiClient?
    public let missingKey: PixapiError?

    /// The real API with the configured key (if any) and gallery. `logger` gets the client's
    /// requests and the runner's journal steps; `onClientEvent` its retries.
    public static func live(
        settings: PixtermSettings, logger: Logger = .disabled, onClientEvent: @escaping @Sendable (ClientEvent) -> Void = { _ in }
    ) throws(PixapiError) -> JobBackend {
        let configuration: Result<ClientConfiguration, PixapiError>
        do throws(PixapiError) { configuration = .success(try settings.clientConfiguration()) } catch { configuration = .failure(error) }
        return try open(
            gallery: settings.gallery, journal: settings.paths.journalDirectory, budgets: settings.budgets, usdPerCredit: settings.prices.usdPerCredit,
            client: configuration, logger: logger, onClientEvent: onClientEvent
        )
    }

    /// The in-process simulator on loopback, with a gallery and journal under the data folder's
    /// `demo/`; the gallery is the one `--gallery` named instead, when it did, since an explicit
    /// flag wins (the environment's or config's gallery is the everyday one and stays apart).
    public static func demo(
        settings: PixtermSettings, logger: Logger = .disabled, onClientEvent: @escaping @Sendable (ClientEvent) -> Void = { _ in }
    ) async throws -> (JobBackend, RunningSimulator) {
        let simulator = try await Simulator.start(SimulatorConfiguration(taskDuration: .milliseconds(1500), catalog: settings.catalog, prices: settings.prices))
        let root = settings.paths.dataDirectory.appendingPathComponent("demo")
        do {
            let backend = try open(
                gallery: settings.galleryFlag ?? root.appendingPathComponent("gallery"), journal: root.appendingPathComponent("journal"),
                budgets: settings.budgets, usdPerCredit: settings.prices.usdPerCredit, client: .success(ClientConfiguration(baseURL: simulator.baseURL, apiKey: "demo")), logger: logger,
                onClientEvent: onClientEvent
            )
            return (backend, simulator)
        } catch {
            await simulator.shutdown()
            throw error
        }
    }

    /// The gallery at `gallery` and the journal and ledger in `journal`, with a client and runner
    /// held to `budgets` when `client` holds a configuration (else its error is kept as `missingKey`).
    /// A new ledger first takes in the requests the gallery and journal know of (`usdPerCredit` prices them).
    static func open(
        gallery folder: URL, journal directory: URL, budgets: Budgets, usdPerCredit: Double, client configuration: Result<ClientConfiguration, PixapiError>,
        logger: Logger, onClientEvent: @escaping @Sendable (ClientEvent) -> Void
    ) throws(PixapiError) -> JobBackend {
        let store: GalleryStore, journal: TaskJournal, ledger: SpendLedger
        do throws(GalleryError) {
            store = try GalleryStore(folder: folder)
            journal = try TaskJournal(directory: directory)
            ledger = try SpendLedger(directory: directory)
            try ledger.importHistory(gallery: store, journal: journal, usdPerCredit: usdPerCredit)
        } catch {
            throw PixapiError(.io, error.message)
        }
        switch configuration {
        case let .success(configuration):
            let client = PixapiClient(configuration: configuration, logger: logger, onEvent: onClientEvent)
            let runner = JobRunner(
                api: client, store: store, journal: journal, baseURL: configuration.baseURL, logger: logger, ledger: ledger, budgets: budgets
            )
            return JobBackend(
                gallery: GalleryBrowserSource(store: store), journal: journal, ledger: ledger, runner: runner, client: client, missingKey: nil
            )
        case let .failure(error):
            return JobBackend(
                gallery: GalleryBrowserSource(store: store), journal: journal, ledger: ledger, runner: nil, client: nil, missingKey: error
            )
        }
    }
}

/// The pieces a CLI command needs, opened the same way as the UI's backend.
extension JobBackend {
    /// The gallery of `settings`; `rebuildIfNeeded: false` is for a caller about to rebuild it.
    public static func openGallery(settings: PixtermSettings, rebuildIfNeeded: Bool = true) throws(GalleryError) -> GalleryStore {
        try GalleryStore(folder: settings.gallery, rebuildIfNeeded: rebuildIfNeeded)
    }

    public static func openJournal(settings: PixtermSettings) throws(GalleryError) -> TaskJournal {
        try TaskJournal(directory: settings.paths.journalDirectory)
    }

    /// The ledger of `settings`; a new one first takes in the requests its gallery and journal
    /// know of (opened only then).
    public static func openLedger(settings: PixtermSettings) throws(GalleryError) -> SpendLedger {
        let ledger = try SpendLedger(directory: settings.paths.journalDirectory)
        if try !ledger.hasImportedHistory() {
            try ledger.importHistory(gallery: try openGallery(settings: settings), journal: try openJournal(settings: settings), usdPerCredit: settings.prices.usdPerCredit)
        }
        return ledger
    }

    /// A runner sending through `api` into the gallery of `settings`, recording in `journal`
    /// (the journal of `settings` when nil).
    public static func runner(
        api: any ImageAPI, settings: PixtermSettings, journal: TaskJournal? = nil, logger: Logger = .disabled
    ) throws(PixapiError) -> JobRunner {
        do throws(GalleryError) {
            let store = try openGallery(settings: settings)
            let work: TaskJournal
            if let journal { work = journal } else { work = try openJournal(settings: settings) }
            return JobRunner(
                api: api, store: store, journal: work, baseURL: settings.baseURL, logger: logger, ledger: try openLedger(settings: settings),
                budgets: settings.budgets
            )
        } catch {
            throw PixapiError(.io, error.message)
        }
    }
}
