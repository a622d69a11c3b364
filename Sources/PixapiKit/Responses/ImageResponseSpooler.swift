import Foundation

/// Reads an image response body as it streams in, decoding every `b64_json` value straight into a
/// file in `staging` and keeping only the small rest of the JSON in memory.
///
/// The rest (the "skeleton") is ordinary JSON in which each base64 value is replaced by the
/// placeholder `"@spool:N"`; `ImageResult` maps those back to the files.
struct ImageResponseSpooler {
    static let placeholderPrefix = "@spool:"
    /// A skeleton larger than this is not an image response; stop before it eats the memory.
    static let maxSkeletonBytes = 4 << 20

    private enum State {
        case outside
        case inString(escaped: Bool)
        case inBase64(escaped: Bool)
    }

    private let staging: URL
    /// The largest decoded image accepted; one more byte aborts the response.
    private let maxImageBytes: Int
    /// The most images the response may carry.
    private let maxImages: Int
    private var state = State.outside
    private(set) var skeleton: [UInt8] = []
    /// The last complete string token and whether a `:` followed it, to spot `"b64_json":`.
    private var lastString: [UInt8] = []
    private var currentString: [UInt8] = []
    private var sawColonAfterKey = false
    private var decoder = Base64StreamDecoder()
    /// Decoded bytes wait here (`decodedCount` of them) until `flushSize` can go to the file in
    /// one write; three bytes more than that so a group always fits.
    private var decoded: [UInt8] = []
    private var decodedCount = 0
    /// The zero to three bytes one base64 character may complete, on the slow path.
    private var tail: [UInt8] = []
    private static let flushSize = 1 << 20
    /// Bytes of the current image written to its file so far.
    private var written = 0
    private var file: FileHandle?
    private(set) var spooledFiles: [URL] = []

    init(staging: URL, maxImageBytes: Int = TransferLimits.standard.maxImageBytes, maxImages: Int = TransferLimits.catalogMaxImages) {
        self.staging = staging
        self.maxImageBytes = maxImageBytes
        self.maxImages = maxImages
        skeleton.reserveCapacity(4096)
    }

