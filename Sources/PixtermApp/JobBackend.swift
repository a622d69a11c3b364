import Foundation
import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore

/// Where the UI's jobs go and where their results land: the real API and gallery, or the
/// demo's simulator and its own gallery, so demo images never mix with paid ones.
public struct JobBackend: Sendable {
    public let gallery: GalleryBrowserSource
    public let journal: TaskJournal
    /// nil when no key is configured; `missingKey` says how to add one.
    public let runner: JobRunner?
    public let client: PixapiClient?
    public let missingKey: PixapiError?

    /// The real API with the configured key (if any) and gallery.
    public static func live(settings: PixtermSettings) throws(PixapiError) -> JobBackend {
        let store = try galleryStore(at: settings.gallery)
        let journal = try taskJournal(at: settings.paths.journalDirectory)
        do throws(PixapiError) {
            let client = PixapiClient(configuration: try settings.clientConfiguration())
            let runner = JobRunner(api: client, store: store, journal: journal, baseURL: settings.baseURL)
            return JobBackend(gallery: GalleryBrowserSource(store: store), journal: journal, runner: runner, client: client, missingKey: nil)
        } catch {
            return JobBackend(gallery: GalleryBrowserSource(store: store), journal: journal, runner: nil, client: nil, missingKey: error)
        }
    }

    /// The in-process simulator on loopback, with a gallery and journal under the data folder's
    /// `demo/`.
    public static func demo(settings: PixtermSettings) async throws -> (JobBackend, RunningSimulator) {
        let simulator = try await Simulator.start(SimulatorConfiguration(taskDuration: .milliseconds(1500), catalog: settings.catalog, prices: settings.prices))
        let root = settings.paths.dataDirectory.appendingPathComponent("demo")
        let store = try galleryStore(at: root.appendingPathComponent("gallery"))
        let journal = try taskJournal(at: root.appendingPathComponent("journal"))
        let client = PixapiClient(configuration: ClientConfiguration(baseURL: simulator.baseURL, apiKey: "demo"))
        let runner = JobRunner(api: client, store: store, journal: journal, baseURL: simulator.baseURL)
        let backend = JobBackend(gallery: GalleryBrowserSource(store: store), journal: journal, runner: runner, client: client, missingKey: nil)
        return (backend, simulator)
    }

    private static func galleryStore(at folder: URL) throws(PixapiError) -> GalleryStore {
        do { return try GalleryStore(folder: folder) } catch { throw PixapiError(.io, error.message) }
    }

    private static func taskJournal(at directory: URL) throws(PixapiError) -> TaskJournal {
        do { return try TaskJournal(directory: directory) } catch { throw PixapiError(.io, error.message) }
    }
}
