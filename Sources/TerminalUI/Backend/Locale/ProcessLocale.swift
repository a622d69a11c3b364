#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's C locale, the side-effect half of `LocalePlan`.
public enum ProcessLocale {
    /// What the UI would do in this environment, without changing the process's locale
    /// (for `pixterm doctor`).
    public static func plan(environment: [String: String]) -> LocalePlan {
        LocalePlan(codeset: environmentCodeset(), environment: environment, exists: isInstalled)
    }

    /// Takes the locale from the environment and, when its codeset is not UTF-8, switches
    /// LC_CTYPE to a UTF-8 locale the system has. Must run before ncurses starts: it reads the
    /// locale once, at `newterm`.
    static func adopt(environment: [String: String]) -> LocalePlan {
        setlocale(LC_ALL, "")
        let plan = LocalePlan(codeset: String(cString: nl_langinfo(nl_item(CODESET))), environment: environment, exists: isInstalled)
        if case .switchTo(let name) = plan.choice { setlocale(LC_CTYPE, name) }
        return plan
    }

    private static func isInstalled(_ name: String) -> Bool {
        guard let locale = newlocale(LC_CTYPE_MASK, name, nil) else { return false }
        freelocale(locale)
        return true
    }

    /// The codeset `setlocale(LC_ALL, "")` would give; "" falls back to C, as setlocale does.
    private static func environmentCodeset() -> String {
        guard let locale = newlocale(LC_CTYPE_MASK, "", nil) ?? newlocale(LC_CTYPE_MASK, "C", nil) else { return "unknown" }
        defer { freelocale(locale) }
        return String(cString: nl_langinfo_l(nl_item(CODESET), locale))
    }
}
