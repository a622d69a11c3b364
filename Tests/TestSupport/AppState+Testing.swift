import Foundation
import PixtermCore

extension AppState {
    /// The gallery screen listing `count` images `/g/0.png`, `/g/1.png`... (prompts "image 0"...),
    /// the first one selected.
    public static func showingGallery(items count: Int, environment: AppEnvironment) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        let items = (0..<count).map { index in
            GalleryItem(
                id: "\(index)", path: "/g/\(index).png", prompt: "image \(index)", model: nil, size: "1024x1024", quality: nil,
                created: Date(timeIntervalSince1970: 0), credits: nil, request: nil
            )
        }
        _ = state.update(.galleryLoaded(items: items, total: count, filter: ""), environment: environment)
        return state
    }
}
