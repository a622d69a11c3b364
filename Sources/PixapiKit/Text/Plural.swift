/// A count with its noun in the right number for messages: `1 credit`, `0 credits`, `2 credits`
/// (nouns whose plural adds an "s"). One place, so no message says "1 credits".
public enum Plural {
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
