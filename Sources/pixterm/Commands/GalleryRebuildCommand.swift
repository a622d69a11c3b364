import ArgumentParser
import Foundation
import PixapiKit
import PixtermApp

/// `pixterm gallery rebuild`: makes the index again from the images and sidecars.
struct GalleryRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Make the gallery index again from the files (after editing sidecars, or if it seems wrong)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            // Opening a gallery without an index would rebuild it once already.
            let store = try JobBackend.openGallery(settings: try global.settings(), rebuildIfNeeded: false)
            // A line on standard error while it runs, when that is a terminal.
            let console = RebuildConsole()
            defer { console?.end() }
            let problems = try store.rebuild(progress: console.map { console in { console.show($0) } })
            console?.end()
            if let notice = store.indexNotice { Terminal.printError("note: " + TerminalText.sanitized(notice)) }
            let total = try store.page(limit: 1).total
            print("indexed \(total) image\(total == 1 ? "" : "s"), \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            for problem in problems { print("  " + TerminalText.sanitized(problem.description)) }
        }
    }
}
