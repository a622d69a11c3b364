import Foundation
import Gallery
import PixapiKit

/// Work the view model asks the runtime to do; results come back as `Action`s.
public enum Effect: Hashable, Sendable {
    case startJob(Job)
    /// Finish a job left open by an earlier run (poll its task, save what is missing), holding
    /// the entry's claim until it ends.
    case resumeJob(Job, ResumePlan.Resumable)
    case cancelJob(UUID)
    /// Load `limit` gallery items from `offset` of those `query` selects, in its order.
    case loadGallery(GalleryQuery, offset: Int, limit: Int)
    case trash(GalleryEntry)
    case restore(GalleryEntry)
    /// Move several images to the gallery's trash in one step (a sheet's keep); `.restoreAll`
    /// puts them all back.
    case trashAll([GalleryEntry])
    case restoreAll([GalleryEntry])
    /// Find the request that made the first of these images still in the gallery, for the sheet.
    case loadSheet(paths: [String])
    /// Find an image's parent and edits (`Action.lineageLoaded`).
    case loadLineage(GalleryEntry)
    /// Find where an image is among those the query selects (or, if it hides the image, among
    /// all), with the page of `limit` around it (`Action.galleryLocated`).
    case locateInGallery(GalleryEntry, GalleryQuery, limit: Int)
    /// Put text on the clipboard (OSC 52, wrapped for tmux).
    case copyToClipboard(String)
    case openInViewer(path: String)
    case saveHistory([String])
    /// Remember the gallery's list or grid for the next run.
    case saveGalleryViewMode(GalleryViewMode)
    /// Start the in-process simulator and switch to demo mode.
    case startDemo
    /// Read today's and this month's spend from the ledger (`Action.spendLoaded`).
    case loadSpend
    case quit
}

/// Inputs to `update`: key presses, and what effects report back.
public enum Action: Hashable, Sendable {
    case key(InputKey)
    /// A click or wheel notch on what the last frame drew under the pointer.
    case mouse(MouseInput)
    /// The prompt box's text width and height changed (terminal resize, layout change).
    case layout(promptWidth: Int, promptHeight: Int)
    /// The help overlay shows this many lines at once (terminal resize).
    case helpLayout(rows: Int)
    case jobEvent(UUID, JobEvent)
    case galleryLoaded(items: [GalleryEntry], total: Int, query: GalleryQuery, offset: Int)
    /// The gallery's grid shows `columns` thumbnails a row and `rows` rows (terminal resize).
    case galleryGridLayout(columns: Int, rows: Int)
    case galleryFailed(String)
    case trashed(GalleryEntry)
    case restored(GalleryEntry)
    case trashedAll([GalleryEntry])
    case restoredAll([GalleryEntry])
    /// The sheet's request, nil when none of its images is in the gallery.
    case sheetLoaded(RequestImages?)
    case lineageLoaded(GalleryLineage)
    case galleryLocated(GalleryLocation)
    /// The journal entries claimed at start-up, split by what can be done with them.
    case resume(ResumePlan)
    case demoStarted
    /// The spend the budgets count on the local `day` (`YYYY-MM-DD`) it was read on.
    case spendLoaded(SpendTotals, day: String)
    /// The runtime's clock: a second passed while a job runs, or the local day ended while the
    /// status line shows today's spend.
    case tick
    case effectFailed(String)
    case log(String)
}
