import Foundation
import Gallery
import PixapiKit
import PixtermCore

/// Builds the real gallery, journal and job runner from the settings: the one place the
/// executable connects PixapiKit, Gallery and PixtermCore.
enum JobWiring {
    static func gallery(settings: PixtermSettings) throws(GalleryError) -> GalleryStore {
        try GalleryStore(folder: settings.gallery)
    }

    static func journal(settings: PixtermSettings) throws(GalleryError) -> TaskJournal {
        try TaskJournal(directory: settings.paths.journalDirectory)
    }

    static func galleryQueries(settings: PixtermSettings) throws(GalleryError) -> GalleryBrowserSource {
        GalleryBrowserSource(store: try gallery(settings: settings))
    }

    static func runner(api: any ImageAPI, settings: PixtermSettings, gallery: GalleryStore? = nil, journal: TaskJournal? = nil) throws(PixapiError) -> JobRunner {
        do {
            return JobRunner(
                api: api, store: try gallery ?? self.gallery(settings: settings), journal: try journal ?? self.journal(settings: settings),
                baseURL: settings.baseURL
            )
        } catch {
            throw PixapiError(.io, error.message)
        }
    }
}
