/// A count with its noun in the right number for messages: `1 credit`, `0 credits`, `2 credits`
/// (nouns whose plural adds an "s"). One place, so no message says "1 credits".
public enum Plural {
    public static func count(_ n: Int, _ noun: String) -> String { "\(n) \(self.noun(n, noun))" }

    /// The noun alone, for a count written another way (`1,240 credits` with a grouped number).
    public static func noun(_ n: Int, _ noun: String) -> String { n == 1 ? noun : noun + "s" }
}
