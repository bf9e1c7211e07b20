import Foundation
import SupportBot

/// Runs every workload of a ``BenchmarkConfiguration`` in this process and reports the figures.
///
/// ```swift
/// var configuration = BenchmarkConfiguration(contentDirectory: URL(fileURLWithPath: "."))
/// configuration.makeQuick()
/// let report = BenchmarkRunner(configuration: configuration).run()
/// print(report.table())
/// ```
public struct BenchmarkRunner {
    public var configuration: BenchmarkConfiguration
    /// Where progress lines go (standard error in the CLI).
    public var progress: (String) -> Void

    public init(configuration: BenchmarkConfiguration, progress: @escaping (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.progress = progress
    }

    public func run() -> BenchmarkReport {
        let settings = BenchmarkSettings(
            rounds: configuration.rounds, messagesPerRound: configuration.messagesPerRound,
            threads: configuration.threads, quick: configuration.quick,
            syntheticSizes: configuration.parts.contains(.synthetic) ? configuration.syntheticSizes : [],
            seed: configuration.seed)
        var report = BenchmarkReport(
            machine: .current(), settings: settings, timerOverheadNs: MonotonicClock.overheadNanoseconds(),
            workloads: [], targets: [], errors: [])
        progress("bench: \(report.machine.summary)")

        let base = configuration.contentDirectory
        var makers: [(String, () throws -> BenchWorkload)] = []
        if configuration.parts.contains(.shipped) {
            makers.append(
                (
                    "shipped",
                    { try ShippedWorkload.make(contentDirectory: base, transcripts: configuration.transcripts) }
                ))
        }
        if configuration.parts.contains(.synthetic) {
            for size in configuration.syntheticSizes {
                makers.append(
                    (
                        "synthetic \(size)",
                        {
                            try SyntheticWorkload.make(
                                size: size, base: base, distinctMessages: configuration.syntheticMessages,
                                seed: configuration.seed)
                        }
                    ))
            }
        }
        if configuration.parts.contains(.workload) {
            for file in configuration.workloadFiles {
                makers.append(
                    (
                        file.lastPathComponent,
                        { try NeutralWorkload.make(file: file, base: base, seed: configuration.seed) }
                    ))
            }
        }
        for (label, make) in makers {
            do {
                progress("bench: \(label): preparing")
                let workload = try make()
                report.workloads.append(try measure(workload))
            } catch {
                report.errors.append("\(label): \(error)")
                progress("bench: \(label): failed: \(error)")
            }
        }
        report.targets = Self.targets(report.workloads)
        return report
    }

    // MARK: - One workload

    private func measure(_ workload: BenchWorkload) throws -> WorkloadFigures {
        guard !workload.messages.isEmpty else {
            throw BenchmarkError(description: "no messages (\(workload.messageSource))")
        }
        var droppedPatterns = 0
        if let generated = workload.generated {
            progress("bench: \(workload.title): checking the generated content")
            _ = try generated.loadRepairing()
            droppedPatterns = generated.droppedPatterns
            generated.releaseIntents()
        }
        if let saved = configuration.savedWorkloadsDirectory { try save(workload, in: saved) }
        let startup = try measureStartup(workload)
        let engine = startup.engine

        let texts = workload.messages.map(\.text)
        let starts = workload.messages.map(\.startsConversation)
        let loop = TimedLoop(
            messageCount: texts.count, messagesPerRound: configuration.messagesPerRound, rounds: configuration.rounds,
            warmupMessages: configuration.messagesPerRound, maximumRoundSeconds: configuration.maximumRoundSeconds,
            minimumMessages: min(configuration.messagesPerRound, 500))

        progress("bench: \(workload.title): floors (C boundary, normalizer)")
        let roundTrip = loop.run { ICUText.roundTrip(texts[$0]) }
        let normalizer = engine.policy.normalizer
        let normalize = loop.run { normalizer.normalize(texts[$0]).tokens.count }

        progress("bench: \(workload.title): respond")
        let template = Conversation(id: "bench")
        var conversation = template
        let respond = loop.run { index in
            if starts[index] { conversation = template }
            return engine.respond(to: texts[index], in: &conversation).text.utf8.count
        }

        progress("bench: \(workload.title): respond with the JSON Lines log")
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportbot-bench-\(ProcessInfo.processInfo.processIdentifier)-\(workload.name).jsonl"
        ).path
        try? FileManager.default.removeItem(atPath: logPath)
        let log = try JSONLinesEventLog(path: logPath)
        var loggingEngine = engine
        loggingEngine.eventSink = log
        conversation = template
        let logged = loop.run { index in
            if starts[index] { conversation = template }
            return loggingEngine.respond(to: texts[index], in: &conversation).text.utf8.count
        }
        log.close()
        try? FileManager.default.removeItem(atPath: logPath)

        var multicore = 0.0
        let threads = max(1, configuration.threads)
        if threads > 1 {
            progress("bench: \(workload.title): all cores (\(threads) threads)")
            multicore = concurrentRate(
                engine: engine, texts: texts, starts: starts, threads: threads, perThread: respond.messagesPerRound)
        }

        let (routes, accuracy) = Self.outcomes(engine: engine, messages: workload.messages)
        let peak =
            startup.inFreshProcesses
            ? startup.peakResidentMb : ProcessMemory.peakResidentMegabytes()
        let figures = WorkloadFigures(
            name: workload.name, title: workload.title, messageSource: workload.messageSource,
            intents: engine.content.intents.count, patterns: engine.index.patternCount, terms: engine.index.termCount,
            distinctMessages: texts.count, messagesPerRound: respond.messagesPerRound,
            droppedPatterns: droppedPatterns, loadMs: TimedLoop.median(startup.loadTimes),
            compileMs: TimedLoop.median(startup.compileTimes),
            loadCompileMs: TimedLoop.median(zip(startup.loadTimes, startup.compileTimes).map(+)),
            startupInFreshProcess: startup.inFreshProcesses, peakRssMb: peak,
            rssAfterLoadMb: startup.residentAfterLoadMb,
            roundtripMessagesPerSecond: roundTrip.messagesPerSecond,
            normalizeMessagesPerSecond: normalize.messagesPerSecond, normalizeP99Us: normalize.p99Microseconds,
            respondMessagesPerSecond: respond.messagesPerSecond, respondP50Us: respond.p50Microseconds,
            respondP99Us: respond.p99Microseconds, respondP999Us: respond.p999Microseconds,
            loggedMessagesPerSecond: logged.messagesPerSecond, loggedP50Us: logged.p50Microseconds,
            loggedP99Us: logged.p99Microseconds, loggedP999Us: logged.p999Microseconds,
            floorRatio: normalize.messagesPerSecond / max(respond.messagesPerSecond, 1e-9),
            multicoreThreads: threads, multicoreMessagesPerSecond: threads > 1 ? multicore : respond.messagesPerSecond,
            multicoreScaling: threads > 1 ? multicore / max(respond.messagesPerSecond, 1e-9) : 1, routes: routes,
            accuracy: accuracy)
        progress(
            "bench: \(workload.title): respond \(Figures.rate(figures.respondMessagesPerSecond)), "
                + "p99 \(Figures.decimal(figures.respondP99Us)) µs, normalizer \(Figures.rate(figures.normalizeMessagesPerSecond))"
        )
        return figures
    }

