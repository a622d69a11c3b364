import Foundation
import ImageCodec

/// Inputs the benchmarks share, made on the fly so the suite needs no checked-in binaries.
enum Fixtures {
    /// A fresh folder under the system temp directory; callers remove it in teardown.
    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pixterm-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A photo-like picture: smooth gradients and waves plus a little deterministic noise, so PNG
    /// compresses it about as well as a generated image and the decoder does realistic work.
    static func picture(width: Int, height: Int) -> RGBAImage {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        var seed: UInt32 = 0x2545_F491
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let noise = Double(seed >> 28) - 8
                let u = Double(x) / Double(width), v = Double(y) / Double(height)
                let offset = (y * width + x) * 4
                pixels[offset] = channel(255 * u + 40 * sin(v * 17) + noise)
                pixels[offset + 1] = channel(255 * v + 40 * sin(u * 23) + noise)
                pixels[offset + 2] = channel(128 + 100 * sin((u + v) * 9) + noise)
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// `picture` encoded as PNG (or JPEG) in `folder`, returning the file.
    static func pictureFile(width: Int, height: Int, jpeg: Bool = false, in folder: URL) throws -> URL {
        let image = picture(width: width, height: height)
        let bytes = jpeg ? try JPEGCodec.encode(image) : try PNGCodec.encode(image)
        let url = folder.appendingPathComponent("\(width)x\(height).\(jpeg ? "jpg" : "png")")
        try Data(bytes).write(to: url)
        return url
    }

    /// This package's folder (Benchmarks/), found from this source file so scripts beside it can
    /// be run whatever the working directory.
    static var benchmarksFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    private static func channel(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value))) }
}
