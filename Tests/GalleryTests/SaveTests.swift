import Foundation
@testable import Gallery
import ImageCodec
import PixapiKit
import Testing

@Suite struct SaveTests {
    @Test func saveWritesImageAndSidecarInTheDatedLayout() throws {
        let fixture = try GalleryFixture()
        let created = day(3, hour: 6.25)
        let staged = try fixture.stagedImage(width: 10, height: 4)
        let request = ImageRequest(model: "gpt-image-2", prompt: "A red Fox, in snow!", size: try ImageSize.parse("1024x1536"), quality: .high, n: 2)
        let entry = try fixture.store.save(
            imageAt: staged,
            record: ResultRecord(
                request: request, index: 1, mode: .async, taskID: "task-1", revisedPrompt: "a red fox", creditsPerImage: 20, requestCost: 40,
                created: created
            )
        )

        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: created)
        let folder = String(format: "%04d/%02d/%02d", c.year!, c.month!, c.day!)
        let time = String(format: "%02d%02d%02d", c.hour!, c.minute!, c.second!)
        #expect(entry.relativePath.hasPrefix("\(folder)/\(time)-a-red-fox-in-snow-"))
        #expect(entry.relativePath.hasSuffix("-1.png"))
        #expect(fixture.files() == [entry.relativePath, entry.relativePath + ".json"])
        #expect(!FileManager.default.fileExists(atPath: staged.path), "the staged file is moved, not copied")
        let header = try #require(try ImageHeader.read(contentsOf: entry.url))
        #expect(header.format == .png && header.width == 10 && header.height == 4)

        let sidecar = try Sidecar.decoder.decode(Sidecar.self, from: Data(contentsOf: GalleryLayout.sidecarURL(for: entry.url)))
        #expect(sidecar.id == entry.id)
        #expect(sidecar.prompt == "A red Fox, in snow!")
        #expect(sidecar.size == "1024x1536")
        #expect(sidecar.quality == "high")
        #expect(sidecar.n == 2 && sidecar.index == 1)
        #expect(sidecar.creditsPerImage == 20 && sidecar.requestCost == 40)
        #expect(sidecar.endpoint == "/v1/async/images/generations")
        #expect(sidecar.taskID == "task-1")
        #expect(sidecar.revisedPrompt == "a red fox")
        #expect(sidecar.width == 10 && sidecar.height == 4 && sidecar.format == "png")
        #expect(sidecar.request == request)
        #expect(abs(sidecar.created.timeIntervalSince(created)) < 1)
    }

    @Test func jpegKeepsItsExtension() throws {
        let fixture = try GalleryFixture()
        let entry = try fixture.save("photo", format: .jpeg)
        #expect(entry.relativePath.hasSuffix(".jpg"))
        #expect(entry.format == "jpeg")
        #expect(entry.size == "8x6", "a request for auto lists the size the server chose")
    }

    @Test func saveLeavesNoTemporaryFiles() throws {
        let fixture = try GalleryFixture()
        for index in 0..<5 { try fixture.save("batch", index: index) }
        let leftovers = fixture.files().filter { $0.split(separator: "/").last!.hasPrefix(".") }
        #expect(leftovers.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.store.stagingDirectory().path).isEmpty)
    }

    @Test func aFileThatIsNotAnImageIsRefusedAndRemoved() throws {
        let fixture = try GalleryFixture()
        let staged = try fixture.store.stagingDirectory().appendingPathComponent("truncated.img")
        try Data("<html>not an image</html>".utf8).write(to: staged)
        #expect(throws: GalleryError.self) {
            try fixture.store.save(
                imageAt: staged,
                record: ResultRecord(
                    request: ImageRequest(model: "gpt-image-2", prompt: "x"), index: 0, mode: .sync, taskID: nil, revisedPrompt: nil,
                    creditsPerImage: nil, requestCost: nil, created: Date()
                )
            )
        }
        #expect(!FileManager.default.fileExists(atPath: staged.path))
        #expect(fixture.files().isEmpty)
    }

    @Test func savingTheSameTaskImageTwiceKeepsOneCopy() throws {
        let fixture = try GalleryFixture()
        let first = try fixture.save("once", index: 0, taskID: "task-dup")
        let second = try fixture.save("once", index: 0, taskID: "task-dup")
        let other = try fixture.save("once", index: 1, taskID: "task-dup")
        #expect(second == first)
        #expect(other.id != first.id)
        #expect(try fixture.store.page(limit: 10).total == 2)
        #expect(fixture.files().count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.store.stagingDirectory().path).isEmpty)
    }

    @Test func aFailedMoveKeepsTheSourceFile() throws {
        let fixture = try GalleryFixture()
        let source = fixture.folder.appendingPathComponent("keep.png")
        try GalleryFixture.imageData(width: 2, height: 2, format: .png).write(to: source)
        let blocked = fixture.folder.appendingPathComponent("blocked")
        try Data().write(to: blocked)  // a file where a folder is needed
        #expect(throws: GalleryError.self) { try AtomicFile.move(source, to: blocked.appendingPathComponent("x/keep.png")) }
        #expect(FileManager.default.fileExists(atPath: source.path))
    }

    @Test func slugsAreShortAsciiWords() {
        #expect(GalleryLayout.slug("Café au lait, très chaud") == "cafe-au-lait-tres-chaud")
        #expect(GalleryLayout.slug("雪の中の赤い狐") == "")
        #expect(GalleryLayout.slug("\u{1B}[31mred\u{1B}[0m fox") == "red-fox")
        #expect(GalleryLayout.relativePath(created: day(0), prompt: "雪", id: "abcd1234", index: 0, fileExtension: "png").contains("-image-abcd1234-0.png"))
        let long = GalleryLayout.slug(String(repeating: "word ", count: 30))
        #expect(long.count <= 40 && !long.hasSuffix("-"))
    }
}
