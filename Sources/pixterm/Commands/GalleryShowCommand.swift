import ArgumentParser
import Foundation
import Gallery
import PixapiKit
import TerminalGraphics

/// `pixterm gallery show ID|PATH`: one image's settings and cost, with a preview.
struct GalleryShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an image's settings, cost and a preview.")

    @Argument(help: "An id from `gallery list`, or the image's path.") var image: String
    @Flag(name: .long, help: "Settings only, no picture.") var noPreview = false
    @Flag(name: .long, help: "Print the entry and its sidecar as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    /// `--json` output: the index entry plus the sidecar as written, its text sanitized.
    struct ShowJSON: Encodable {
        let entry: GalleryPrinting.EntryJSON
        let sidecar: Sidecar?
    }

    func run() async throws {
        try await reportingFailures {
            let store = try global.openGallery()
            guard let entry = try store.entry(matching: Self.key(image)) else {
                throw PixapiError(.invalidInput, "no image \(TerminalText.sanitized(image)) in the gallery; `pixterm gallery list` shows ids")
            }
            let sidecar = store.sidecar(for: entry)
            if json {
                // The store hands out sidecars with every text field sanitized.
                try Terminal.printJSON(ShowJSON(entry: .init(entry), sidecar: sidecar))
                return
            }
            for (label, value) in Self.fields(entry, sidecar) { print(label.padding(toLength: 15, withPad: " ", startingAt: 0) + value) }
            if !noPreview { try preview(entry.url) }
        }
    }

    /// A path given on the command line is resolved from the current folder; anything else is an id.
    static func key(_ argument: String) -> String {
        guard argument.contains("/"), FileManager.default.fileExists(atPath: argument) else { return argument }
        return URL(fileURLWithPath: argument).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func fields(_ entry: GalleryEntry, _ sidecar: Sidecar?) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("id", entry.id), ("path", entry.url.path), ("created", GalleryPrinting.timestamp(entry.created)),
            ("model", entry.model ?? "-"), ("size", entry.size), ("quality", entry.quality ?? "-"),
        ]
        if let sidecar {
            let cost = [sidecar.creditsPerImage.map { "\($0) credits per image" }, sidecar.requestCost.map { "\($0) for the request of \(sidecar.n)" }]
            fields.append(("cost", cost.compactMap { $0 }.joined(separator: ", ").nonEmpty ?? "unknown"))
            fields.append(("image", "\(sidecar.index + 1) of \(sidecar.n)"))
            fields.append(("sent", "\(sidecar.endpoint) (\(sidecar.mode.rawValue))" + (sidecar.taskID.map { ", task \($0)" } ?? "")))
            fields.append(("prompt", sidecar.prompt))
            if let revised = sidecar.revisedPrompt { fields.append(("revised prompt", revised)) }
            if !sidecar.sourceImages.isEmpty { fields.append(("sources", sidecar.sourceImages.joined(separator: ", "))) }
            if let mask = sidecar.mask { fields.append(("mask", mask)) }
        } else {
            fields.append(("sidecar", "none: an image added outside pixterm"))
        }
        return fields.map { ($0.0, TerminalText.sanitized($0.1)) }
    }

    private func preview(_ file: URL) throws {
        let terminal = TerminalSize.current()
        let renderer = PreviewRenderer(renderer: HalfBlockRenderer(mode: ColorMode.detect(environment: ProcessInfo.processInfo.environment)))
        let lines: [String]
        do {
            lines = try renderer.render(contentsOf: file, maxColumns: min(terminal?.columns ?? 80, 80), maxRows: max(4, (terminal?.rows ?? 40) - 14))
        } catch {
            throw PixapiError(.io, "cannot draw \(TerminalText.sanitized(file.path)): \(TerminalText.sanitized("\(error)"))")
        }
        print(lines.joined(separator: "\n"))
    }
}

private extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
