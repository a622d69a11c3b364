import Benchmark
import Foundation
import ImageCodec
import TerminalGraphics

/// `pixterm preview`'s in-process work (decode, area-average downscale, half-block render) for
/// the sizes the API returns, at the 80x40-cell area the whole-process comparison uses.
func previewBenchmarks() {
    let inputs: [(label: String, width: Int, height: Int, jpeg: Bool)] = [
        ("1024x1024 PNG", 1024, 1024, false),
        ("1536x1024 PNG", 1536, 1024, false),
        ("3840x2160 PNG", 3840, 2160, false),
        ("3840x2160 JPEG", 3840, 2160, true),
    ]
    let renderer = PreviewRenderer(renderer: HalfBlockRenderer(mode: .truecolor))
    for input in inputs {
        let folder = FolderBox()
        Benchmark("preview: decode+downscale+render \(input.label) to 80x40 cells") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? renderer.render(contentsOf: folder.file, maxColumns: 80, maxRows: 40))
            }
        } setup: {
            folder.url = try Fixtures.temporaryFolder("preview")
            folder.file = try Fixtures.pictureFile(width: input.width, height: input.height, jpeg: input.jpeg, in: folder.url)
        } teardown: {
            try? FileManager.default.removeItem(at: folder.url)
        }
    }
}

/// Where a benchmark's fixture lives; set in setup, read by iterations, removed in teardown.
final class FolderBox: @unchecked Sendable {
    var url = URL(fileURLWithPath: "/")
    var file = URL(fileURLWithPath: "/")
}
