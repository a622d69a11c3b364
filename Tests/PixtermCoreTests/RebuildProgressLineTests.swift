import Foundation
import Gallery
import Testing
@testable import PixtermCore

/// The progress line of `pixterm gallery rebuild`: the counts and the ETA, never wider than the
/// terminal, sensible for an empty gallery and a gallery of one.
@Suite struct RebuildProgressLineTests {
    @Test func aWideTerminalShowsTheBarTheCountAndTheETA() {
        // 42,000 read in 3 s: 58,000 left at that pace take 4.14 s, rounded up.
        let text = RebuildProgressLine.text(.reading(done: 42000, total: 100_000), elapsed: 3, width: 120)
        #expect(text == "[==========>                 ] 42000/100000 images indexed  ETA 5s")
    }

    @Test func eachPhaseSaysWhatIsHappening() {
        #expect(RebuildProgressLine.text(.listing(found: 5200), elapsed: 0, width: 80) == "listing the gallery: 5200 images so far")
        #expect(RebuildProgressLine.text(.reading(done: 256, total: 1000), elapsed: 0, width: 80).hasSuffix("] 256/1000 images indexed  ETA --"))
        #expect(
            RebuildProgressLine.text(.finishing(total: 1000), elapsed: 2, width: 80)
                == "[============================] 1000/1000 images indexed  writing the index")
    }

    @Test(arguments: [1, 2, 5, 10, 20, 30, 40, 60, 80, 200])
    func theLineIsNeverWiderThanTheTerminal(width: Int) {
        let phases: [GalleryRebuildProgress] = [
            .listing(found: 100_000), .reading(done: 99999, total: 100_000), .reading(done: 0, total: 1), .finishing(total: 100_000),
        ]
        for phase in phases {
            let text = RebuildProgressLine.text(phase, elapsed: 7, width: width)
            #expect(DisplayWidth.of(text) <= max(0, width - 1), "\(width), \(phase): \(text)")
        }
    }

    @Test func aNarrowTerminalDropsTheBarThenTheETAThenCutsTheCount() {
        let progress = GalleryRebuildProgress.reading(done: 500, total: 2000)
        #expect(RebuildProgressLine.text(progress, elapsed: 1, width: 50) == "[==>          ] 500/2000 images indexed  ETA 3s")
        #expect(RebuildProgressLine.text(progress, elapsed: 1, width: 40) == "[   ] 500/2000 images indexed  ETA 3s")
        #expect(RebuildProgressLine.text(progress, elapsed: 1, width: 33) == "500/2000 images indexed  ETA 3s")
        #expect(RebuildProgressLine.text(progress, elapsed: 1, width: 30) == "500/2000 images indexed")
        #expect(RebuildProgressLine.text(progress, elapsed: 1, width: 12) == "500/2000 im")
    }

    @Test func anEmptyGalleryAndAGalleryOfOne() {
        #expect(RebuildProgressLine.text(.listing(found: 0), elapsed: 0, width: 80) == "listing the gallery: 0 images so far")
        #expect(RebuildProgressLine.text(.listing(found: 1), elapsed: 0, width: 80) == "listing the gallery: 1 image so far")
        // Nothing to read: the bar is full, not divided by zero.
        #expect(
            RebuildProgressLine.text(.finishing(total: 0), elapsed: 0, width: 60) == "[=================] 0/0 images indexed  writing the index")
        #expect(RebuildProgressLine.text(.reading(done: 0, total: 1), elapsed: 0, width: 60) == "[                            ] 0/1 image indexed  ETA --")
        #expect(RebuildProgressLine.text(.reading(done: 1, total: 1), elapsed: 0.2, width: 60) == "[============================] 1/1 image indexed  ETA 0s")
    }
}
