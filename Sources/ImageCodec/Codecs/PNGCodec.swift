import CImageCodecs

/// Lossless PNG through libpng: what the gallery stores and what edit uploads are sent as.
public enum PNGCodec {
    /// Always writes 8-bit RGBA; `compressionLevel` is zlib's 0 (fastest) to 9 (smallest).
    public static func encode(_ image: RGBAImage, compressionLevel: Int = 6) throws(ImageCodecError) -> [UInt8] {
        try NativeCodec.encode(image, format: "PNG") { rgba, width, height, out, length, err, errLength in
            pxc_png_encode(rgba, width, height, Int32(clamping: compressionLevel), out, length, err, errLength)
        }
    }

    /// Accepts every PNG colour type, bit depth and interlacing, and returns RGBA8.
    public static func decode(_ bytes: [UInt8]) throws(ImageCodecError) -> RGBAImage {
        try bytes.withUnsafeBufferPointer { bytes throws(ImageCodecError) in try decode(bytes) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(ImageCodecError) -> RGBAImage {
        try NativeCodec.decode(bytes, format: "PNG") { data, length, width, height, err, errLength in
            pxc_png_dimensions(data, length, NativeCodec.maxPixels, width, height, err, errLength)
        } decoder: { data, length, width, height, out, capacity, err, errLength in
            pxc_png_decode(data, length, width, height, out, capacity, err, errLength)
        }
    }
}
