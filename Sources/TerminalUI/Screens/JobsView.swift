import Foundation
import PixapiKit
import PixtermCore
import TerminalGraphics

/// The jobs list under the settings: state, elapsed time, progress, cost and prompt.
enum JobsView {
    /// Draws the list; the wheel over it moves the selection, a click on a job selects it.
    static func draw(_ state: AppState, into grid: inout CellGrid, rect: CellRect, now: Date, regions: inout [MouseRegion]) {
        guard rect.height > 0 else { return }
        let focused = state.compose.focus == .jobs
        grid.hline(row: rect.row, column: 0, width: rect.width, style: focused ? Theme.focusedFrame : Theme.frame)
        grid.put(" Jobs ", row: rect.row, column: 2, style: focused ? Theme.focusedFrame : Theme.title)
        // The list goes under the rule.
        let list = rect.inset(top: 1)
        let listRows = list.height
        guard listRows > 0 else { return }
        if state.jobs.isEmpty {
            grid.put("No jobs yet. Jobs run in the background; the UI stays yours.", in: list, line: 0, style: Theme.dim)
            return
        }
        let selected = min(state.selectedJob, state.jobs.count - 1)
        let first = max(0, min(selected - listRows + 1, state.jobs.count - listRows))
        regions.append(MouseRegion(list, .jobsList))
        for (line, index) in (first..<min(state.jobs.count, first + listRows)).enumerated() {
            let job = state.jobs[index]
            regions.append(MouseRegion(list.line(line), .job(index: index)))
            let style = focused && index == selected ? Theme.selected : Theme.text
            if focused && index == selected { grid.fill(list.line(line), style: style) }
            var column = grid.put(symbol(job) + " ", in: list, line: line, style: focused && index == selected ? style : stateStyle(job))
            column += grid.put(DisplayWidth.pad(label(job), toWidth: 17) + " ", in: list, line: line, column: column, style: style)
            column += grid.put(DisplayWidth.pad(elapsed(job, now: now), toWidth: 7), in: list, line: line, column: column, style: style)
            let cost = job.cost.map { "\($0.estimate ? "~" : "")\($0.costCredits) cr" } ?? "? cr"
            column += grid.put(DisplayWidth.pad(cost, toWidth: 8), in: list, line: line, column: column, style: style)
            var text = TerminalText.sanitized(job.request.prompt).replacingOccurrences(of: "\n", with: " ")
            if let kept = job.kept {
                text = keptNote(kept) + " — " + text
            } else if case let .failed(error) = job.state {
                text = error.message + " — " + text
            }
            grid.put(DisplayWidth.truncate(text, toWidth: max(0, list.width - column), ellipsis: "…"), in: list, line: line, column: column, style: style)
        }
    }

    /// What a job whose journal entry was kept says before its prompt; its label says why.
    static func keptNote(_ reason: KeptReason) -> String {
        switch reason {
        case .outcomeUnknown: "may have been charged; r retries with the same key (asks first)"
        case .paidNotDownloaded: "charged, images not saved; r retries with the same key (asks first)"
        }
    }

    static func symbol(_ job: Job) -> String {
        if job.kept != nil, job.state.isFinished { return "?" }
        return switch job.state {
        case .completed: "✔"
        case .failed: "✖"
        case .cancelled: "○"
        default: job.isResumed ? "↻" : "●"
        }
    }

    static func label(_ job: Job) -> String {
        if let progress = job.progress, !job.state.isFinished { return "\(job.stateLabel) \(progress)%" }
        return job.stateLabel
    }

    static func elapsed(_ job: Job, now: Date) -> String {
        let seconds = Int(job.elapsed(now: now).rounded(.down))
        return seconds < 60 ? "\(seconds)s" : "\(seconds / 60)m\(seconds % 60)s"
    }

    private static func stateStyle(_ job: Job) -> CellStyle {
        if job.kept != nil, job.state.isFinished { return Theme.warning }
        return switch job.state {
        case .completed: Theme.money
        case .failed: Theme.error
        case .cancelled: Theme.dim
        default: Theme.accent
        }
    }
}
