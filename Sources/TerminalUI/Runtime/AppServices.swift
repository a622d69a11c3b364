import PixtermCore

/// The one interpreter of `Effect`s: jobs, gallery, files, the demo simulator, the clipboard and
/// quitting. Behind a protocol so the runtime can be driven in tests without network or disk.
public protocol AppServices: AnyObject, Sendable {
    /// Called once, right after the first frame: opens what the services need (the backend)
    /// and claims the journal entries left open, reporting them with `.resume`.
    func start(send: @escaping @Sendable (Action) -> Void)
    /// Runs one effect. Called on the UI thread: `session` is for this call only (the
    /// terminal belongs to that thread); work that takes time runs in the background and
    /// reports through `send`.
    func perform(_ effect: Effect, session: any UISession, send: @escaping @Sendable (Action) -> Void)
}

/// What an effect may do to the UI itself, from the UI thread.
public protocol UISession: AnyObject {
    /// Writes bytes to the terminal that ncurses knows nothing about (the clipboard's OSC 52).
    func writeToTerminal(_ bytes: [UInt8])
    /// Ends the UI loop once the current turn is done.
    func endSession()
}
