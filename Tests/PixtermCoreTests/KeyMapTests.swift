import Foundation
import PixapiKit
import Testing
import TestSupport
@testable import PixtermCore

/// The key tables are the one list of what each screen context does: every command has a
/// binding with a help line, and a key no table in force claims changes nothing.
@Suite struct KeyMapTests {
    let environment = AppEnvironment.testing(maxCredits: 100)

    /// Every case of `Command` is bound in one of the table's variants, every binding has keys
    /// and a help line, and no key is bound twice in one table.
    func checkTable<Command: KeyCommand>(_ name: String, _ variants: [KeyMap<Command>]) {
        let bound = Set(variants.flatMap { $0.bindings.map(\.command) })
        let unbound = Command.allCases.filter { !bound.contains($0) }
        #expect(unbound.isEmpty, "\(name): commands no key reaches: \(unbound)")
        for map in variants {
            for binding in map.bindings {
                #expect(!binding.patterns.isEmpty, "\(name).\(binding.command) has no keys")
                #expect(!binding.help.keys.isEmpty && !binding.help.action.isEmpty, "\(name).\(binding.command) has no help line")
            }
            let patterns = map.bindings.flatMap(\.patterns)
            #expect(Set(patterns).count == patterns.count, "\(name): a key is bound twice")
        }
    }

    @Test func everyCommandOfEveryTableHasAKeyAndAHelpLine() {
        checkTable("global", [KeyMaps.global(typingText: true), KeyMaps.global(typingText: false)])
        checkTable("reader", [KeyMaps.reader])
        checkTable("help", [KeyMaps.help])
        checkTable("firstRun", [KeyMaps.firstRun])
        checkTable("confirm", [KeyMaps.confirm])
        checkTable("compose", [KeyMaps.compose(searching: true), KeyMaps.compose(searching: false)])
        checkTable("prompt", [KeyMaps.prompt])
        checkTable("picker", [KeyMaps.picker(typingSize: true), KeyMaps.picker(typingSize: false)])
        checkTable("sources", [KeyMaps.sources])
        checkTable("jobs", [KeyMaps.jobs])
        checkTable("galleryList", [KeyMaps.galleryList, KeyMaps.galleryGrid])
        checkTable("galleryFilter", [KeyMaps.galleryFilter])
        checkTable("galleryFilterBar", [KeyMaps.galleryFilterBar])
        checkTable("fullScreen", [KeyMaps.fullScreen])
        checkTable("sheet", [KeyMaps.sheet])
        checkTable("compare", [KeyMaps.compare])
    }

