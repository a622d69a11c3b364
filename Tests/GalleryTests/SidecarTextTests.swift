import Foundation
@testable import Gallery
import PixtermCore
import Testing

/// Text from a sidecar is sanitized where it enters pixterm, so the index, the UI's items and
/// `gallery show` never hold an escape sequence or a control character.
@Suite struct SidecarTextTests {
    static let osc52 = "\u{1B}]52;c;ZXZpbA==\u{07}"
    static let csi8 = "\u{9B}31m"

    /// A sidecar with hostile text in every field, next to a real image.
    static func hostile(in fixture: GalleryFixture) throws -> URL {
        let image = fixture.folder.appendingPathComponent("2026/01/01/hostile.png")
        try FileManager.default.createDirectory(at: image.deletingLastPathComponent(), withIntermediateDirectories: true)
        try GalleryFixture.imageData(width: 4, height: 4, format: .png).write(to: image)
        let sidecar: [String: Any] = [
            "schema": 1, "id": "evil\(csi8)-0", "prompt": "a fox\(osc52)\nin snow", "model": "gpt-image-2\(osc52)",
            "size": "1024x1024\(osc52)", "quality": "low\(osc52)", "endpoint": "/v1/images\(csi8)", "mode": "async",
            "taskID": "task\(csi8)", "responseFormat": "url\(csi8)", "format": "png\(csi8)", "created": "2026-01-01T10:00:00Z",
            "request": [
                "operation": "generate", "model": "gpt-image-2\(csi8)", "prompt": "a fox\(osc52)", "size": "1024x1024", "quality": "low",
                "n": 1, "images": [String](),
            ] as [String: Any],
        ]
        try JSONSerialization.data(withJSONObject: sidecar).write(to: GalleryLayout.sidecarURL(for: image))
        return image
    }

    static func isClean(_ text: String?) -> Bool {
        guard let text else { return true }
        return !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) } && !text.contains("]52")
    }

    @Test func indexEntriesItemsAndSidecarsHoldNoControlsOrRemnants() throws {
        let fixture = try GalleryFixture()
        _ = try Self.hostile(in: fixture)
        #expect(try fixture.store.rebuild().isEmpty)
        let entry = try #require(try fixture.store.page(limit: 10).entries.first)
        #expect(entry.id == "evil-0" && entry.model == "gpt-image-2" && entry.size == "1024x1024" && entry.quality == "low")
        #expect(entry.prompt == "a fox\nin snow", "line breaks in a prompt are kept")
        #expect(entry.request?.model == "gpt-image-2" && entry.request?.prompt == "a fox")
        for text in [entry.id, entry.prompt, entry.model, entry.size, entry.quality, entry.request?.model] { #expect(Self.isClean(text)) }
        let sidecar = try #require(fixture.store.sidecar(for: entry))
        for text in [sidecar.id, sidecar.model, sidecar.size, sidecar.quality, sidecar.endpoint, sidecar.taskID, sidecar.responseFormat, sidecar.format, sidecar.request?.model] {
            #expect(Self.isClean(text), "\(String(describing: text).debugDescription)")
        }
        #expect(try fixture.store.entry(matching: "evil-0") != nil, "the id shown is the id that finds it")
    }
}
