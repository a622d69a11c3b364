import Foundation
import PixapiKit

/// Opens an image in the desktop's viewer, when there is a desktop: over SSH there is none,
/// and the user is told to copy the path instead.
enum SystemViewer {
    static func open(_ path: String, environment: [String: String]) throws(PixapiError) {
        #if os(macOS)
        let program = "/usr/bin/open"
        #else
        guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil,
            let program = executable("xdg-open", path: environment["PATH"] ?? "/usr/bin:/bin")
        else {
            throw PixapiError(.invalidInput, "no graphical display here (over SSH?); press c to copy the path instead")
        }
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw PixapiError(.io, "could not start \(program): \(error.localizedDescription)") }
    }

    private static func executable(_ name: String, path: String) -> String? {
        path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
