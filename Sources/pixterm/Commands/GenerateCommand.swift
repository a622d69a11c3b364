import ArgumentParser
import Foundation
import PixapiKit

/// `pixterm generate PROMPT`: make images and save them to the gallery.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Generate images from a prompt and save them to the gallery.",
        discussion: ExitStatus.help
    )

    @Argument(help: "What to draw. Use - to read the prompt from standard input.") var prompt: String
    @OptionGroup var global: GlobalOptions
    @OptionGroup var request: RequestOptions
    @OptionGroup var options: ImageCommandOptions

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings(maxCredits: options.maxCredits)
            var built = try request.request(operation: .generate, prompt: try PromptArgument.read(prompt), settings: settings)
            built.responseFormat = try options.parsedResponseFormat()
            try await ImageCommandRunner.run(built, options: options, settings: settings, logger: try global.commandLogger(settings: settings))
        }
    }
}

/// `pixterm edit PROMPT --image FILE...`: edit images and save the results.
struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit one or more images with a prompt and save the results to the gallery.",
        discussion: ExitStatus.help
    )

    @Argument(help: "The change to make. Use - to read it from standard input.") var prompt: String
    @Option(name: .long, help: "A source image (PNG, JPEG or WebP); repeat for several, up to 16.") var image: [String] = []
    @Option(name: .long, help: "A PNG mask with alpha, the size of the first image: transparent areas are edited.") var mask: String?
    @OptionGroup var global: GlobalOptions
    @OptionGroup var request: RequestOptions
    @OptionGroup var options: ImageCommandOptions

    func run() async throws {
        try await reportingFailures {
            let settings = try global.settings(maxCredits: options.maxCredits)
            var built = try request.request(operation: .edit, prompt: try PromptArgument.read(prompt), settings: settings)
            // Absolute, so the sidecar names the sources wherever the command ran: "reuse" finds
            // them from any folder, and the gallery links an edit to a source inside it.
            built.images = image.map(Self.absolute)
            built.mask = mask.map(Self.absolute)
            built.responseFormat = try options.parsedResponseFormat()
            try await ImageCommandRunner.run(built, options: options, settings: settings, logger: try global.commandLogger(settings: settings))
        }
    }

    private static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
}

enum PromptArgument {
    /// The prompt argument, or standard input for `-`, so long prompts can come from a file.
    static func read(_ argument: String) throws(PixapiError) -> String {
        guard argument == "-" else { return argument }
        var lines: [String] = []
        while let line = readLine(strippingNewline: false) { lines.append(line) }
        let text = lines.joined()
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
