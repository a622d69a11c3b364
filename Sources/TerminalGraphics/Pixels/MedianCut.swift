import ImageCodec

/// A palette of at most `maxColours` colours for an image, by median cut over a 15-bit
/// histogram: the box with the most pixels times its widest channel range is split at the
/// pixel median of that channel, so busy regions of colour space get more entries. Each entry
/// is the mean of the pixels it stands for, not the box centre, which keeps flat areas exact.
public struct MedianCutPalette: Sendable {
    public let colours: [RGB]
    private var nearestCache: [Int16]

    /// Pixels with alpha below `alphaThreshold` do not count (they stay transparent).
    public init(_ image: RGBAImage, maxColours: Int = 256, alphaThreshold: UInt8 = 128) {
        var histogram = [Bucket](repeating: Bucket(), count: 1 << 15)
        image.pixels.withUnsafeBufferPointer { pixels in
            for i in stride(from: 0, to: pixels.count, by: 4) where pixels[i + 3] >= alphaThreshold {
                let key = Int(pixels[i] >> 3) << 10 | Int(pixels[i + 1] >> 3) << 5 | Int(pixels[i + 2] >> 3)
                histogram[key].add(pixels[i], pixels[i + 1], pixels[i + 2])
            }
        }
        let used = histogram.indices.filter { histogram[$0].count > 0 }
        var boxes = used.isEmpty ? [] : [ColourBox(keys: used, histogram: histogram)]
        while boxes.count < max(1, maxColours),
            let index = boxes.indices.filter({ boxes[$0].keys.count > 1 }).max(by: { boxes[$0].priority < boxes[$1].priority })
        {
            let (low, high) = boxes[index].split(histogram: histogram)
            boxes[index] = low
            boxes.append(high)
        }
        colours = boxes.map { $0.mean(histogram: histogram) }
        nearestCache = [Int16](repeating: -1, count: 1 << 18)
    }

    /// The index of the closest palette colour (redmean distance); memoised on 6 bits per
    /// channel, which is finer than the palette can tell apart.
    public mutating func index(of colour: RGB) -> Int {
        let key = Int(colour.r >> 2) << 12 | Int(colour.g >> 2) << 6 | Int(colour.b >> 2)
        if nearestCache[key] >= 0 { return Int(nearestCache[key]) }
        var nearest = 0, best = Int.max
        for (candidate, entry) in colours.enumerated() {
            let distance = colour.distance(to: entry)
            if distance < best { best = distance; nearest = candidate }
        }
        nearestCache[key] = Int16(nearest)
        return nearest
    }
}

/// The pixels of one 15-bit histogram cell: count and channel sums.
private struct Bucket {
    var count = 0
    var red = 0, green = 0, blue = 0

    mutating func add(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        count += 1
        red += Int(r)
        green += Int(g)
        blue += Int(b)
    }
}

/// A set of histogram cells; the channel ranges are measured in 5-bit steps.
private struct ColourBox {
    let keys: [Int]
    let pixelCount: Int
    let ranges: [Int]

    init(keys: [Int], histogram: [Bucket]) {
        self.keys = keys
        pixelCount = keys.reduce(0) { $0 + histogram[$1].count }
        ranges = (0..<3).map { channel in
            let values = keys.map { Self.channel($0, channel) }
            return (values.max() ?? 0) - (values.min() ?? 0)
        }
    }

    var priority: Int { pixelCount * ((ranges.max() ?? 0) + 1) }

    static func channel(_ key: Int, _ channel: Int) -> Int { key >> (10 - 5 * channel) & 31 }

    /// Splits along the widest channel where half the pixels lie on each side; never leaves a
    /// side empty, so every split makes progress.
    func split(histogram: [Bucket]) -> (ColourBox, ColourBox) {
        let channel = ranges.indices.max { ranges[$0] < ranges[$1] } ?? 0
        let sorted = keys.sorted { Self.channel($0, channel) < Self.channel($1, channel) }
        var seen = 0, cut = 1
        for (position, key) in sorted.enumerated() {
            seen += histogram[key].count
            if seen * 2 >= pixelCount { cut = position + 1; break }
        }
        cut = min(max(1, cut), sorted.count - 1)
        return (ColourBox(keys: Array(sorted[..<cut]), histogram: histogram), ColourBox(keys: Array(sorted[cut...]), histogram: histogram))
    }

    func mean(histogram: [Bucket]) -> RGB {
        var r = 0, g = 0, b = 0
        for key in keys {
            r += histogram[key].red
            g += histogram[key].green
            b += histogram[key].blue
        }
        let n = max(1, pixelCount)
        return RGB(UInt8((r + n / 2) / n), UInt8((g + n / 2) / n), UInt8((b + n / 2) / n))
    }
}
