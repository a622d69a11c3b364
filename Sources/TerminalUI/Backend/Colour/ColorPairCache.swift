/// Foreground and background as ncurses colour numbers (-1 is the terminal default).
struct ColorPairKey: Sendable, Hashable {
    let foreground: Int32
    let background: Int32

    static let terminalDefault = ColorPairKey(foreground: -1, background: -1)
}

/// Hands out ncurses colour pair numbers on demand, because terminals have a fixed number of
/// pairs and an image preview alone can need thousands of colour combinations.
///
/// Pairs are recycled least-recently-used first, but never one already used in the current
/// frame (`beginFrame()` starts one), so every cell of a frame keeps the pair it was given.
/// Pair 0 is ncurses' fixed default pair and is never handed out for other colours.
struct ColorPairCache: Sendable {
    /// What the caller must do with the number it got.
    enum Lookup: Sendable, Hashable {
        /// Already defined with these colours.
        case cached(Int32)
        /// Must be defined (`init_extended_pair`) before use. When `evicted` is set the number
        /// was taken from another colour pair, and cells still showing that pair on screen
        /// would change colour: the frame has to be repainted.
        case assigned(Int32, evicted: ColorPairKey?)
        /// Every pair is in use by this very frame; the cell falls back to the default pair.
        case exhausted
    }

    /// Usable pair numbers: 1...capacity.
    let capacity: Int
    private var numbers: [ColorPairKey: Int32] = [:]
    // A circular doubly linked recency list over pair numbers with index 0 as the sentinel:
    // `next` runs from the newest to the oldest, so `next[0]` is the newest, `previous[0]` the oldest.
    // The tables grow as numbers are handed out (in order, 1 first): a terminal with 65,536 pairs
    // would otherwise cost 1.5 MiB of tables that a UI showing no picture never uses.
    private var keys: [ColorPairKey?] = [nil]
    private var next: [Int32] = [0]
    private var previous: [Int32] = [0]
    private var usedInFrame: [UInt32] = [0]
    private var frame: UInt32 = 1
    private var nextUnused: Int32 = 1

    /// `pairs` is ncurses' COLOR_PAIRS, including pair 0.
    init(pairs: Int) {
        capacity = max(0, pairs - 1)
    }

    /// Pair numbers with room in the tables so far: those handed out, and the sentinel.
    var storedPairs: Int { keys.count }

    /// Starts a new frame: pairs used from here on are protected from recycling until the next.
    mutating func beginFrame() { frame &+= 1 }

    mutating func lookup(_ key: ColorPairKey) -> Lookup {
        if key == .terminalDefault { return .cached(0) }
        if let number = numbers[key] {
            touch(number)
            return .cached(number)
        }
        guard capacity > 0 else { return .exhausted }
        if Int(nextUnused) <= capacity {
            let number = nextUnused
            nextUnused += 1
            keys.append(nil)
            next.append(0)
            previous.append(0)
            usedInFrame.append(0)
            adopt(number, key)
            return .assigned(number, evicted: nil)
        }
        let oldest = previous[0]
        guard usedInFrame[Int(oldest)] != frame, let evicted = keys[Int(oldest)] else { return .exhausted }
        numbers[evicted] = nil
        unlink(oldest)
        adopt(oldest, key)
        return .assigned(oldest, evicted: evicted)
    }

    private mutating func adopt(_ number: Int32, _ key: ColorPairKey) {
        numbers[key] = number
        keys[Int(number)] = key
        linkNewest(number)
        usedInFrame[Int(number)] = frame
    }

    private mutating func touch(_ number: Int32) {
        unlink(number)
        linkNewest(number)
        usedInFrame[Int(number)] = frame
    }

    private mutating func unlink(_ number: Int32) {
        let n = Int(number)
        previous[Int(next[n])] = previous[n]
        next[Int(previous[n])] = next[n]
    }

    private mutating func linkNewest(_ number: Int32) {
        let n = Int(number), newest = next[0]
        next[n] = newest
        previous[n] = 0
        previous[Int(newest)] = number
        next[0] = number
    }
}
