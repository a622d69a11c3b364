import Foundation
import PixapiKit
import Testing

/// `galleryFlag` is set by `--gallery` only: the demo writes there, while a gallery named by
/// the environment (the everyday one) leaves it nil, so the demo keeps to its own folder.
@Suite struct GalleryFlagTests {
    @Test func onlyTheFlagSetsIt() throws {
        let environment = ["HOME": "/home/ana", "XDG_CONFIG_HOME": "/nonexistent", "PIXTERM_GALLERY": "/srv/everyday"]
        let fromEnvironment = try PixtermSettings.load(environment: environment)
        #expect(fromEnvironment.gallery.path == "/srv/everyday")
        #expect(fromEnvironment.galleryFlag == nil)
        let fromFlag = try PixtermSettings.load(environment: environment, overrides: .init(gallery: "~/demo pictures"))
        #expect(fromFlag.galleryFlag?.path == "/home/ana/demo pictures")
        #expect(fromFlag.gallery == fromFlag.galleryFlag)
        #expect(try PixtermSettings.load(environment: environment, overrides: .init(gallery: "")).galleryFlag == nil, "an empty flag names nothing")
    }
}