    mutating func consume(_ bytes: some Collection<UInt8>) throws(PixapiError) {
        var failure: PixapiError?
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            do throws(PixapiError) { try consume(buffer: buffer) } catch { failure = error }
        }
        if contiguous == nil {
            Array(bytes).withUnsafeBufferPointer { buffer in
                do throws(PixapiError) { try consume(buffer: buffer) } catch { failure = error }
            }
        }
        if let failure { throw failure }
    }

    private mutating func consume(buffer: UnsafeBufferPointer<UInt8>) throws(PixapiError) {
        var index = 0
        while index < buffer.count {
            if case .inBase64(escaped: false) = state {
                index += try decodeRun(UnsafeBufferPointer(rebasing: buffer[index...]))
                guard index < buffer.count else { return }
            }
            try step(buffer[index])
            index += 1
        }
    }

    /// The JSON scanner, one byte at a time; base64 comes here only where `decodeRun` stops.
    private mutating func step(_ byte: UInt8) throws(PixapiError) {
        switch state {
        case .outside:
            if byte == UInt8(ascii: "\"") {
                if sawColonAfterKey, lastString == Array("b64_json".utf8) {
                    try beginBase64()
                    state = .inBase64(escaped: false)
                    return
                }
                currentString.removeAll(keepingCapacity: true)
                state = .inString(escaped: false)
            } else if byte == UInt8(ascii: ":") {
                sawColonAfterKey = true
            } else if byte > 0x20 {
                sawColonAfterKey = false
                lastString.removeAll(keepingCapacity: true)
            }
            try appendSkeleton(byte)
        case let .inString(escaped):
            if !escaped, byte == UInt8(ascii: "\"") {
                lastString = currentString
                sawColonAfterKey = false
                state = .outside
            } else {
                if currentString.count < 64 { currentString.append(byte) }
                state = .inString(escaped: !escaped && byte == UInt8(ascii: "\\"))
            }
            try appendSkeleton(byte)
        case let .inBase64(escaped):
            if escaped {
                // `\/` is JSON's optional escape of `/`; `\n` and friends are line breaks.
                if byte == UInt8(ascii: "/") { try feed(byte) }
                state = .inBase64(escaped: false)
            } else if byte == UInt8(ascii: "\\") {
                state = .inBase64(escaped: true)
            } else if byte == UInt8(ascii: "\"") {
                try endBase64()
                state = .outside
            } else {
                try feed(byte)
            }
        }
    }

    /// Decodes the whole groups at the front of `input` straight into `decoded`, flushing as it
    /// fills; returns how many characters it took.
    private mutating func decodeRun(_ input: UnsafeBufferPointer<UInt8>) throws(PixapiError) -> Int {
        var read = 0
        while true {
            let (taken, written) = decoded.withUnsafeMutableBufferPointer { output in
                decoder.decodeGroups(
                    UnsafeBufferPointer(rebasing: input[read...]), into: UnsafeMutableBufferPointer(rebasing: output[decodedCount..<Self.flushSize]))
            }
            read += taken
            decodedCount += written
            guard decodedCount >= Self.flushSize else { return read }
            try flush()
        }
    }

    private mutating func feed(_ byte: UInt8) throws(PixapiError) {
        decoder.feed(byte, into: &tail)
        try takeTail()
    }

    private mutating func takeTail() throws(PixapiError) {
        for byte in tail {
            decoded[decodedCount] = byte
            decodedCount += 1
        }
        tail.removeAll(keepingCapacity: true)
        if decodedCount >= Self.flushSize { try flush() }
    }

    /// Call after the last byte: fails when the body ended inside a string (a truncated response).
    mutating func finish() throws(PixapiError) {
        guard case .outside = state else {
            closeFile()
            throw PixapiError(.malformedResponse, "the server's response ended in the middle of the data (truncated)")
        }
    }

    /// Removes every file written so far: for an aborted response.
    mutating func discard() {
        closeFile()
        for url in spooledFiles { try? FileManager.default.removeItem(at: url) }
        spooledFiles.removeAll()
    }

    private mutating func appendSkeleton(_ byte: UInt8) throws(PixapiError) {
        guard skeleton.count < ImageResponseSpooler.maxSkeletonBytes else {
            throw PixapiError(.malformedResponse, "the server's response is not an image response (over 4 MiB of non-image data)")
        }
        skeleton.append(byte)
    }

    private mutating func beginBase64() throws(PixapiError) {
        guard spooledFiles.count < maxImages else {
            throw PixapiError(.malformedResponse, "the server's answer carries more than the \(maxImages) images asked for; refused, nothing was kept")
        }
        let url = staging.appendingPathComponent("spool-\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            throw PixapiError(.io, "cannot write to \(staging.path): check that the folder exists, is writable and the disk is not full")
        }
        file = handle
        written = 0
        spooledFiles.append(url)
        decoder = Base64StreamDecoder()
        if decoded.isEmpty { decoded = [UInt8](repeating: 0, count: Self.flushSize + 3) }
        decodedCount = 0
        for byte in "\"\(ImageResponseSpooler.placeholderPrefix)\(spooledFiles.count - 1)\"".utf8 {
            try appendSkeleton(byte)
        }
    }

    private mutating func endBase64() throws(PixapiError) {
        let valid = decoder.finish(into: &tail)
        try takeTail()
        try flush()
        closeFile()
        guard valid else {
            throw PixapiError(.malformedResponse, "the server sent an image that is not valid base64")
        }
    }

    private mutating func flush() throws(PixapiError) {
        guard decodedCount > 0, let file else { return }
        guard written + decodedCount <= maxImageBytes else {
            throw PixapiError(
                .malformedResponse,
                "image \(spooledFiles.count) in the server's answer is over \(BodyTransfer.sizeText(maxImageBytes)), more than any real image; refused, nothing was kept"
            )
        }
        written += decodedCount
        do {
            try decoded.withUnsafeBytes { bytes in try file.write(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[..<decodedCount])) }
        } catch {
            throw PixapiError(.io, "cannot save the image in \(staging.path): \(error.localizedDescription) (is the disk full?)")
        }
        decodedCount = 0
    }

    private mutating func closeFile() {
        try? file?.close()
        file = nil
    }
}
