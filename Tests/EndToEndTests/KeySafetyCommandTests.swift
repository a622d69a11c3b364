import Foundation
import PixapiSimulator
import Testing
import TestSupport

/// The real binary: a config holding the key that others can read is warned about, credentials
/// in the base URL reach no file or listing, a revised prompt is saved redacted, and the process
/// cannot dump core.
@Suite struct KeySafetyCommandTests {
    @Test func doctorAndCommandsWarnAboutAConfigOthersCanReadButCarryOn() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = dir.url.appendingPathComponent("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("api_key = \"sk-config-secret-77\"\n".utf8).write(to: config)
        chmod(config.path, 0o644)
        let environment = dir.isolatedEnvironment(["TERM": "xterm-256color"])

        let doctor = try await PixtermBinary.run(["doctor", "--offline"], environment: environment, timeout: 60)
        #expect(doctor.status == 0, "\(doctor.stderr)")
        #expect(doctor.stdout.contains("config       warning\n  problem:   \(config.path) holds api_key but can be read by other users (mode 0644)\n"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("  fix:       chmod 600 \(config.path)\n"))
        #expect(!doctor.stdout.contains("sk-config-secret") && !doctor.stderr.contains("sk-config-secret"))

        let models = try await PixtermBinary.run(["models"], environment: environment)
        #expect(models.status == 0, "the warning does not stop the command: \(models.stderr)")
        #expect(models.stderr.contains("pixterm: warning: \(config.path) holds api_key but can be read by other users (mode 0644); fix: chmod 600 \(config.path)"))

