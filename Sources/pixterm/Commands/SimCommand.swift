import ArgumentParser
import Foundation
import PixapiKit
import PixapiSimulator

/// `pixterm sim`: the local Pixapi-compatible simulator, for trying pixterm and scripts offline.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run a local Pixapi-compatible simulator (offline, no credits spent).",
        discussion: """
            Point pixterm at it with --base-url or PIXAPI_BASE_URL. It validates requests like Pixapi, \
            returns real images of the requested size drawn from the prompt, and refuses prompts \
            containing the word "forbidden" with 422 prompt_rejected. Tests schedule faults through \
            POST /_sim/faults.
            """
    )

    @Option(name: .long, help: "Address to listen on (loopback by default).") var host = "127.0.0.1"
    @Option(name: .long, help: "Port (0 picks a free one; the URL is printed).") var port = 8080
    @Option(name: .long, help: "Extra delay per request, in milliseconds.") var latency = 0
    @Option(name: .long, help: "How long an async task takes, in milliseconds.") var taskDuration = 2000
    @Option(name: .long, help: "Accept only this bearer key (default: any non-empty key).") var key: String?
    @Option(name: .long, help: "Starting credit balance (default: unlimited).") var credits: Int?
    @Option(name: .long, help: "Images to draw: striped (small PNGs) or photo (photograph-sized PNGs, for benchmarks).")
    var images = "striped"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard latency >= 0, taskDuration >= 0 else { throw ValidationError("--latency and --task-duration cannot be negative") }
        guard imageStyle != nil else {
            let choices = SimulatedImageStyle.allCases.map(\.rawValue).joined(separator: " or ")
            throw ValidationError("--images must be \(choices), not \"\(TerminalText.sanitized(images))\"")
        }
    }

    private var imageStyle: SimulatedImageStyle? { SimulatedImageStyle(rawValue: images) }

    func run() async throws {
        let configuration = SimulatorConfiguration(
            host: host, port: port, latency: .milliseconds(latency), taskDuration: .milliseconds(taskDuration),
            requiredKey: key, startingCredits: credits, imageStyle: imageStyle ?? .striped
        )
        try await reportingFailures {
            try await Simulator.run(configuration) { url in
                FileHandle.standardOutput.write(Data("pixterm simulator listening on \(url.absoluteString) (Ctrl+C to stop)\n".utf8))
            }
        }
    }
}
