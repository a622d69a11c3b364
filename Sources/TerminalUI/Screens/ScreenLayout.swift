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
    var body: GridRect { GridRect(row: 1, column: 0, width: size.columns, height: size.rows - 3) }

    var isTooSmall: Bool { size.columns < Self.minimum.columns || size.rows < Self.minimum.rows }

    // MARK: Compose

    /// Rows the settings panel needs: one per picker.
    static let settingsRows = 6

    /// The prompt box (frame included): grows with the terminal, leaving room for settings and jobs.
    func promptBox(editMode: Bool) -> GridRect {
        let fixed = Self.settingsRows + 1 + (editMode ? 1 : 0) + 3
        let height = max(4, min(body.height - fixed, max(5, body.height / 2)))
        return GridRect(row: body.row, column: 0, width: size.columns, height: height)
    }

    func settingsPanel(editMode: Bool) -> GridRect {
        let top = promptBox(editMode: editMode).row + promptBox(editMode: editMode).height
        return GridRect(row: top, column: 0, width: min(34, size.columns / 2), height: Self.settingsRows)
    }

    func costPanel(editMode: Bool) -> GridRect {
        let settings = settingsPanel(editMode: editMode)
        let column = settings.width + 1
        return GridRect(row: settings.row, column: column, width: size.columns - column, height: settings.height)
    }

    func sourcesRow(editMode: Bool) -> Int? {
        editMode ? settingsPanel(editMode: true).row + Self.settingsRows : nil
    }

    func jobsPanel(editMode: Bool) -> GridRect {
        let top = settingsPanel(editMode: editMode).row + Self.settingsRows + (editMode ? 1 : 0)
        return GridRect(row: top, column: 0, width: size.columns, height: max(0, messageRow - top))
    }

    // MARK: Gallery

    var galleryList: GridRect {
        GridRect(row: body.row + 1, column: 0, width: max(24, size.columns * 2 / 5), height: body.height - 1)
    }

    var galleryDetail: GridRect {
        let column = galleryList.width + 1
        return GridRect(row: body.row + 1, column: column, width: size.columns - column, height: body.height - 1)
    }
}