        chmod(config.path, 0o600)
        let fixed = try await PixtermBinary.run(["models"], environment: environment)
        #expect(fixed.status == 0 && !fixed.stderr.contains("warning"), "\(fixed.stderr)")
        let doctorFixed = try await PixtermBinary.run(["doctor", "--offline"], environment: environment, timeout: 60)
        #expect(!doctorFixed.stdout.contains("holds api_key"))
    }

    @Test func theUIShowsTheConfigWarningOnItsMessageLine() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = dir.url.appendingPathComponent("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("api_key = \"sk-config-secret-77\"\n".utf8).write(to: config)
        chmod(config.path, 0o640)
        let environment = dir.isolatedEnvironment(["TERM": "tmux-256color", "LANG": "C.UTF-8"])
        let tmux = try TmuxSession(command: [PixtermBinary.url.path, "--demo"], environment: environment, width: 220, height: 30)
        let screen = try await tmux.waitFor(text: "holds api_key but can be read by other users (mode 0640)")
        #expect(screen.contains("fix: chmod 600 /"), "the fix follows, cut to the line with the full text in the log")
        #expect(screen.contains("Prompt"), "the UI runs on")
        #expect(!screen.contains("sk-config-secret"))
    }

    @Test func credentialsInTheBaseURLReachNoJournalListingOrDoctor() async throws {
        try await withSimulator(SimulatorConfiguration(taskDuration: .seconds(3))) { simulator in
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            let environment = dir.isolatedEnvironment(["PIXAPI_KEY": "sk-e2e-test", "PIXTERM_GALLERY": dir.path("gallery"), "TERM": "xterm-256color"])
            let withCredentials = "http://alice:pa55word@127.0.0.1:\(simulator.port)"
            let journal = dir.url.appendingPathComponent("data/pixterm/journal")

            let process = try PixtermBinary.start(["generate", "a quiet harbour", "-q", "low", "--async", "--base-url", withCredentials], environment: environment)
            let recorded = try await PixtermBinary.wait(timeout: 20) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
                return names.contains { $0.hasSuffix(".json") && ((try? String(contentsOf: journal.appendingPathComponent($0), encoding: .utf8))?.contains("\"taskID\"") ?? false) }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(recorded, "the journal never recorded the task")

            let entries = try FileManager.default.contentsOfDirectory(atPath: journal.path).filter { $0.hasSuffix(".json") }
            #expect(entries.count == 1)
            for name in entries {
                let text = try String(contentsOf: journal.appendingPathComponent(name), encoding: .utf8)
                #expect(!text.contains("pa55word") && !text.contains("alice"), "\(text)")
                #expect(text.contains("http:\\/\\/127.0.0.1:\(simulator.port)") || text.contains("http://127.0.0.1:\(simulator.port)"))
                var info = stat()
                _ = stat(journal.appendingPathComponent(name).path, &info)
                #expect(info.st_mode & 0o777 == 0o600)
            }
            var folder = stat()
            _ = stat(journal.path, &folder)
            #expect(folder.st_mode & 0o777 == 0o700)

            let listed = try await PixtermBinary.run(["tasks", "--json", "--base-url", withCredentials], environment: environment)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.contains("127.0.0.1:\(simulator.port)"))
            #expect(!(listed.stdout + listed.stderr).contains("pa55word"))
            #expect(listed.stderr.contains("has a user name or password, which pixterm ignores"))

            let doctor = try await PixtermBinary.run(["doctor", "--base-url", withCredentials], environment: environment, timeout: 60)
            #expect(doctor.stdout.contains("base url     http://127.0.0.1:\(simulator.port) reachable"), "\(doctor.stdout)")
            #expect(doctor.stdout.contains("base url     warning"))
            #expect(!(doctor.stdout + doctor.stderr).contains("pa55word") && !doctor.stdout.contains("alice"))
        }
    }

    @Test func aRevisedPromptEchoingTheKeyIsSavedRedacted() async throws {
        try await withSimulator { simulator in
            let dir = try TemporaryDirectory()
            defer { dir.remove() }
            let key = "sk-e2e-revised-key-0042"
            let environment = dir.isolatedEnvironment(["PIXAPI_KEY": key, "PIXTERM_GALLERY": dir.path("gallery")])
            let output = try await PixtermBinary.run(
                ["generate", "a sign that reads \(key)", "-q", "low", "--base-url", simulator.baseURL.absoluteString], environment: environment
            )
            #expect(output.status == 0, "\(output.stderr)")
            let sidecars =
                FileManager.default.enumerator(atPath: dir.path("gallery"))?.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".pixterm") } ?? []
            #expect(sidecars.count == 1)
            for name in sidecars {
                let data = try Data(contentsOf: URL(fileURLWithPath: dir.path("gallery")).appendingPathComponent(name))
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                #expect(object["revisedPrompt"] as? String == "a sign that reads [redacted]", "\(object)")
            }
        }
    }

    #if os(Linux)
    /// `/proc/PID/limits` shows the core limit; a process that is not dumpable has its
    /// `/proc/PID` files owned by root, which shows when it runs as another user (tests run as
    /// root here, so pixterm runs as `nobody` through setpriv).
    @Test func theProcessHoldingTheKeyCannotDumpCore() async throws {
        let asRoot = getuid() == 0
        let setpriv = "/usr/bin/setpriv"
        if asRoot { try #require(FileManager.default.isExecutableFile(atPath: setpriv), "setpriv (util-linux) runs pixterm as another user") }
        let binary = PixtermBinary.url.path
        let command = (asRoot ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : []) + [binary, "sim", "--port", "0"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // A generous limit to start from, so only pixterm itself can have set it to 0.
        process.arguments = ["-c", "ulimit -c unlimited && exec \"$@\"", "sh"] + command
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let proc = "/proc/\(process.processIdentifier)"
        func coreLimits() -> [String] {
            let limits = (try? String(contentsOfFile: "\(proc)/limits", encoding: .utf8)) ?? ""
            let line = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
            return Array(line.split(separator: " ").dropFirst(4).prefix(2).map(String.init))
        }
        func environOwner() -> uid_t? {
            var info = stat()
            return stat("\(proc)/environ", &info) == 0 ? info.st_uid : nil
        }
        // Wait for the exec into pixterm and its first act; the expectations below say what failed.
        _ = try await PixtermBinary.wait(timeout: 20) {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(proc)/exe")) == binary && coreLimits() == ["0", "0"] && environOwner() == 0
        }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: "\(proc)/exe")) == binary)
        #expect(coreLimits() == ["0", "0"], "soft and hard core limits are 0")

        let status = try String(contentsOfFile: "\(proc)/status", encoding: .utf8)
        let uidLine = status.split(separator: "\n").first { $0.hasPrefix("Uid:") } ?? ""
        let realUID = uidLine.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap { UInt32($0) }
        #expect(realUID != nil && realUID != 0, "pixterm runs as a user other than root: \(uidLine)")
        #expect(environOwner() == 0, "not dumpable: /proc/PID files belong to root, not to uid \(realUID ?? 0)")
    }
    #endif
}
