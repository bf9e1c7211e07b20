import Foundation

extension BenchmarkReport {
    /// The report for machines: snake_case keys; the shipped workload's main figures also at the
    /// top level (`respond_messages_per_second`, `respond_p99_us`,
    /// `normalize_messages_per_second`, `floor_ratio`); every workload under `workloads.<name>`.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONShape(self))
    }

    private struct JSONShape: Encodable {
        var machine: MachineDescription
        var settings: BenchmarkSettings
        var timerOverheadNs: Double
        var respondMessagesPerSecond: Double?
        var respondP99Us: Double?
        var normalizeMessagesPerSecond: Double?
        var floorRatio: Double?
        var workloadOrder: [String]
        var workloads: [String: WorkloadFigures]
        var targets: [TargetCheck]
        var errors: [String]

        init(_ report: BenchmarkReport) {
            machine = report.machine
            settings = report.settings
            timerOverheadNs = report.timerOverheadNs
            respondMessagesPerSecond = report.shipped?.respondMessagesPerSecond
            respondP99Us = report.shipped?.respondP99Us
            normalizeMessagesPerSecond = report.shipped?.normalizeMessagesPerSecond
            floorRatio = report.shipped?.floorRatio
            workloadOrder = report.workloads.map(\.name)
            workloads = Dictionary(report.workloads.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            targets = report.targets
            errors = report.errors
        }
    }
}