    /// What loading and compiling the workload's content cost, and the engine to measure.
    private struct Startup {
        var engine: SupportEngine
        var loadTimes: [Double]
        var compileTimes: [Double]
        var residentAfterLoadMb: Double?
        /// The highest peak of the fresh processes; nil when the loads ran in this process, whose
        /// peak is read once the workload is done.
        var peakResidentMb: Double?
        var inFreshProcesses = false
    }

    /// Times the loads in fresh processes when ``BenchmarkConfiguration/probeExecutable`` is set
    /// (one process per load round, each answering the messages once), else in this process.
    private func measureStartup(_ workload: BenchWorkload) throws -> Startup {
        progress("bench: \(workload.title): load + compile")
        let rounds = max(1, configuration.loadRounds)
        if let executable = configuration.probeExecutable {
            do {
                return try measureStartupInFreshProcesses(workload, executable: executable, rounds: rounds)
            } catch let error as StartupProbe.LaunchError {
                // Under valgrind, for one, a child cannot be started: the figures still come.
                progress("bench: \(workload.title): \(error); load and memory measured in this process")
            }
        }
        ProcessMemory.resetPeak()
        var loadTimes: [Double] = []
        var compileTimes: [Double] = []
        var engine: SupportEngine?
        for _ in 0..<rounds {
            engine = nil
            let loaded = try StartupProbe.timedLoad(workload.directory)
            engine = loaded.engine
            loadTimes.append(loaded.loadMs)
            compileTimes.append(loaded.compileMs)
            let spentSeconds = (loadTimes.reduce(0, +) + compileTimes.reduce(0, +)) / 1e3
            if spentSeconds > 3 * configuration.maximumRoundSeconds { break }
        }
        ProcessMemory.trim()
        return Startup(
            engine: engine!, loadTimes: loadTimes, compileTimes: compileTimes,
            residentAfterLoadMb: ProcessMemory.residentMegabytes())
    }

