import ImageCodec

/// DEC sixel graphics (xterm -ti vt340, foot, mlterm, WezTerm, Windows Terminal, tmux 3.4+ with
/// sixel support): a palette, then the picture in bands six pixels tall, one pass per colour,
/// with runs compressed. Pixels with alpha below one half are left unpainted, so the terminal's
/// background shows through them (P2 = 1).
public struct SixelEncoder: Sendable {
    /// At most 256: the register count most sixel terminals provide.
    public var maxColours: Int
    /// Floyd-Steinberg error diffusion: smoother gradients, but the noise defeats run-length
    /// compression, so it is off by default to keep output small over SSH.
    public var dither: Bool

    public init(maxColours: Int = 256, dither: Bool = false) {
        self.maxColours = min(256, max(1, maxColours))
        self.dither = dither
    }

    /// The complete DCS string for `image` at its own pixel size.
    public func encode(_ image: RGBAImage) -> [UInt8] {
        var palette = MedianCutPalette(image, maxColours: maxColours)
        let indices = dither ? ditheredIndices(image, &palette) : nearestIndices(image, &palette)
        var output: [UInt8] = Array("\u{1B}P0;1;0q\"1;1;\(image.width);\(image.height)".utf8)
        for (index, colour) in palette.colours.enumerated() {
            output += Array("#\(index);2;\(Self.percent(colour.r));\(Self.percent(colour.g));\(Self.percent(colour.b))".utf8)
        }
        var bands = BandWriter(width: image.width, colourCount: palette.colours.count)
        for top in stride(from: 0, to: image.height, by: 6) {
            if top > 0 { output.append(UInt8(ascii: "-")) }
            bands.write(indices, top: top, height: min(6, image.height - top), into: &output)
        }
        return output + EscapeBytes.stringTerminator
    }

    /// Sixel colour registers take percentages.
    static func percent(_ channel: UInt8) -> Int { (Int(channel) * 100 + 127) / 255 }

    private func nearestIndices(_ image: RGBAImage, _ palette: inout MedianCutPalette) -> [Int16] {
        var indices = [Int16](repeating: -1, count: image.width * image.height)
        let pixels = image.pixels
        for i in indices.indices where pixels[4 * i + 3] >= 128 {
            indices[i] = Int16(palette.index(of: RGB(pixels[4 * i], pixels[4 * i + 1], pixels[4 * i + 2])))
        }
        return indices
    }

    /// Floyd-Steinberg over opaque pixels; error is carried in two rows of per-channel integers
    /// scaled by 16 so the 7/3/5/1 weights stay exact.
    private func ditheredIndices(_ image: RGBAImage, _ palette: inout MedianCutPalette) -> [Int16] {
        let width = image.width, pixels = image.pixels
        var indices = [Int16](repeating: -1, count: width * image.height)
        var current = [Int](repeating: 0, count: (width + 2) * 3), next = current
        for y in 0..<image.height {
            for x in 0..<width {
                let i = y * width + x
                guard pixels[4 * i + 3] >= 128 else { continue }
                var wanted = [0, 0, 0]
                for c in 0..<3 {
                    wanted[c] = min(255, max(0, Int(pixels[4 * i + c]) + current[(x + 1) * 3 + c] / 16))
                }
                let index = palette.index(of: RGB(UInt8(wanted[0]), UInt8(wanted[1]), UInt8(wanted[2])))
                indices[i] = Int16(index)
                let chosen = palette.colours[index]
                for (c, value) in [chosen.r, chosen.g, chosen.b].enumerated() {
                    let error = wanted[c] - Int(value)
                    current[(x + 2) * 3 + c] += error * 7
                    next[x * 3 + c] += error * 3
                    next[(x + 1) * 3 + c] += error * 5
                    next[(x + 2) * 3 + c] += error
                }
            }
            swap(&current, &next)
            for i in next.indices { next[i] = 0 }
        }
        return indices
    }
}

/// Writes one band: for each colour present, `#n` and one sixel character per column (six
/// vertical bits plus 63), with `!count` for runs of four or more and `$` back to the band's start.
private struct BandWriter {
    let width: Int
    private var patterns: [UInt8]
    private var present: [Bool]

    init(width: Int, colourCount: Int) {
        self.width = width
        patterns = [UInt8](repeating: 0, count: width * max(1, colourCount))
        present = [Bool](repeating: false, count: max(1, colourCount))
    }

    mutating func write(_ indices: [Int16], top: Int, height: Int, into output: inout [UInt8]) {
        var order: [Int] = []
        for bit in 0..<height {
            let row = (top + bit) * width
            for x in 0..<width {
                let index = Int(indices[row + x])
                guard index >= 0 else { continue }
                if !present[index] { present[index] = true; order.append(index) }
                patterns[index * width + x] |= 1 << bit
            }
        }
        for (position, colour) in order.sorted().enumerated() {
            if position > 0 { output.append(UInt8(ascii: "$")) }
            output.append(UInt8(ascii: "#"))
            output.appendDecimal(colour)
            let base = colour * width
            var end = width
            while end > 0, patterns[base + end - 1] == 0 { end -= 1 }
            var x = 0
            while x < end {
                let value = patterns[base + x]
                var run = 1
                while x + run < end, patterns[base + x + run] == value { run += 1 }
                let character = value + 63
                if run >= 4 {
                    output.append(UInt8(ascii: "!"))
                    output.appendDecimal(run)
                    output.append(character)
                } else {
                    output += [UInt8](repeating: character, count: run)
                }
                x += run
            }
            for i in base..<base + width { patterns[i] = 0 }
            present[colour] = false
        }
    }
}
