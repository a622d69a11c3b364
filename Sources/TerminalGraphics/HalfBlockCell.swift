/// One terminal cell of a half-block picture: the upper and lower pixel it stands for.
/// The ncurses UI draws these itself; `HalfBlockRenderer` turns them into escape sequences.
public struct HalfBlockCell: Sendable, Hashable {
    public var top: RGB
    public var bottom: RGB

    public init(top: RGB, bottom: RGB) {
        self.top = top
        self.bottom = bottom
    }
}
