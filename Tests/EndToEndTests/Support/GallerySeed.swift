import Foundation
import ImageCodec

/// Writes images and sidecars into a gallery folder the way pixterm lays them out, so the
/// commands can be tested on a gallery with known dates, models and prompts.
struct GallerySeed {
    let folder: URL

    /// A small PNG at `relativePath` with a sidecar recording the given settings.
    @discardableResult
    func image(
        _ relativePath: String, id: String, prompt: String, model: String, created: String, credits: Int?, size: String = "1024x1024",
        quality: String = "low"
    ) throws -> URL {
        let url = try plainImage(relativePath)
        var sidecar: [String: Any] = [
            "schema": 1, "id": id, "prompt": prompt, "model": model, "size": size, "quality": quality, "n": 1, "index": 0,
            "endpoint": "/v1/images/generations", "mode": "sync", "created": created, "width": 8, "height": 6, "format": "png",
        ]
        if let credits { sidecar["creditsPerImage"] = credits }
        try JSONSerialization.data(withJSONObject: sidecar, options: [.sortedKeys]).write(to: url.appendingPathExtension("json"))
        return url
    }

    /// An image with no sidecar, as if copied in by hand.
    @discardableResult
    func plainImage(_ relativePath: String) throws -> URL {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pixels: [UInt8] = (0..<(8 * 6)).flatMap { (pixel: Int) -> [UInt8] in [UInt8(pixel * 5), 100, 200, 255] }
        try Data(try PNGCodec.encode(RGBAImage(width: 8, height: 6, pixels: pixels))).write(to: url)
        return url
    }
}
