import Dispatch

/// Area-averaging (box filter) resampling: every output pixel is the mean of exactly the source
/// area it covers, with partial weights for source pixels cut by its edges. Thumbnails and
/// terminal previews shrink images 10-50x, where skipping pixels (nearest neighbour) aliases
/// badly and small-kernel filters miss most of the picture.
extension RGBAImage {
    /// Colours are averaged premultiplied by alpha, so fully transparent pixels (whatever colour
    /// they happen to store) do not tint their visible neighbours. Also works for enlarging,
    /// where it blends at most two source pixels per axis.
    public func downscaled(toWidth targetWidth: Int, height targetHeight: Int) -> RGBAImage {
        precondition(targetWidth > 0 && targetHeight > 0, "target size must be positive")
        guard width > 0, height > 0 else {
            return RGBAImage(width: targetWidth, height: targetHeight, pixels: [UInt8](repeating: 0, count: targetWidth * targetHeight * 4))
        }
        if targetWidth == width && targetHeight == height { return self }
        let columns = CoverageSpan.spans(source: width, target: targetWidth)
        return Self.averaging(rowSums: rowSums(columns), sourceWidth: width, sourceHeight: height, toWidth: targetWidth, height: targetHeight)
    }

    /// The image pass 2 makes of pass 1's row sums (`height` rows of `targetWidth` premultiplied
    /// sums); also the end of `ImageDecoder.decodeDownscaled`, whose PNG path sums while decoding.
    static func averaging(rowSums partial: [Float], sourceWidth: Int, sourceHeight: Int, toWidth targetWidth: Int, height targetHeight: Int) -> RGBAImage {
        let rows = CoverageSpan.spans(source: sourceHeight, target: targetHeight)
        let area = Float(sourceWidth) / Float(targetWidth) * Float(sourceHeight) / Float(targetHeight)
        let output = averageColumns(partial, width: targetWidth, rows: rows, area: area)
        return RGBAImage(width: targetWidth, height: targetHeight, pixels: output)
    }

    /// Pass 1: for each source row, the premultiplied sums (r·a, g·a, b·a, a) over each target
    /// column's span. This pass reads every source pixel, so large images split it into bands of
    /// rows across cores; each band writes only its own rows of the result.
    func rowSums(_ columns: [CoverageSpan]) -> [Float] {
        var sums = [Float](repeating: 0, count: columns.count * height * 4)
        let bands = width * height >= 1 << 20 ? 8 : 1
        pixels.withUnsafeBufferPointer { source in
            sums.withUnsafeMutableBufferPointer { sums in
                columns.withUnsafeBufferPointer { columns in
                    let pass = RowPass(source: source, columns: columns, sums: sums, width: width)
                    DispatchQueue.concurrentPerform(iterations: bands) { band in
                        for y in band * height / bands..<(band + 1) * height / bands { pass.sumRow(y) }
                    }
                }
            }
        }
        return sums
    }

    /// Pass 2: weights the row sums over each target row's span, then un-premultiplies.
    private static func averageColumns(_ partial: [Float], width targetWidth: Int, rows: [CoverageSpan], area: Float) -> [UInt8] {
        let stride = targetWidth * 4
        var output = [UInt8](repeating: 0, count: stride * rows.count)
        var accumulator = [Float](repeating: 0, count: stride)
        partial.withUnsafeBufferPointer { partial in
            output.withUnsafeMutableBufferPointer { output in
                accumulator.withUnsafeMutableBufferPointer { accumulator in
                    for (y, span) in rows.enumerated() {
                        for i in 0..<stride { accumulator[i] = 0 }
                        for (sourceRow, weight) in span.weightedPixels {
                            let base = sourceRow * stride
                            for i in 0..<stride { accumulator[i] += partial[base + i] * weight }
                        }
                        let out = y * stride
                        for x in Swift.stride(from: 0, to: stride, by: 4) {
                            let alpha = accumulator[x + 3]
                            guard alpha > 0 else { continue }
                            output[out + x] = rounded(accumulator[x] / alpha)
                            output[out + x + 1] = rounded(accumulator[x + 1] / alpha)
                            output[out + x + 2] = rounded(accumulator[x + 2] / alpha)
                            output[out + x + 3] = rounded(alpha / area)
                        }
                    }
                }
            }
        }
        return output
    }

