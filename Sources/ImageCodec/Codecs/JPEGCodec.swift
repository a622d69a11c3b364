import CImageCodecs

/// JPEG through libjpeg-turbo: for photos the API returns as JPEG and for fast previews.
public enum JPEGCodec {
    /// Alpha is dropped (JPEG has none); `quality` is 1-100.
    public static func encode(_ image: RGBAImage, quality: Int = 90) throws(ImageCodecError) -> [UInt8] {
        try NativeCodec.encode(image, format: "JPEG") { rgba, width, height, out, length, err, errLength in
            pxc_jpeg_encode(rgba, width, height, Int32(clamping: quality), out, length, err, errLength)
        }
    }

    /// With `maxDimensionHint` the decoder may return a smaller image (DCT scaling by n/8, several
    /// times faster) whose longer side is still at least the hint: pass the longest side the
    /// caller will actually show.
    public static func decode(_ bytes: [UInt8], maxDimensionHint: Int? = nil) throws(ImageCodecError) -> RGBAImage {
        try bytes.withUnsafeBufferPointer { bytes throws(ImageCodecError) in try decode(bytes, maxDimensionHint: maxDimensionHint) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, maxDimensionHint: Int?) throws(ImageCodecError) -> RGBAImage {
        let minLongSide = UInt32(clamping: max(0, maxDimensionHint ?? 0))
        return try NativeCodec.decode(bytes, format: "JPEG") { data, length, width, height, err, errLength in
            pxc_jpeg_dimensions(data, length, NativeCodec.maxPixels, minLongSide, width, height, err, errLength)
        } decoder: { data, length, width, height, out, capacity, err, errLength in
            pxc_jpeg_decode(data, length, minLongSide, width, height, out, capacity, err, errLength)
        }
    }
}
