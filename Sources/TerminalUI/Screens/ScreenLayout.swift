import TerminalGraphics

/// Where each part of the screen goes for a terminal size. Pure, so tests can check every size.
struct ScreenLayout: Equatable {
    /// Below this the UI shows only "terminal too small".
    static let minimum = GridSize(columns: 60, rows: 18)

    let size: GridSize
    /// Row 0: model, size, cost, jobs, demo label.
    var statusRow: Int { 0 }
    /// The line for messages that stay until read.
    var messageRow: Int { size.rows - 2 }
    var footerRow: Int { size.rows - 1 }
    /// Everything between the status line and the message line.
    var body: CellRect { size.bounds.inset(top: 1, bottom: 2) }

    var isTooSmall: Bool { size.columns < Self.minimum.columns || size.rows < Self.minimum.rows }

    // MARK: Compose

    /// Rows the settings panel needs: one per picker.
    static let settingsRows = 6

    /// The prompt box (frame included): grows with the terminal, leaving room for settings and jobs.
    func promptBox(editMode: Bool) -> CellRect {
        let fixed = Self.settingsRows + 1 + (editMode ? 1 : 0) + 3
        let height = max(4, min(body.height - fixed, max(5, body.height / 2)))
        return body.resized(height: height)
    }

    /// The settings rows under the prompt box: the pickers on the left, the cost right of a divider.
    private func settingsRowsSplit(editMode: Bool) -> (left: CellRect, right: CellRect) {
        let band = CellRect(row: promptBox(editMode: editMode).bottom, column: 0, width: size.columns, height: Self.settingsRows)
        return band.splitColumns(leftWidth: min(34, size.columns / 2), gap: 1)
    }

    func settingsPanel(editMode: Bool) -> CellRect { settingsRowsSplit(editMode: editMode).left }

    func costPanel(editMode: Bool) -> CellRect { settingsRowsSplit(editMode: editMode).right }

    func sourcesRow(editMode: Bool) -> Int? {
        editMode ? settingsPanel(editMode: true).bottom : nil
    }

    /// The rest of the body under the settings (and the sources line in edit mode).
    func jobsPanel(editMode: Bool) -> CellRect {
        let top = settingsPanel(editMode: editMode).bottom + (editMode ? 1 : 0)
        return body.inset(top: top - body.row)
    }

    // MARK: Gallery

    /// Under the gallery's title line: the list on the left, the detail right of a divider.
    private var galleryPanels: (left: CellRect, right: CellRect) {
        body.inset(top: 1).splitColumns(leftWidth: max(24, size.columns * 2 / 5), gap: 1)
    }

    var galleryList: CellRect { galleryPanels.left }

    var galleryDetail: CellRect { galleryPanels.right }
}