    private static func rounded(_ value: Float) -> UInt8 {
        UInt8(min(255, max(0, value + 0.5)))
    }
}

/// The buffers of pass 1. `@unchecked Sendable` because the bands share them: the source and
/// spans are only read, and each row of `sums` is written by exactly one band.
private struct RowPass: @unchecked Sendable {
    let source: UnsafeBufferPointer<UInt8>
    let columns: UnsafeBufferPointer<CoverageSpan>
    let sums: UnsafeMutableBufferPointer<Float>
    let width: Int

    /// Whole pixels are summed in integers; only the two edge pixels of a span are weighted.
    func sumRow(_ y: Int) {
        let row = y * width * 4
        var out = y * columns.count * 4
        for span in columns {
            var r: UInt64 = 0, g: UInt64 = 0, b: UInt64 = 0, a: UInt64 = 0  // 64-bit: a span may be 100k pixels wide
            var index = row + (span.first + 1) * 4
            let end = row + span.last * 4
            while index < end {
                let alpha = UInt64(source[index + 3])
                r &+= UInt64(source[index]) &* alpha
                g &+= UInt64(source[index + 1]) &* alpha
                b &+= UInt64(source[index + 2]) &* alpha
                a &+= alpha
                index += 4
            }
            let sum =
                SIMD4(Float(r), Float(g), Float(b), Float(a))
                + premultiplied(row + span.first * 4, span.firstWeight)
                + premultiplied(row + span.last * 4, span.lastWeight)
            sums[out] = sum.x; sums[out + 1] = sum.y; sums[out + 2] = sum.z; sums[out + 3] = sum.w
            out += 4
        }
    }

    /// (r·a, g·a, b·a, a) of one source pixel, scaled by its coverage.
    @inline(__always)
    private func premultiplied(_ offset: Int, _ weight: Float) -> SIMD4<Float> {
        let alpha = Float(source[offset + 3]) * weight
        return SIMD4(Float(source[offset]) * alpha, Float(source[offset + 1]) * alpha, Float(source[offset + 2]) * alpha, alpha)
    }
}

/// The source pixels one target pixel covers along one axis: `first...last`, where the two end
/// pixels may be covered only partly and interior pixels weigh exactly 1. Computed with integer
/// arithmetic in units of 1/target so spans meeting at a pixel boundary get no stray sliver.
struct CoverageSpan: Sendable {
    let first: Int
    let last: Int
    /// Weights in source pixels; `lastWeight` is 0 when the span lies within one source pixel.
    let firstWeight: Float
    let lastWeight: Float

    static func spans(source: Int, target: Int) -> [CoverageSpan] {
        (0..<target).map { index in
            let start = index * source, end = (index + 1) * source
            let first = start / target, last = (end - 1) / target
            func weight(_ pixel: Int) -> Float {
                Float(min(end, (pixel + 1) * target) - max(start, pixel * target)) / Float(target)
            }
            return CoverageSpan(first: first, last: last, firstWeight: weight(first), lastWeight: first == last ? 0 : weight(last))
        }
    }

    /// The end pixels with their weights (one when the span lies within one pixel).
    var edges: [(pixel: Int, weight: Float)] {
        first == last ? [(first, firstWeight)] : [(first, firstWeight), (last, lastWeight)]
    }

    /// Every covered pixel with its weight, for the pass where spans are short lists of rows.
    var weightedPixels: [(pixel: Int, weight: Float)] {
        guard last - first > 1 else { return edges }
        return [(first, firstWeight)] + (first + 1..<last).map { ($0, 1) } + [(last, lastWeight)]
    }
}
