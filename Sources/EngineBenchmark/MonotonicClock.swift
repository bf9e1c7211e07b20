#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nanoseconds from `clock_gettime(CLOCK_MONOTONIC)`: a cheap clock (a vDSO call on Linux) to
/// time every message without the timing itself distorting the figure.
enum MonotonicClock {
    @inline(__always)
    static func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The median cost of one reading, in nanoseconds: every timed message pays two of them.
    static func overheadNanoseconds(samples: Int = 200_001) -> Double {
        var deltas = [UInt64](repeating: 0, count: samples)
        var previous = nanoseconds()
        for index in 0..<samples {
            let now = nanoseconds()
            deltas[index] = now &- previous
            previous = now
        }
        // Readings are finer than one nanosecond apart only in aggregate: average the middle half.
        deltas.sort()
        let middle = deltas[(samples / 4)..<(samples * 3 / 4)]
        return Double(middle.reduce(0, +)) / Double(middle.count)
    }
}
