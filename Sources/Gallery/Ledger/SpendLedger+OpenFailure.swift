import Foundation

extension SpendLedger {
    /// Why the ledger in `directory` could not be opened, in words a user can act on. SQLite says
    /// only "unable to open database file" when the file or its folder cannot be read and written
    /// (permissions, a read-only disk), so that case names the path and the system's reason.
    static func openFailure(directory: URL, _ error: any Error) -> String {
        let file = directory.appendingPathComponent(fileName).path
        let needs = [(file, R_OK | W_OK), (directory.path, R_OK | W_OK | X_OK)]
        for (path, mode) in needs where FileManager.default.fileExists(atPath: path) && access(path, mode) != 0 {
            let reason = String(cString: strerror(errno))
            return "cannot open the spend ledger \(file): \(path) cannot be read and written (\(reason)); "
                + "pixterm records every paid request there before sending it, so nothing is sent until it can: "
                + "give yourself read and write access to it (chmod u+rw) or move the data folder to a writable disk"
        }
        return "cannot open the spend ledger in \(directory.path): \(error)"
    }
}
