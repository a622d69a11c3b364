import Foundation
import Gallery
import PixapiKit
import PixtermCore

/// Builds the real gallery, journal and job runner from the settings: the one place the
/// executable connects PixapiKit, Gallery and PixtermCore.
enum JobWiring {
    static func gallery(settings: PixtermSettings, rebuildIfNeeded: Bool = true) throws(GalleryError) -> GalleryStore {
        try GalleryStore(folder: settings.gallery, rebuildIfNeeded: rebuildIfNeeded)
    }

    static func journal(settings: PixtermSettings) throws(GalleryError) -> TaskJournal {
        try TaskJournal(directory: settings.paths.journalDirectory)
    }

    static func galleryQueries(settings: PixtermSettings) throws(GalleryError) -> GalleryBrowserSource {
        GalleryBrowserSource(store: try gallery(settings: settings))
    }

    static func runner(api: any ImageAPI, settings: PixtermSettings, gallery: GalleryStore? = nil, journal: TaskJournal? = nil) throws(PixapiError) -> JobRunner {
        do throws(GalleryError) {
            let store: GalleryStore
            if let gallery { store = gallery } else { store = try self.gallery(settings: settings) }
            let work: TaskJournal
            if let journal { work = journal } else { work = try self.journal(settings: settings) }
            return JobRunner(api: api, store: store, journal: work, baseURL: settings.baseURL)
        } catch {
            throw PixapiError(.io, error.message)
        }
    }
}