    /// Keeps the workload's content and messages in `folder/NAME`: generated content is copied
    /// (the bench deletes its own copy), other content is linked.
    private func save(_ workload: BenchWorkload, in folder: URL) throws {
        let manager = FileManager.default
        let target = folder.appendingPathComponent(workload.name, isDirectory: true)
        let content = target.appendingPathComponent("content")
        do {
            try? manager.removeItem(at: target)
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            if workload.generated != nil {
                try manager.copyItem(at: workload.directory, to: content)
            } else {
                try manager.createSymbolicLink(at: content, withDestinationURL: workload.directory.standardizedFileURL)
            }
            try StartupProbe.writeMessages(workload.messages, to: target.appendingPathComponent("messages.json"))
        } catch {
            throw BenchmarkError(description: "cannot save the workload in \(target.path): \(error)")
        }
        progress("bench: \(workload.title): content and messages saved in \(target.path)")
    }

    /// One fresh process per load round, each loading once and answering the messages once.
    private func measureStartupInFreshProcesses(
        _ workload: BenchWorkload, executable: URL, rounds: Int
    ) throws -> Startup {
        let messagesFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportbot-bench-\(ProcessInfo.processInfo.processIdentifier)-\(workload.name)-messages.json")
        try StartupProbe.writeMessages(workload.messages, to: messagesFile)
        defer { try? FileManager.default.removeItem(at: messagesFile) }
        var probes: [StartupProbe.Figures] = []
        for _ in 0..<rounds {
            probes.append(
                try StartupProbe.runInFreshProcess(
                    executable: executable, contentDirectory: workload.directory, messagesFile: messagesFile))
            let spentSeconds = probes.reduce(0) { $0 + $1.loadMs + $1.compileMs } / 1e3
            if spentSeconds > 3 * configuration.maximumRoundSeconds { break }
        }
        return Startup(
            engine: try SupportEngine.load(contentDirectory: workload.directory), loadTimes: probes.map(\.loadMs),
            compileTimes: probes.map(\.compileMs), residentAfterLoadMb: probes.compactMap(\.residentAfterLoadMb).max(),
            peakResidentMb: probes.compactMap(\.peakResidentMb).max(), inFreshProcesses: true)
    }

