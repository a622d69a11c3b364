import CImageCodecs

/// Proves that bytes are a whole image of the format they claim, for files about to enter the
/// gallery from a server: a valid header and ending are not enough (a file of garbage between a
/// real IHDR and IEND passes both).
public enum ImageVerifier {
    /// Decodes everything without keeping the pixels (memory for one row) and returns the format
    /// with the size the data decoded to, for the caller to compare with what the header says.
    ///
    /// PNG and JPEG are decoded in full. WebP, which pixterm cannot decode, gets a structural check
    /// instead (`WebPContainer`): the RIFF size matches the file and every chunk fits.
    public static func verify(_ bytes: [UInt8]) throws(ImageCodecError) -> ImageHeader {
        switch ImageHeader.sniffFormat(bytes) {
        case .png:
            let size = try NativeCodec.verify(bytes, format: "PNG") { data, length, maxPixels, width, height, err, errLength in
                pxc_png_verify(data, length, maxPixels, width, height, err, errLength)
            }
            return ImageHeader(format: .png, width: size.width, height: size.height)
        case .jpeg:
            let size = try NativeCodec.verify(bytes, format: "JPEG") { data, length, maxPixels, width, height, err, errLength in
                pxc_jpeg_verify(data, length, maxPixels, width, height, err, errLength)
            }
            return ImageHeader(format: .jpeg, width: size.width, height: size.height)
        case .webp:
            return try WebPContainer.verify(bytes)
        case nil:
            throw ImageCodecError(kind: .unsupportedFormat, description: "Not a PNG, JPEG or WebP image (unrecognised first bytes).")
        }
    }
}
