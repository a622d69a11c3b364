import Foundation
import ImageCodec
import Testing
import TestSupport

/// Only regular files are read, without ever waiting on a FIFO.
@Suite struct RegularFileTests {
    @Test func aFIFOIsRefusedAtOnceAndALinkOnlyWhereLinksAreRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("evil.png")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let started = Date()
        let refused = #expect(throws: RegularFile.Failure.self) { try RegularFile.read(fifo) }
        #expect(refused?.kind == .notRegular)
        #expect(Date().timeIntervalSince(started) < 5, "opening a FIFO without a writer must not wait")
        #expect(throws: RegularFile.Failure.self) { try ImageHeader.read(contentsOf: fifo) }
        let decoding = #expect(throws: ImageCodecError.self) { try ImageDecoder.decode(contentsOf: fifo) }
        #expect(decoding?.description == "\(fifo.path): not a regular file.")

        let real = directory.file("real.bin")
        try Data([1, 2, 3, 4, 5]).write(to: real)
        let link = directory.file("link.bin")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        #expect(try RegularFile.read(link) == [1, 2, 3, 4, 5])
        #expect((#expect(throws: RegularFile.Failure.self) { try RegularFile.read(link, followLinks: false) })?.kind == .symbolicLink)
        #expect(try RegularFile.read(real, limit: 2, truncating: true) == [1, 2])
        #expect((#expect(throws: RegularFile.Failure.self) { try RegularFile.read(real, limit: 2) })?.kind == .tooLarge)
        #expect((#expect(throws: RegularFile.Failure.self) { try RegularFile.read(directory.file("none")) })?.kind == .missing)
    }
}
