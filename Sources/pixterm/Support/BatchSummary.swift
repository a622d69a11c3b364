import Foundation
import PixtermCore

/// The line a batch ends with, on standard error: what was saved, what failed, what it cost,
/// and what to do next.
enum BatchSummary {
    static func text(_ results: [BatchResult], lines: Int, usdPerCredit: Double, input: BatchInput) -> String {
        let saved = results.filter { $0.status == .ok }.count
        let failed = results.filter { $0.status == .failed }.count
        let unknown = results.filter { $0.status == .unknown }.count
        let credits = results.reduce(0) { $0 + $1.credits }
        var parts = ["\(saved) of \(lines) line\(lines == 1 ? "" : "s") saved"]
        if failed > 0 { parts.append("\(failed) failed") }
        if unknown > 0 { parts.append("\(unknown) with an unknown outcome") }
        let notRun = lines - results.count
        if notRun > 0 { parts.append("\(notRun) not finished") }
        var text = "batch: \(parts.joined(separator: ", ")); \(credits) credit\(credits == 1 ? "" : "s") ($\(String(format: "%.2f", Double(credits) * usdPerCredit)))"
        if failed > 0 || notRun > 0 { text += "; `\(input.resumeHint)` sends the lines not saved again (never one that was charged or may have been)" }
        if unknown > 0 { text += "; `pixterm tasks` lists the unknown outcomes" }
        return text
    }
}
