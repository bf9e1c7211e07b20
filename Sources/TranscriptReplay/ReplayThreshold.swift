/// A minimum a replay must reach (`--min-intent-accuracy 0.9`): the CI gate.
public struct ReplayThreshold: Sendable, Hashable {
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        case intentAccuracy = "intent_accuracy"
        case routeAccuracy = "route_accuracy"
        case languageAccuracy = "language_accuracy"

        /// `--min-intent-accuracy` and so on.
        public var option: String { "--min-" + rawValue.replacingOccurrences(of: "_", with: "-") }

        /// `intent accuracy`.
        public var name: String { rawValue.replacingOccurrences(of: "_", with: " ") }

        func ratio(in figures: ReplayReport.Figures) -> ReplayReport.Ratio {
            switch self {
            case .intentAccuracy: figures.intent
            case .routeAccuracy: figures.route
            case .languageAccuracy: figures.language
            }
        }
    }

    /// What a check found.
    public struct Outcome: Sendable, Hashable {
        public var threshold: ReplayThreshold
        /// nil when no turn has the expectation: the check fails, since it measured nothing.
        public var actual: Double?
        public var passed: Bool

        /// `intent accuracy 0.9300 >= 0.9000: ok` or `... < ...: FAILED`.
        public var description: String {
            let name = threshold.metric.name
            let minimum = rate(threshold.minimum)
            guard let actual else {
                return "\(name): FAILED (no turn has expect_\(name.split(separator: " ")[0]); minimum \(minimum))"
            }
            return passed
                ? "\(name) \(rate(actual)) >= \(minimum): ok"
                : "\(name) \(rate(actual)) < \(minimum): FAILED (\(threshold.metric.option) \(minimum))"
        }

        public var jsonValue: JSONValue {
            .object([
                "metric": .string(threshold.metric.rawValue), "minimum": .number(threshold.minimum),
                "actual": .number(actual), "passed": .bool(passed),
            ])
        }
    }

    public var metric: Metric
    /// Between 0 and 1.
    public var minimum: Double

    public init(_ metric: Metric, minimum: Double) {
        self.metric = metric
        self.minimum = minimum
    }

    public func check(_ report: ReplayReport) -> Outcome {
        let actual = metric.ratio(in: report.overall).value
        return Outcome(threshold: self, actual: actual, passed: actual.map { $0 >= minimum - 1e-12 } ?? false)
    }
}
