import Foundation

/// A `multipart/form-data` body whose files are streamed from disk, with its length known up
/// front, so sixteen 50 MB inputs are never all in memory.
struct MultipartBody: Sendable {
    enum Part: Sendable {
        case bytes([UInt8])
        case file(path: String, byteCount: Int)
    }

    let boundary: String
    let parts: [Part]

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var contentLength: Int {
        parts.reduce(0) { total, part in
            switch part {
            case let .bytes(bytes): total + bytes.count
            case let .file(_, count): total + count
            }
        }
    }

    /// Fields first, then `image[]` parts (or `image` when there is one), then `mask`.
    init(request: ImageRequest, images: [EditInput], mask: EditInput?, boundary: String = "pixterm-\(UUID().uuidString)") {
        self.boundary = boundary
        var parts: [Part] = []
        func header(_ disposition: String, contentType: String? = nil) -> [UInt8] {
            var text = "--\(boundary)\r\nContent-Disposition: form-data; \(disposition)\r\n"
            if let contentType { text += "Content-Type: \(contentType)\r\n" }
            return Array((text + "\r\n").utf8)
        }
        for field in request.fields {
            parts.append(.bytes(header("name=\"\(field.name)\"") + Array(field.value.text.utf8) + Array("\r\n".utf8)))
        }
        let imageField = images.count == 1 ? "image" : "image[]"
        var files = images.map { (imageField, $0) }
        if let mask { files.append(("mask", mask)) }
        for (name, input) in files {
            let filename = MultipartBody.safeFilename(input.path, format: input.header.format.fileExtension)
            parts.append(.bytes(header("name=\"\(name)\"; filename=\"\(filename)\"", contentType: input.header.format.mimeType)))
            parts.append(.file(path: input.path, byteCount: input.byteCount))
            parts.append(.bytes(Array("\r\n".utf8)))
        }
        parts.append(.bytes(Array("--\(boundary)--\r\n".utf8)))
        self.parts = parts
    }

    /// A filename the header can carry: ASCII without quotes or separators; the server does not need ours.
    static func safeFilename(_ path: String, format: String) -> String {
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let cleaned = String(base.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }.prefix(60))
        return (cleaned.isEmpty ? "image" : cleaned) + "." + format
    }

    /// The body in pieces of at most `chunkSize` bytes; a file that changed size since it was
    /// checked makes the stream fail rather than send a body of the wrong length.
    func chunks(chunkSize: Int = 256 << 10) -> AsyncThrowingStream<[UInt8], any Error> {
        let parts = parts
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for part in parts {
                        switch part {
                        case let .bytes(bytes):
                            continuation.yield(bytes)
                        case let .file(path, byteCount):
                            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
                            defer { try? handle.close() }
                            var sent = 0
                            while sent < byteCount {
                                try Task.checkCancellation()
                                let data = try handle.read(upToCount: min(chunkSize, byteCount - sent)) ?? Data()
                                guard !data.isEmpty else {
                                    throw PixapiError(.io, "\(path) got shorter while it was being uploaded")
                                }
                                sent += data.count
                                continuation.yield([UInt8](data))
                            }
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
