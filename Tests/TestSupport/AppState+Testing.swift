import Foundation
import Gallery
import PixtermCore

extension AppState {
    /// The gallery screen listing `count` images `/g/0.png`, `/g/1.png`... (prompts "image 0"...),
    /// the first one selected.
    public static func showingGallery(items count: Int, environment: AppEnvironment) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        let items = (0..<count).map { index in
            GalleryEntry.testing(
                id: "\(index)", path: "/g/\(index).png", prompt: "image \(index)", model: nil, size: "1024x1024", quality: nil,
                created: Date(timeIntervalSince1970: 0), credits: nil, request: nil
            )
        }
        _ = state.update(.galleryLoaded(items: items, total: count, query: GalleryQuery(), offset: 0), environment: environment)
        return state
    }

    /// One state per key context of `KeyContext`, named, each with something for a stray key
    /// handler to change: a prompt with text, its search, two pickers (one typing a size),
    /// sources, a job, and the gallery's list, filter and full-screen view.
    public static func inEveryKeyContext(environment: AppEnvironment) -> [(String, AppState)] {
        var prompt = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = prompt.update(.layout(promptWidth: 40, promptHeight: 4), environment: environment)
        for char in "a fox" { _ = prompt.update(.key(.character(char)), environment: environment) }
        var searching = prompt
        _ = searching.update(.key(.ctrl("r")), environment: environment)
        var picker = prompt
        picker.compose.focus = .picker(.n)
        var typingSize = prompt
        typingSize.compose.focus = .picker(.size)
        typingSize.compose.settings.size = .custom("10")
        var sources = prompt
        sources.compose.operation = .edit
        sources.compose.sources = ["/a.png"]
        sources.compose.focus = .sources
        var jobs = prompt
        _ = jobs.update(.key(.enter), environment: environment)
        jobs.compose.focus = .jobs
        let list = AppState.showingGallery(items: 3, environment: environment)
        var filter = list
        _ = filter.update(.key(.character("/")), environment: environment)
        var filterBar = list
        _ = filterBar.update(.key(.character("f")), environment: environment)
        var viewing = list
        _ = viewing.update(.key(.character("v")), environment: environment)
        var grid = list
        _ = grid.update(.key(.character("g")), environment: environment)
        var sheet = list
        _ = sheet.update(.key(.character("s")), environment: environment)
        _ = sheet.update(.sheetLoaded(RequestImages(entries: list.gallery.items, grouping: .request)), environment: environment)
        var sheetViewing = sheet
        _ = sheetViewing.update(.key(.character("v")), environment: environment)
        // The first image as an edit of the second, compared with it (`b`).
        var compare = list
        let edited = list.gallery.items
        _ = compare.update(.lineageLoaded(GalleryLineage(entry: edited[0], parent: edited[1], children: [], childCount: 0, siblings: [edited[0]])), environment: environment)
        _ = compare.update(.key(.character("b")), environment: environment)
        return [
            ("prompt", prompt), ("search", searching), ("picker", picker), ("typing a size", typingSize), ("sources", sources),
            ("jobs", jobs), ("gallery list", list), ("gallery filter", filter), ("full screen", viewing), ("gallery grid", grid),
            ("sheet", sheet), ("sheet full screen", sheetViewing), ("gallery filter bar", filterBar), ("compare", compare),
        ]
    }
}
