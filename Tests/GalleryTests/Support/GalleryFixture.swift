import Foundation
@testable import Gallery
import ImageCodec
import PixapiKit
import TestSupport

/// A gallery in a fresh temp folder, with helpers that make real PNG and JPEG files; the folder
/// is removed when the fixture goes away.
final class GalleryFixture: Sendable {
    private let temporary: TemporaryDirectory
    let store: GalleryStore

    init() throws {
        temporary = try TemporaryDirectory("pixterm-gallery")
        store = try GalleryStore(folder: temporary.url)
    }

    deinit { temporary.remove() }

    var folder: URL { temporary.url }

    var indexURL: URL { folder.appendingPathComponent(".pixterm/index.sqlite") }

    /// A complete image in the staging folder, as a finished download would be.
    func stagedImage(width: Int = 8, height: Int = 6, format: ImageHeader.Format = .png) throws -> URL {
        try Self.staged(in: store, width: width, height: height, format: format)
    }

    /// A complete image in `store`'s staging folder.
    static func staged(in store: GalleryStore, width: Int = 8, height: Int = 6, format: ImageHeader.Format = .png) throws -> URL {
        let url = try store.stagingDirectory().appendingPathComponent("download-\(UUID().uuidString).img")
        try imageData(width: width, height: height, format: format).write(to: url)
        return url
    }

    static func imageData(width: Int, height: Int, format: ImageHeader.Format) throws -> Data {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for index in stride(from: 0, to: pixels.count, by: 4) {
            pixels[index] = UInt8(index % 251)
            pixels[index + 1] = UInt8((index / 4) % 97)
        }
        let image = RGBAImage(width: width, height: height, pixels: pixels)
        switch format {
        case .jpeg: return Data(try JPEGCodec.encode(image))
        default: return Data(try PNGCodec.encode(image))
        }
    }

    /// Saves one generated image with the given settings, as the job runner does.
    @discardableResult
    func save(
        _ prompt: String, model: String = "gpt-image-2", created: Date = Date(), credits: Int? = 12, index: Int = 0,
        taskID: String? = nil, format: ImageHeader.Format = .png, size: ImageSize = .auto, quality: Quality = .low, in store: GalleryStore? = nil
    ) throws -> GalleryEntry {
        let request = ImageRequest(model: model, prompt: prompt, size: size, quality: quality, n: index + 1)
        let record = ResultRecord(
            request: request, index: index, mode: taskID == nil ? .sync : .async, taskID: taskID, revisedPrompt: nil,
            creditsPerImage: credits, requestCost: credits.map { $0 * (index + 1) }, created: created
        )
        return try (store ?? self.store).save(imageAt: try stagedImage(format: format), record: record)
    }

    /// Every file under the gallery, relative, ignoring `.pixterm/`.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasPrefix(".pixterm") { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Sets a file's or folder's modification time, so age-based rules can be tested.
    static func setModified(_ url: URL, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }
}

/// A fixed instant plus `days`, so date-based tests do not depend on the clock.
func day(_ days: Double, hour: Double = 12) -> Date {
    Date(timeIntervalSince1970: 1_780_000_000 + days * 86_400 + hour * 3600)
}