    /// Messages/s with `threads` threads answering at once, each with its own conversations and
    /// starting at its own place in the list; the median of the rounds.
    private func concurrentRate(
        engine: SupportEngine, texts: [String], starts: [Bool], threads: Int, perThread: Int
    ) -> Double {
        let checksum = Locked(0)
        var rates: [Double] = []
        for round in 0...configuration.rounds {
            let start = MonotonicClock.nanoseconds()
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                let sum = Self.answer(
                    engine: engine, texts: texts, starts: starts, from: (thread * texts.count) / threads,
                    count: perThread, conversation: "bench-\(thread)")
                checksum.withLock { $0 &+= sum }
            }
            let elapsed = MonotonicClock.nanoseconds() - start
            if round > 0 { rates.append(Double(perThread * threads) * 1e9 / Double(max(elapsed, 1))) }
        }
        BlackHole.consume(checksum.withLock { $0 })
        return TimedLoop.median(rates)
    }

    /// One thread's share of `concurrentRate`: `count` messages from `from` on, in its own
    /// conversations; the total length of the replies, so the work cannot be optimised away.
    private static func answer(
        engine: SupportEngine, texts: [String], starts: [Bool], from first: Int, count: Int, conversation id: String
    ) -> Int {
        let template = Conversation(id: id)
        var conversation = template
        var index = first
        var sum = 0
        for _ in 0..<count {
            if starts[index] { conversation = template }
            sum &+= engine.respond(to: texts[index], in: &conversation).text.utf8.count
            index = index + 1 == texts.count ? 0 : index + 1
        }
        return sum
    }

    /// Routes of every distinct message in its conversation, and accuracy against the labels:
    /// an answer, a warning or a hand-off names an intent; a clarifying question or a fallback
    /// answers nothing.
    static func outcomes(engine: SupportEngine, messages: [BenchMessage]) -> ([String: Int], AccuracyFigures?) {
        var routes: [String: Int] = [:]
        var conversation = Conversation(id: "bench")
        var labelled = 0
        var correct = 0
        var inScope = 0
        var inScopeCorrect = 0
        var outOfScope = 0
        var outOfScopeCorrect = 0
        var clarified = 0
        for message in messages {
            if message.startsConversation { conversation = Conversation(id: "bench") }
            let reply = engine.respond(to: message.text, in: &conversation)
            routes[reply.route.rawValue, default: 0] += 1
            guard message.isLabelled else { continue }
            labelled += 1
            let answered = reply.route == .answer || reply.route == .security || reply.route == .escalate
            let predicted = answered ? reply.intent : nil
            if reply.route == .clarify { clarified += 1 }
            if let expected = message.expectedIntent {
                inScope += 1
                if predicted == expected { inScopeCorrect += 1 }
            } else {
                outOfScope += 1
                if predicted == nil { outOfScopeCorrect += 1 }
            }
            if predicted == message.expectedIntent { correct += 1 }
        }
        guard labelled > 0 else { return (routes, nil) }
        func share(_ count: Int, _ total: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }
        return (
            routes,
            AccuracyFigures(
                messages: labelled, accuracy: share(correct, labelled), inScopeAccuracy: share(inScopeCorrect, inScope),
                outOfScopeAccuracy: share(outOfScopeCorrect, outOfScope), clarified: share(clarified, labelled))
        )
    }

    // MARK: - Targets

    /// The targets of issue 7 that this run's workloads can speak to.
    static func targets(_ workloads: [WorkloadFigures]) -> [TargetCheck] {
        var checks: [TargetCheck] = []
        if let shipped = workloads.first(where: { $0.name == "shipped" }) {
            checks.append(
                TargetCheck(
                    "shipped: whole path messages/s", measured: shipped.respondMessagesPerSecond, atLeast: 200_000,
                    unit: "msg/s"))
            checks.append(TargetCheck("shipped: p99 latency", measured: shipped.respondP99Us, atMost: 20, unit: "µs"))
            checks.append(
                TargetCheck(
                    "shipped: normalizer floor ÷ whole path", measured: shipped.floorRatio, atMost: 4, unit: "×"))
        }
        let synthetic = workloads.filter { $0.name.hasPrefix("synthetic_") }.sorted { $0.intents < $1.intents }
        if synthetic.count >= 2, let small = synthetic.first, let large = synthetic.last {
            checks.append(
                TargetCheck(
                    "growth \(Figures.grouped(small.intents)) → \(Figures.grouped(large.intents)) intents: throughput drop",
                    measured: small.respondMessagesPerSecond / max(large.respondMessagesPerSecond, 1e-9), atMost: 2,
                    unit: "×"))
        }
        if let large = synthetic.last {
            checks.append(
                TargetCheck(
                    "load + compile of \(Figures.grouped(large.intents)) intents", measured: large.loadCompileMs,
                    atMost: 300, unit: "ms"))
        }
        if let peak = workloads.compactMap(\.peakRssMb).max() {
            checks.append(TargetCheck("peak memory (largest workload)", measured: peak, atMost: 100, unit: "MB"))
        }
        for neutral in workloads where !neutral.name.hasPrefix("synthetic_") && neutral.name != "shipped" {
            checks.append(
                TargetCheck(
                    "\(neutral.name): messages/s", measured: neutral.respondMessagesPerSecond, atLeast: 100_000,
                    unit: "msg/s"))
            if let accuracy = neutral.accuracy {
                checks.append(
                    TargetCheck("\(neutral.name): accuracy", measured: accuracy.accuracy, atLeast: 0.90, unit: ""))
            }
        }
        return checks
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
}
