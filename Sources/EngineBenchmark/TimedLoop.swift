/// Runs one operation over a workload's messages: a warm-up pass, then rounds of
/// `messagesPerRound` messages (the list repeated as needed), each message timed on its own.
struct TimedLoop {
    /// Medians over the rounds.
    struct Result {
        /// Messages in each measured round (fewer than asked when the time cap applied).
        var messagesPerRound: Int
        var messagesPerSecond: Double
        var p50Microseconds: Double
        var p99Microseconds: Double
        var p999Microseconds: Double
    }

    let messageCount: Int
    let messagesPerRound: Int
    let rounds: Int
    let warmupMessages: Int
    /// A cap on one round's duration: slow operations get rounds of fewer messages (at least
    /// `minimumMessages`), so a slow engine cannot make the bench run for an hour.
    var maximumRoundSeconds: Double = 2
    var minimumMessages = 500

    /// `body` handles the message at an index and returns something derived from the result,
    /// so that the work cannot be optimised away.
    func run(_ body: (Int) -> Int) -> Result {
        precondition(messageCount > 0 && messagesPerRound > 0 && rounds > 0)
        var checksum = 0
        var index = 0
        let warmupStart = MonotonicClock.nanoseconds()
        let budget = UInt64(maximumRoundSeconds * 1e9)
        var warmed = 0
        while warmed < max(1, warmupMessages) {
            checksum &+= body(index)
            index = index + 1 == messageCount ? 0 : index + 1
            warmed += 1
            if warmed >= minimumMessages, MonotonicClock.nanoseconds() &- warmupStart > budget { break }
        }
        let perMessage = Double(MonotonicClock.nanoseconds() &- warmupStart) / Double(warmed)
        let affordable = Int(Double(budget) / max(perMessage, 1))
        let messagesPerRound = min(self.messagesPerRound, max(minimumMessages, affordable))
        var rates: [Double] = []
        var p50: [Double] = []
        var p99: [Double] = []
        var p999: [Double] = []
        var samples = [UInt64](repeating: 0, count: messagesPerRound)
        for _ in 0..<rounds {
            index = 0
            let start = MonotonicClock.nanoseconds()
            samples.withUnsafeMutableBufferPointer { buffer in
                for slot in 0..<buffer.count {
                    let before = MonotonicClock.nanoseconds()
                    checksum &+= body(index)
                    buffer[slot] = MonotonicClock.nanoseconds() &- before
                    index = index + 1 == messageCount ? 0 : index + 1
                }
            }
            let elapsed = MonotonicClock.nanoseconds() &- start
            rates.append(Double(messagesPerRound) * 1e9 / Double(max(elapsed, 1)))
            samples.sort()
            p50.append(Self.percentile(samples, 0.50))
            p99.append(Self.percentile(samples, 0.99))
            p999.append(Self.percentile(samples, 0.999))
        }
        BlackHole.consume(checksum)
        return Result(
            messagesPerRound: messagesPerRound, messagesPerSecond: Self.median(rates),
            p50Microseconds: Self.median(p50), p99Microseconds: Self.median(p99),
            p999Microseconds: Self.median(p999))
    }

    /// The sample at `fraction` of sorted nanosecond samples, in microseconds (nearest rank).
    static func percentile(_ sorted: [UInt64], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return Double(sorted[min(max(rank, 0), sorted.count - 1)]) / 1_000
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// Keeps a value alive past the optimiser.
enum BlackHole {
    @inline(never)
    static func consume(_ value: Int) {
        if value == 0x5EED_5EED { print("", terminator: "") }
    }
}
