import TerminalGraphics

/// A small sixel reader for the tests: enough of the format to turn pixterm's output back into
/// pixels (raster attributes, RGB colour registers, colour selection, repeats, `$` and `-`).
/// Unpainted pixels stay nil.
struct SixelDecoder {
    struct Failure: Error, CustomStringConvertible { let description: String }

    var width = 0
    var height = 0
    var pixels: [RGB?] = []

    init(_ bytes: [UInt8]) throws {
        guard bytes.starts(with: [0x1B, UInt8(ascii: "P")]), bytes.suffix(2) == [0x1B, 0x5C],
            let q = bytes.firstIndex(of: UInt8(ascii: "q"))
        else { throw Failure(description: "not a DCS ... q ... ST string") }
        var body = Array(bytes[(q + 1)..<(bytes.count - 2)])[...]
        var registers: [Int: RGB] = [:]
        var colour: RGB?
        var x = 0, band = 0

        func number() -> Int {
            var value = 0
            while let digit = body.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) {
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
                body.removeFirst()
            }
            return value
        }
        func parameters() -> [Int] {
            var values = [number()]
            while body.first == UInt8(ascii: ";") { body.removeFirst(); values.append(number()) }
            return values
        }
        func paint(_ sixel: UInt8, count: Int) throws {
            guard let colour else { throw Failure(description: "data before any colour") }
            let bits = Int(sixel) - 63
            for _ in 0..<count {
                for bit in 0..<6 where bits & (1 << bit) != 0 {
                    let y = band * 6 + bit
                    guard x < width, y < height else { throw Failure(description: "pixel \(x),\(y) outside \(width)x\(height)") }
                    pixels[y * width + x] = colour
                }
                x += 1
            }
        }
        func scaled(_ percent: Int) -> UInt8 { UInt8((percent * 255 + 50) / 100) }

        while let byte = body.popFirst() {
            switch byte {
            case UInt8(ascii: "\""):
                let raster = parameters()
                guard raster.count == 4 else { throw Failure(description: "raster attributes need 4 numbers") }
                width = raster[2]
                height = raster[3]
                pixels = Array(repeating: nil, count: width * height)
            case UInt8(ascii: "#"):
                let values = parameters()
                if values.count == 5 {
                    guard values[1] == 2 else { throw Failure(description: "only RGB colours are expected") }
                    registers[values[0]] = RGB(scaled(values[2]), scaled(values[3]), scaled(values[4]))
                } else {
                    guard let selected = registers[values[0]] else { throw Failure(description: "colour \(values[0]) used before it is defined") }
                    colour = selected
                }
            case UInt8(ascii: "!"):
                let count = number()
                guard let sixel = body.popFirst() else { throw Failure(description: "repeat without data") }
                try paint(sixel, count: count)
            case UInt8(ascii: "$"): x = 0
            case UInt8(ascii: "-"): x = 0; band += 1
            case 63...126: try paint(byte, count: 1)
            default: throw Failure(description: "unexpected byte \(byte)")
            }
        }
    }

    func pixel(_ x: Int, _ y: Int) -> RGB? { pixels[y * width + x] }
}
