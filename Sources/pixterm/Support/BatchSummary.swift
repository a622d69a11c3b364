import Foundation
import PixapiKit
import PixtermCore

/// The line a batch ends with, on standard error: what was saved, what failed, what it cost,
/// and what to do next.
enum BatchSummary {
    static func text(_ results: [BatchResult], lines: Int, usdPerCredit: Double, input: BatchInput, stop: BatchStop? = nil) -> String {
        let saved = results.filter { $0.status == .ok }.count
        let failed = results.filter { $0.status == .failed }.count
        let unknown = results.filter { $0.status == .unknown }.count
        let credits = results.reduce(0) { $0 + $1.credits }
        var parts = ["\(saved) of \(Plural.count(lines, "line")) saved"]
        if failed > 0 { parts.append("\(failed) failed") }
        if unknown > 0 { parts.append("\(unknown) with an unknown outcome") }
        let notRun = lines - results.count
        if notRun > 0 { parts.append("\(notRun) \(stop == nil ? "not finished" : "not started")") }
        var text = "batch: \(parts.joined(separator: ", ")); \(Plural.count(credits, "credit")) ($\(String(format: "%.2f", Double(credits) * usdPerCredit)))"
        let resend = "`\(input.resumeHint)` sends the lines not saved again (never one that was charged or may have been)"
        if let stop {
            text += "; stopped early: \(stop.reason), then \(resend)"
        } else if failed > 0 || notRun > 0 {
            text += "; \(resend)"
        }
        if unknown > 0 { text += "; `pixterm tasks` lists the unknown outcomes" }
        return text
    }
}
