import PixapiSimulator

/// The simulator's SplitMix64 under the name tests use: a seeded generator, so a randomized test
/// that fails names a case that can be run again.
public typealias SeededGenerator = SplitMix
