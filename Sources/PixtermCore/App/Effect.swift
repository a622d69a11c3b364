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
    /// Put text on the clipboard (OSC 52, wrapped for tmux).
    case copyToClipboard(String)
    case openInViewer(path: String)
    case saveHistory([String])
    /// Start the in-process simulator and switch to demo mode.
    case startDemo
    case quit
}

/// Inputs to `update`: key presses, and what effects report back.
public enum Action: Hashable, Sendable {
    case key(InputKey)
    /// The prompt box's text width and height changed (terminal resize, layout change).
    case layout(promptWidth: Int, promptHeight: Int)
    /// The help overlay shows this many lines at once (terminal resize).
    case helpLayout(rows: Int)
    case jobEvent(UUID, JobEvent)
    case galleryLoaded(items: [GalleryEntry], total: Int, query: GalleryQuery, offset: Int)
    case galleryFailed(String)
    case trashed(GalleryEntry)
    case restored(GalleryEntry)
    /// The journal entries claimed at start-up, split by what can be done with them.
    case resume(ResumePlan)
    case demoStarted
    case effectFailed(String)
    case log(String)
}
