/// Why an image could not be read or written, worded so the user knows what to do next.
///
/// `description` may contain a file name: pass it through `TerminalText.sanitized` before it
/// reaches a terminal.
public struct ImageCodecError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The bytes are not a valid image of their format, or the file was cut short.
        case corrupt
        /// A format pixterm recognises but cannot decode (WebP), or no image format at all.
        case unsupportedFormat
        /// More pixels than pixterm will allocate for: a decompression bomb or a huge scan.
        case tooLarge
        case outOfMemory
        /// The caller passed something no codec accepts (zero size, quality out of range).
        case invalidInput
        /// The file itself could not be read.
        case unreadable
    }

    public let kind: Kind
    public let description: String

    public init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    /// The same error, prefixed with the file it came from, for callers that decoded bytes they
    /// read themselves.
    public func about(file path: String) -> ImageCodecError {
        ImageCodecError(kind: kind, description: "\(path): \(description)")
    }
}
