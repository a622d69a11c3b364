import Foundation
import Testing

/// The real `pixterm` on a gallery holding links, FIFOs and hostile sidecars, and on one that
/// cannot be written.
@Suite struct GalleryContainmentCommandTests {
    typealias Setup = GalleryCommandTests.Setup

    /// A folder outside the gallery with what a scan through a link once deleted: an old temp file
    /// and an old sidecar without its image.
    static func outsideFolder(in setup: Setup) throws -> (folder: URL, files: [String]) {
        let folder = setup.dir.url.appendingPathComponent("some-folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = [".pixterm-tmp-x", "010101-gone-0000-0.png.json"]
        for name in files {
            let url = folder.appendingPathComponent(name)
            try Data("{}".utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-30 * 86_400)], ofItemAtPath: url.path)
        }
        return (folder, files)
    }

    @Test func rebuildDoesNotFollowALinkedFolderOrTouchAnythingInIt() async throws {
        let setup = try Setup()
        let outside = try Self.outsideFolder(in: setup)
        try FileManager.default.createSymbolicLink(at: setup.gallery.appendingPathComponent("linked"), withDestinationURL: outside.folder)
        let rebuilt = try await setup.run(["gallery", "rebuild"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.hasPrefix("indexed 4 images, 1 problem\n"), "\(rebuilt.stdout)")
        #expect(rebuilt.stdout.contains("/linked: a symbolic link; not followed"))
        let left = try FileManager.default.contentsOfDirectory(atPath: outside.folder.path).sorted()
        #expect(left == outside.files.sorted(), "nothing outside the gallery is deleted")
        #expect(try await setup.json(["gallery", "list", "--json"])["total"] as? Int == 4)
    }

    @Test func aLinkToItselfDoesNotMultiplyTheImages() async throws {
        let setup = try Setup()
        try FileManager.default.createSymbolicLink(atPath: setup.gallery.appendingPathComponent("loop").path, withDestinationPath: ".")
        #expect(try await setup.json(["gallery", "list", "--json"])["total"] as? Int == 4)
        let rebuilt = try await setup.run(["gallery", "rebuild"])
        #expect(rebuilt.stdout.hasPrefix("indexed 4 images, 1 problem\n"), "\(rebuilt.stdout)")
        #expect(try await setup.json(["gallery", "stats", "--json"])["totalImages"] as? Int == 4)
    }

    @Test func aFIFONamedLikeAnImageHangsNothing() async throws {
        let setup = try Setup()
        let fifo = setup.gallery.appendingPathComponent("2026/evil.png")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        defer {
            // Releases a pixterm still blocked opening it, should the fix regress.
            let writer = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let listed = try await PixtermBinary.run(["gallery", "list", "--json"], environment: setup.environment, timeout: 30)
        #expect(listed.status == 0, "\(listed.stderr)")
        let rebuilt = try await PixtermBinary.run(["gallery", "rebuild"], environment: setup.environment, timeout: 30)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.hasPrefix("indexed 4 images, 1 problem\n"))
        #expect(rebuilt.stdout.contains("2026/evil.png: a FIFO, not an image file; skipped"), "\(rebuilt.stdout)")
        let previewed = try await PixtermBinary.run(["preview", fifo.path], environment: setup.environment, timeout: 30)
        #expect(previewed.status == 1)
        #expect(previewed.stderr.contains("evil.png: not a regular file"), "\(previewed.stderr)")
    }

    /// The eight sidecar fields that once reached standard output with a raw C1 CSI (C2 9B).
    @Test func showJSONCarriesNoRawC1Byte() async throws {
        let setup = try Setup()
        let image = try GallerySeed(folder: setup.gallery).plainImage("2026/12/01/hostile.png")
        let csi = "\u{9B}31m"  // an 8-bit CSI setting red: C2 9B in UTF-8
        let sidecar: [String: Any] = [
            "schema": 1, "id": "c1-0\(csi)", "prompt": "plain", "model": "gpt-image-2\(csi)", "size": "1024x1024\(csi)",
            "quality": "low\(csi)", "endpoint": "/v1\(csi)", "mode": "async", "taskID": "task\(csi)", "responseFormat": "url\(csi)",
            "format": "png\(csi)", "created": "2026-12-01T10:00:00Z",
            "request": [
                "operation": "generate", "model": "gpt-image-2\(csi)", "prompt": "plain", "size": "1024x1024", "quality": "low", "n": 1,
                "images": [String](),
            ] as [String: Any],
        ]
        try JSONSerialization.data(withJSONObject: sidecar).write(to: image.appendingPathExtension("json"))
        // By path, which finds it before and after the fix alike.
        for arguments in [["gallery", "show", image.path, "--json"], ["gallery", "list", "--json"], ["gallery", "show", image.path, "--no-preview"]] {
            let output = try await Self.rawOutput(arguments, setup: setup)
            #expect(output.status == 0, "\(arguments)")
            #expect(!zip(output.stdout, output.stdout.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) }, "\(arguments)")
            #expect(!output.stdout.contains(0x1B) && !output.stdout.contains(0x7F), "\(arguments)")
        }
        let shown = try await setup.json(["gallery", "show", image.path, "--json"])
        #expect((shown["entry"] as? [String: Any])?["id"] as? String == "c1-0")
        let fields = try #require(shown["sidecar"] as? [String: Any])
        #expect(fields["model"] as? String == "gpt-image-2" && fields["taskID"] as? String == "task" && fields["endpoint"] as? String == "/v1")
        #expect((fields["request"] as? [String: Any])?["model"] as? String == "gpt-image-2")
    }

    /// A read-only gallery, made so with a read-only bind mount in a private mount namespace
    /// (`unshare --mount`, as root): EROFS for every write, as on a read-only disk. Skipped,
    /// saying so, where that is not possible.
    @Test func aReadOnlyGalleryIsStillListedSearchedAndShown() async throws {
        let setup = try Setup()
        #expect(try await setup.run(["gallery", "list"]).status == 0)  // writes the index
        let script = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\""
        guard let run = try await Self.namespaced(script, [setup.gallery.path], setup: setup, lacking: "no read-only bind mount") else { return }
        let listed = try await run(["gallery", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\"total\" : 4"))
        #expect(listed.stderr.contains("note: the gallery index in \(setup.gallery.path)/.pixterm cannot be written"), "\(listed.stderr)")
        #expect(listed.stderr.components(separatedBy: "note:").count == 2, "said once")
        let searched = try await run(["gallery", "search", "fox", "--json"])
        #expect(searched.status == 0 && searched.stdout.contains("aaaa0001-0"), "\(searched.stderr)")
        let shown = try await run(["gallery", "show", "aaaa0001-0", "--no-preview"])
        #expect(shown.status == 0 && shown.stdout.contains("A fox in the snow"), "\(shown.stderr)")
        let removed = try await run(["gallery", "rm", "aaaa0001-0"])
        #expect(removed.status == 1 && removed.stderr.contains("the gallery is on a read-only filesystem"), "\(removed.stderr)")
    }

    /// A full disk: the gallery is copied onto a small tmpfs (in a private mount namespace) that
    /// is then filled to the last byte.
    @Test func aGalleryOnAFullDiskIsStillListed() async throws {
        let setup = try Setup()
        #expect(try await setup.run(["gallery", "list"]).status == 0)  // writes the index
        let source = setup.dir.url.appendingPathComponent("gallery-copy")
        try FileManager.default.moveItem(at: setup.gallery, to: source)
        try FileManager.default.createDirectory(at: setup.gallery, withIntermediateDirectories: true)
        let script = "mount -t tmpfs -o size=4m tmpfs \"$0\" && cp -a \"$1\"/. \"$0\"/ || exit 97; dd if=/dev/zero of=\"$0/fill\" bs=4k 2>/dev/null; shift; exec \"$@\""
        guard let run = try await Self.namespaced(script, [setup.gallery.path, source.path], setup: setup, lacking: "no tmpfs mount") else { return }
        let listed = try await run(["gallery", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\"total\" : 4"))
        #expect(listed.stderr.contains("note: the gallery index"), "\(listed.stderr)")
    }

    /// `gallery rm` traced with strace: after the image is renamed into the trash, the trash
    /// folder is opened and `fsync`ed. Skipped, saying so, without strace.
    @Test func aTrashMoveFlushesTheFolderItRenamedInto() async throws {
        let setup = try Setup()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            print("GalleryContainmentCommandTests: strace is not installed; the folder flush is not traced")
            return
        }
        #expect(try await setup.run(["gallery", "list"]).status == 0)
        // -ff: one log per thread, so no call is split by another thread's.
        let log = setup.dir.url.appendingPathComponent("strace").path
        let strace = ["/usr/bin/strace", "-f", "-ff", "-qq", "-e", "trace=openat,fsync,rename,renameat,renameat2", "-o", log]
        let removed = try await PixtermBinary.run(["gallery", "rm", "bbbb0002-0"], environment: setup.environment, wrapper: strace)
        #expect(removed.status == 0, "\(removed.stderr)")
        let trashFolder = setup.gallery.path + "/.trash/2026/10/20"
        let threads = try FileManager.default.contentsOfDirectory(atPath: setup.dir.url.path).filter { $0.hasPrefix("strace.") }
        let flushed = try threads.contains { name in
            let lines = try String(contentsOfFile: setup.dir.path(name), encoding: .utf8).split(separator: "\n").map(String.init)
            guard
                let renamed = lines.firstIndex(where: {
                    $0.contains("rename") && $0.contains("\"\(trashFolder)/100000-foxglove-bbbb0002-0.png\"") && $0.hasSuffix("= 0")
                })
            else { return false }
            let opened = lines[renamed...].compactMap { line -> String? in
                guard line.contains("openat("), line.contains("\"\(trashFolder)\""), line.contains("O_DIRECTORY") else { return nil }
                return line.split(separator: "=").last?.trimmingCharacters(in: .whitespaces)
            }
            return opened.contains { descriptor in lines[renamed...].contains { $0.hasPrefix("fsync(\(descriptor))") && $0.hasSuffix("= 0") } }
        }
        #expect(flushed, "no fsync of \(trashFolder) after the image was renamed into it")
    }

    /// A runner of `pixterm` in a private mount namespace (`unshare --mount`, as root) that
    /// `script` prepares and ends with `exec "$@"`; `nil`, said on standard output, where that
    /// cannot be done here.
    static func namespaced(
        _ script: String, _ scriptArguments: [String], setup: Setup, lacking: String
    ) async throws -> (@Sendable ([String]) async throws -> PixtermBinary.Output)? {
        let wrapper = ["/usr/bin/unshare", "--mount", "/bin/sh", "-c", script] + scriptArguments
        let environment = setup.environment
        let probe = try await PixtermBinary.run(["--version"], environment: environment, timeout: 30, wrapper: wrapper)
        guard probe.status == 0 else {
            print("GalleryContainmentCommandTests: \(lacking) here (\(probe.stderr)); not tested")
            return nil
        }
        return { arguments in try await PixtermBinary.run(arguments, environment: environment, timeout: 60, wrapper: wrapper) }
    }

    static func rawOutput(_ arguments: [String], setup: Setup) async throws -> (status: Int32, stdout: [UInt8]) {
        let output = try await setup.run(arguments)
        return (output.status, Array(output.stdout.utf8))
    }
}
