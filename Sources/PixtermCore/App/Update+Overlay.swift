import PixapiKit

extension AppState {
    /// An overlay takes every key but Ctrl+C until it is closed or answered.
    mutating func handleOverlayKey(_ key: InputKey, _ overlay: Overlay, environment: AppEnvironment) -> [Effect] {
        switch overlay {
        case .help:
            guard let command = KeyMaps.help.command(for: key) else { return [] }
            let lines = helpLineCount
            switch command {
            case .close: self.overlay = nil
            case .lineUp: helpScroll.scroll(by: -1, lineCount: lines)
            case .lineDown: helpScroll.scroll(by: 1, lineCount: lines)
            case .pageUp: helpScroll.scroll(by: -helpScroll.page, lineCount: lines)
            case .pageDown: helpScroll.scroll(by: helpScroll.page, lineCount: lines)
            case .top: helpScroll.scroll(by: -lines, lineCount: lines)
            case .bottom: helpScroll.scroll(by: lines, lineCount: lines)
            }
            return []
        case .log:
            guard let command = KeyMaps.reader.command(for: key) else { return [] }
            switch command {
            case .close: self.overlay = nil
            }
            return []
        case .firstRun:
            guard let command = KeyMaps.firstRun.command(for: key) else { return [] }
            switch command {
            case .startDemo: return [.startDemo]
            case .quit: return [.quit]
            case .lookAround: self.overlay = nil; return []
            }
        case let .confirm(question):
            guard let command = KeyMaps.confirm.command(for: key) else { return [] }
            self.overlay = nil
            return answer(question, yes: command == .yes, environment: environment)
        }
    }

    private mutating func answer(_ question: Confirmation, yes: Bool, environment: AppEnvironment) -> [Effect] {
        switch question {
        case .quit:
            return yes ? [.quit] : []
        case let .overBudget(_, _, retrying?):
            guard yes, let job = jobs.first(where: { $0.id == retrying }) else { note("not sent"); return [] }
            return retry(job, overBudget: true, environment: environment)
        case .spend, .overBudget:
            let request = compose.pendingSubmit
            compose.pendingSubmit = nil
            guard yes, let request else { note("not sent"); return [] }
            if case .overBudget = question { return start(request, overBudget: true, environment: environment) }
            return start(request, environment: environment)
        case let .retryKept(id, _, _):
            guard yes, let job = jobs.first(where: { $0.id == id }) else { note("not sent; the job stays in the journal (`pixterm tasks`)"); return [] }
            return retry(job, environment: environment)
        }
    }
}
