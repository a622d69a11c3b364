import ArgumentParser
import Foundation
import PixapiKit
import TerminalGraphics

/// `pixterm preview FILE`: an image drawn in the terminal with half blocks, like `chafa`.
struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "preview", abstract: "Draw an image in the terminal.")

    @Argument(help: "A PNG or JPEG file.") var file: String
    @Option(name: .long, help: "Width in cells (default: the terminal's width, or 80).") var width: Int?
    @Option(name: .long, help: "Height in cells (default: the terminal's height less one line, or 40).") var height: Int?
    @Option(name: .long, help: "auto, truecolor, 256, 16 or none (auto honours NO_COLOR, COLORTERM and TERM).")
    var colors: String = "auto"

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1") }
        if let height, height < 1 { throw ValidationError("--height must be at least 1") }
        if Self.mode(colors) == nil { throw ValidationError("--colors must be auto, truecolor, 256, 16 or none") }
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
            let renderer = PreviewRenderer(renderer: HalfBlockRenderer(mode: mode))
            let lines: [String]
            do {
                lines = try renderer.render(
                    contentsOf: URL(fileURLWithPath: file),
                    maxColumns: width ?? terminal?.columns ?? 80,
                    maxRows: height ?? terminal.map { max(1, $0.rows - 1) } ?? 40
                )
            } catch {
                throw PixapiError(.io, TerminalText.sanitized("\(error)"))
            }
            var output = lines.joined(separator: "\n")
            output += "\n"
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
