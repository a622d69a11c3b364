/// What the UI does about the character encoding of the locale it starts in.
///
/// ncurses draws and reads characters through the C library's locale. A locale without UTF-8
/// (LANG unset, `C`, `POSIX`: the usual state of a server or container reached over ssh) makes
/// it draw box lines as blanks and drop typed non-ASCII text. Terminals speak UTF-8, so the UI
/// switches LC_CTYPE to a UTF-8 locale the system has; where there is none it still draws
/// frames (with the terminal's line-drawing set) and still reads UTF-8 (its own decoder).
/// A pure value: the codeset and "which locales exist" come from the caller.
public struct LocalePlan: Sendable, Hashable {
    public enum Choice: Sendable, Hashable {
        /// The locale's codeset is UTF-8 already.
        case keep
        /// LC_CTYPE becomes this UTF-8 locale.
        case switchTo(String)
        /// None of the candidates is installed.
        case noUTF8Locale
    }

    /// UTF-8 locales to try, in order: the portable C ones, the common English one, and
    /// macOS's bare "UTF-8". Spellings differ between C libraries, so both are listed.
    public static let defaultCandidates = ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8", "UTF-8"]

    /// Names the locales to try instead, comma-separated; empty never switches.
    public static let candidatesVariable = "PIXTERM_UTF8_LOCALES"

    /// The locales to try in `environment`: its `PIXTERM_UTF8_LOCALES` or the defaults.
    public static func candidates(_ environment: [String: String]) -> [String] {
        guard let list = environment[candidatesVariable] else { return defaultCandidates }
        return list.split(separator: ",").map { String($0.filter { $0 != " " }) }.filter { !$0.isEmpty }
    }

    /// The codeset the environment's locale gave (`nl_langinfo(CODESET)`), e.g. "ANSI_X3.4-1968".
    public let codeset: String
    /// Which variable chose the locale, as the user would set it: "LANG=C", "LANG unset".
    public let origin: String
    public let choice: Choice

    public init(codeset: String, environment: [String: String], exists: (String) -> Bool) {
        self.codeset = codeset
        origin = Self.origin(environment, codeset: codeset)
        if Self.isUTF8(codeset: codeset) {
            choice = .keep
        } else if let found = Self.candidates(environment).first(where: exists) {
            choice = .switchTo(found)
        } else {
            choice = .noUTF8Locale
        }
    }

    /// True for every spelling C libraries use for UTF-8 ("UTF-8", "utf8", "UTF8").
    public static func isUTF8(codeset: String) -> Bool {
        codeset.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
    }

    /// Whether the UI can send and draw characters beyond ASCII once the plan is applied.
    public var drawsUnicode: Bool { choice != .noUTF8Locale }

    /// The one line the UI shows at start when it had to act; nil when the locale was UTF-8.
    public var notice: String? {
        switch choice {
        case .keep: return nil
        case .switchTo(let name): return "locale had no UTF-8 (\(origin)): using \(name)"
        case .noUTF8Locale:
            return "no UTF-8 locale to switch to (\(origin)): non-ASCII text shows as ? but is kept"
        }
    }

    /// The value of `pixterm doctor`'s locale line.
    public var summary: String {
        switch choice {
        case .keep: return "\(origin), codeset \(codeset)"
        case .switchTo(let name): return "\(origin), codeset \(codeset): the UI switches LC_CTYPE to \(name)"
        case .noUTF8Locale: return "\(origin), codeset \(codeset), and no UTF-8 locale to switch to"
        }
    }

    /// LC_ALL overrides LC_CTYPE, which overrides LANG; empty values count as unset. A UTF-8
    /// name that still gave another codeset is a locale the system does not have.
    private static func origin(_ environment: [String: String], codeset: String) -> String {
        guard let name = ["LC_ALL", "LC_CTYPE", "LANG"].first(where: { !(environment[$0] ?? "").isEmpty }),
            let value = environment[name]
        else { return "LANG unset" }
        let namesUTF8 = value.lowercased().filter { $0 != "-" && $0 != "_" }.contains("utf8")
        return namesUTF8 && !isUTF8(codeset: codeset) ? "\(name)=\(value) is not installed" : "\(name)=\(value)"
    }
}
