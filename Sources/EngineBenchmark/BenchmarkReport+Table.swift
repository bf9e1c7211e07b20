extension BenchmarkReport {
    /// The report for people: one column per workload, the machine named above it, then the
    /// targets with how far each is from being met.
    public func table() -> String {
        var lines: [String] = []
        lines.append("SupportBot bench — \(machine.summary)")
        lines.append(
            "one thread unless noted; \(settings.rounds) round\(settings.rounds == 1 ? "" : "s") of "
                + "\(Figures.grouped(settings.messagesPerRound)) messages after a warm-up, medians; every message timed "
                + "with clock_gettime(CLOCK_MONOTONIC) (\(Figures.decimal(timerOverheadNs)) ns a reading, 2 a message, included)"
                + (settings.quick ? "; QUICK sizes: a smoke run, not a measurement" : ""))
        let inBench = workloads.filter { !$0.startupInFreshProcess }.map(\.title)
        if inBench.count < workloads.count {
            lines.append(
                "load, compile and RSS: fresh processes (supportbot bench-probe), each loading once and answering "
                    + "every distinct message once; the highest peak, the median times")
        }
        if !inBench.isEmpty {
            lines.append(
                "load, compile and RSS of \(inBench.joined(separator: ", ")): measured in the bench's own process "
                    + "(its generated data included)")
        }
        lines.append("")
        var rows: [(String, [String])] = []
        func row(_ label: String, _ cell: (WorkloadFigures) -> String) { rows.append((label, workloads.map(cell))) }
        func micro(_ value: Double) -> String { Figures.decimal(value, value < 10 ? 2 : 1) }
        row("") { $0.title }
        row("intents / patterns") { "\(Figures.grouped($0.intents)) / \(Figures.grouped($0.patterns))" }
        row("messages: distinct / per round") {
            "\(Figures.grouped($0.distinctMessages)) / \(Figures.grouped($0.messagesPerRound))"
        }
        row("load + compile (ms)") { "\(Figures.decimal($0.loadMs)) + \(Figures.decimal($0.compileMs))" }
        row("RSS: peak / after load (MB)") {
            "\($0.peakRssMb.map { Figures.decimal($0) } ?? "n/a") / \($0.rssAfterLoadMb.map { Figures.decimal($0) } ?? "n/a")"
        }
        row("C boundary floor (msg/s)") { Figures.grouped(Int($0.roundtripMessagesPerSecond)) }
        row("normalizer floor (msg/s)") { Figures.grouped(Int($0.normalizeMessagesPerSecond)) }
        row("respond, no log (msg/s)") { Figures.grouped(Int($0.respondMessagesPerSecond)) }
        row("  p50 / p99 / p99.9 (µs)") {
            "\(micro($0.respondP50Us)) / \(micro($0.respondP99Us)) / \(micro($0.respondP999Us))"
        }
        row("respond, JSON Lines log (msg/s)") { Figures.grouped(Int($0.loggedMessagesPerSecond)) }
        row("  p50 / p99 / p99.9 (µs)") {
            "\(micro($0.loggedP50Us)) / \(micro($0.loggedP99Us)) / \(micro($0.loggedP999Us))"
        }
        row("floor ratio (normalizer ÷ respond)") { Figures.decimal($0.floorRatio, 2) + "×" }
        row("all cores (msg/s)") { "\(Figures.grouped(Int($0.multicoreMessagesPerSecond))) (\($0.multicoreThreads)t)" }
        row("  scaling") { Figures.decimal($0.multicoreScaling, 2) + "×" }
        row("accuracy (in scope / out)") { workload in
            guard let accuracy = workload.accuracy else { return "—" }
            return "\(Figures.decimal(accuracy.accuracy, 3)) (\(Figures.decimal(accuracy.inScopeAccuracy, 2))/"
                + "\(Figures.decimal(accuracy.outOfScopeAccuracy, 2)))"
        }
        row("routes (ans/sec/esc/clar/fall)") { workload in
            ["answer", "security", "escalate", "clarify", "fallback"].map { String(workload.routes[$0, default: 0]) }
                .joined(separator: "/")
        }
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let columnWidth = (rows.flatMap(\.1).map(\.count).max() ?? 0) + 3
        for (label, cells) in rows {
            var line = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            for cell in cells { line += String(repeating: " ", count: columnWidth - cell.count) + cell }
            lines.append(line)
        }
        lines.append("")
        for workload in workloads {
            var note = "\(workload.title): \(workload.messageSource)"
            if workload.droppedPatterns > 0 {
                note += "; \(workload.droppedPatterns) clashing generated patterns dropped"
            }
            lines.append(note)
        }
        if !targets.isEmpty {
            lines.append("")
            lines.append("targets (issue 7, release build, one core):")
            for check in targets {
                let measured =
                    check.unit == "msg/s" ? Figures.grouped(Int(check.measured)) : Figures.decimal(check.measured, 2)
                let target =
                    check.unit == "msg/s" ? Figures.grouped(Int(check.target)) : Figures.decimal(check.target, 2)
                let relation = check.isCeiling ? "≤" : "≥"
                let mark = check.met ? "ok  " : "MISS"
                let unit = check.unit.isEmpty || check.unit == "×" ? check.unit : " " + check.unit
                lines.append(
                    "  \(mark) \(check.name): \(measured)\(unit) (target \(relation) \(target)\(unit)) — \(check.note)")
            }
        }
        for error in errors { lines.append("error: \(error)") }
        return lines.joined(separator: "\n")
    }
}