    /// The keys the issue found missing from help now have their lines.
    @Test func theHelpOverlayListsKeysThatUsedToBeMissing() {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        let prompt = state.helpSections.flatMap(\.hints).map(\.keys).joined(separator: " ")
        for key in ["Ctrl+A", "Ctrl+G", "Ctrl+R", "Ctrl+Z Ctrl+Y", "Ctrl+J or Alt+Enter"] { #expect(prompt.contains(key), "\(key)") }
        state = .showingGallery(items: 2, environment: environment)
        _ = state.update(.key(.character("v")), environment: environment)
        let viewing = state.helpSections.flatMap(\.hints).map(\.keys).joined(separator: " ")
        for key in ["h", "l", "Space", "g G"] { #expect(viewing.contains(key), "\(key)") }
    }

    /// The footer is drawn from the same tables: what it offers is what the keys do.
    @Test func footerHintsComeFromTheTablesInForce() {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        #expect(state.keyGuide.footer.first == KeyHint("Enter", "send"))
        #expect(state.keyGuide.footer.contains(KeyHint("F1", "help")), "the prompt types `?`, so F1 is the help key there")
        state.compose.focus = .picker(.model)
        #expect(state.keyGuide.footer.contains(KeyHint("?", "help")))
        state.overlay = .confirm(.quit(runningJobs: 1))
        #expect(state.keyGuide.footer == [KeyHint("y", "yes"), KeyHint("n", "no")])
    }

    /// The footer, drawn on every frame, reads `footerHints`: the key guide's footer without its help lines.
    @Test func footerHintsAreTheKeyGuidesFooterInEveryContext() {
        for (name, state) in statesInEveryContext() {
            #expect(!state.footerHints.isEmpty, "\(name)")
            #expect(state.footerHints == state.keyGuide.footer, "\(name)")
        }
    }

    /// One state per key context (and overlay), each with something for a stray handler to change.
    func statesInEveryContext() -> [(String, AppState)] {
        var states = AppState.inEveryKeyContext(environment: environment)
        let withAJob = states.first { $0.0 == "jobs" }?.1 ?? states[0].1
        for overlay in [Overlay.help, .log, .firstRun, .confirm(.spend(credits: 200, threshold: 100))] {
            var covered = withAJob
            covered.overlay = overlay
            states.append(("overlay \(overlay)", covered))
        }
        return states.map { name, state in
            var quiet = state
            quiet.message = nil
            return (name, quiet)
        }
    }

    /// Whether a table in force for `state` claims `key` (the order `update` consults them in).
    func isClaimed(_ key: InputKey, in state: AppState) -> Bool {
        let global = KeyMaps.global(typingText: state.isTypingText).command(for: key)
        if let overlay = state.overlay {
            if global == .interrupt { return true }
            switch overlay {
            case .help: return KeyMaps.help.command(for: key) != nil
            case .log: return KeyMaps.reader.command(for: key) != nil
            case .firstRun: return KeyMaps.firstRun.command(for: key) != nil
            case .confirm: return KeyMaps.confirm.command(for: key) != nil
            }
        }
        if global != nil { return true }
        switch state.keyContext {
        case let .prompt(searching): return KeyMaps.compose(searching: searching).command(for: key) != nil || KeyMaps.prompt.command(for: key) != nil
        case let .picker(typingSize):
            return KeyMaps.compose(searching: false).command(for: key) != nil || KeyMaps.picker(typingSize: typingSize).command(for: key) != nil
        case .sources: return KeyMaps.compose(searching: false).command(for: key) != nil || KeyMaps.sources.command(for: key) != nil
        case .jobs: return KeyMaps.compose(searching: false).command(for: key) != nil || KeyMaps.jobs.command(for: key) != nil
        case .galleryList: return KeyMaps.galleryList.command(for: key) != nil
        case .galleryGrid: return KeyMaps.galleryGrid.command(for: key) != nil
        case .galleryFilter: return KeyMaps.galleryFilter.command(for: key) != nil
        case .galleryFilterBar: return KeyMaps.galleryFilterBar.command(for: key) != nil
        case .fullScreen: return KeyMaps.fullScreen.command(for: key) != nil
        case .sheet(viewing: false): return KeyMaps.sheet.command(for: key) != nil
        case .sheet(viewing: true): return KeyMaps.fullScreen.command(for: key) != nil
        case .compare: return KeyMaps.compare.command(for: key) != nil
        }
    }

    static let everyKey: [InputKey] = {
        let printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ?/*-×é雪".map(InputKey.character)
        let special: [InputKey] = [
            .paste("x"), .enter, .newline, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .home, .end,
            .pageUp, .pageDown, .wordLeft, .wordRight,
        ]
        let ctrl = "abcdefghiklmnopqrstuvwxyz".map(InputKey.ctrl)
        return printable + special + ctrl + (1...12).map(InputKey.function)
    }()

    /// No handler sits outside the tables: a key that no table in force claims leaves the
    /// state as it was and asks for nothing, in every context.
    @Test func aKeyNoTableClaimsDoesNothing() {
        for (name, state) in statesInEveryContext() {
            var before = ""
            dump(state, to: &before)
            for key in Self.everyKey where !isClaimed(key, in: state) {
                var after = state
                let effects = after.update(.key(key), environment: environment)
                var changed = ""
                dump(after, to: &changed)
                #expect(effects.isEmpty && changed == before, "\(name): \(key) is handled outside the key tables")
            }
        }
    }
}
