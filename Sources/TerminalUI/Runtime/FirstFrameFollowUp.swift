import PixtermCore
import TerminalGraphics

/// What the UI works out right after its first frame, on the UI thread, before it reads a
/// key: the graphics detection, which waits for tmux's answer and for a round trip to the
/// terminal (up to 600 ms over SSH), and so would otherwise hold the first frame back.
public struct FirstFrameFollowUp {
    /// Draws previews with pixels; nil or half blocks keep them in the frame's cells.
    public var graphics: GraphicsEncoder?
    /// Folded into the state in order (the session log's note of what detection chose).
    public var actions: [Action]
    /// Bytes the user typed while the terminal was asked: the runtime's first input.
    public var typeahead: [UInt8]

    public init(graphics: GraphicsEncoder?, actions: [Action] = [], typeahead: [UInt8] = []) {
        self.graphics = graphics
        self.actions = actions
        self.typeahead = typeahead
    }
}
