import ArgumentParser
import Foundation
import ImageCodec
import PixapiKit
import TerminalGraphics

/// `pixterm preview FILE`: an image drawn in the terminal, like `chafa`: with real pixels where
/// the terminal can show them (kitty, iTerm2, sixel), with half blocks everywhere else.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Draw an image in the terminal.")

    @Argument(help: "A PNG or JPEG file.") var file: String
    @Option(name: .long, help: "Width in cells (default: the terminal's width, or 80).") var width: Int?
    @Option(name: .long, help: "Height in cells (default: the terminal's height less one line, or 40).") var height: Int?
    @Option(name: .long, help: "auto, truecolor, 256, 16 or none (auto honours NO_COLOR, COLORTERM and TERM).")
    var colors: String = "auto"
    @Option(name: .long, help: "auto, kitty, iterm, sixel or blocks (default: graphics in config, then auto-detect).")
    var graphics: String?

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1") }
        if let height, height < 1 { throw ValidationError("--height must be at least 1") }
        if Self.mode(colors) == nil { throw ValidationError("--colors must be auto, truecolor, 256, 16 or none") }
        if let graphics, GraphicsPreference(graphics) == nil { throw ValidationError("--graphics must be \(GraphicsPreference.choices)") }
    }

    static func mode(_ text: String) -> ColorMode?? {
        switch text.lowercased() {
        case "auto": .some(nil)
        case "truecolor", "24bit": .truecolor
        case "256": .ansi256
        case "16": .ansi16
        case "none": ColorMode?.some(ColorMode.none)
        default: nil
        }
    }

    func run() async throws {
        try await reportingFailures {
            let environment = ProcessInfo.processInfo.environment
            let mode = (Self.mode(colors) ?? nil) ?? ColorMode.detect(environment: environment)
            let terminal = TerminalSize.current()
            let maxColumns = width ?? terminal?.columns ?? 80
            let maxRows = height ?? terminal.map { max(1, $0.rows - 1) } ?? 40
            // A `--graphics` flag decides alone, so the config file (whose validation parses the
            // model and price tables) is read only for its `graphics` key; and half blocks need
            // nothing from tmux (no passthrough), so asked for by name they do not wait on it.
            let settings = graphics == nil ? try? PixtermSettings.load(environment: environment) : nil
            let blocksByName = graphics.flatMap(GraphicsPreference.init) == .fixed(.blocks)
            let choice = try GraphicsSetup.choose(
                flag: graphics, settings: settings, environment: environment, tmux: blocksByName ? GraphicsSetup.TmuxQuestion(answer: nil) : nil
            )
            if let fix = choice.detection.fix, isatty(STDERR_FILENO) == 1 {
                Terminal.printError("showing half blocks because \(choice.detection.reason); for pixels: \(fix)")
            }
            let url = URL(fileURLWithPath: file)
            let output: [UInt8]
            do {
                if choice.detection.method == .blocks {
                    let lines = try PreviewRenderer(renderer: HalfBlockRenderer(mode: mode))
                        .render(contentsOf: url, maxColumns: maxColumns, maxRows: maxRows)
                    output = Array((lines.joined(separator: "\n") + "\n").utf8)
                } else {
                    let cell = choice.cellSize
                    let image = try ImageDecoder.decode(contentsOf: url, maxDimensionHint: max(maxColumns * cell.width, maxRows * cell.height))
                    let encoder = GraphicsEncoder(detection: choice.detection, cellSize: cell, colorMode: mode)
                    output = try encoder.inline(image, maxColumns: maxColumns, maxRows: maxRows, imageID: UInt32.random(in: 1...255))
                }
            } catch {
                throw PixapiError(.io, TerminalText.sanitized("\(error)"))
            }
            FileHandle.standardOutput.write(Data(output))
        }
    }
}
