import Foundation
import SupportBot

extension ReplayReport {
    /// The replay as JUnit XML for CI dashboards: one `<testsuite>` per transcript file and one
    /// `<testcase>` per expectation (`name="file:line expect_intent"`), with a `<failure>` when it
    /// was not met.
    ///
    /// `elapsedSeconds` is the replay's wall time: `<testsuites time>`. Conversations run in
    /// parallel, so a file's `time` is its share of the turns times the total, and a test case's is 0.
    public func junitXML(elapsedSeconds: Double = 0) -> String {
        var suites: [String: [String]] = [:]
        var counts: [String: (tests: Int, failures: Int, turns: Int)] = [:]
        for (index, turn) in transcript.turns.enumerated() {
            let reply = replies[index]
            let verdict = verdicts[index]
            counts[turn.file, default: (0, 0, 0)].turns += 1
            for kind in ExpectationKind.allCases {
                guard let passed = verdict[kind] else { continue }
                counts[turn.file, default: (0, 0, 0)].tests += 1
                var testCase =
                    "    <testcase name=\"\(xml("\(turn.location) \(kind.field)"))\" "
                    + "classname=\"\(xml(Self.className(turn.file)))\" time=\"0\""
                if passed {
                    suites[turn.file, default: []].append(testCase + "/>")
                    continue
                }
                counts[turn.file, default: (0, 0, 0)].failures += 1
                testCase += ">\n"
                testCase +=
                    "      <failure message=\"\(xml(Self.failureMessage(kind, turn.expectation, reply)))\" "
                    + "type=\"\(kind.field)\">"
                testCase += xml(
                    "message: \(turn.reportedMessage)\nexpected: \(Self.describe(turn.expectation))\nactual: "
                        + "\(reply.summary) \(reply.language.rawValue)\nwhy: \(reply.explanation)")
                testCase += "</failure>\n    </testcase>"
                suites[turn.file, default: []].append(testCase)
            }
        }
        let totalTests = counts.values.reduce(0) { $0 + $1.tests }
        let totalFailures = counts.values.reduce(0) { $0 + $1.failures }
        let totalTurns = max(1, transcript.turns.count)
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        out.append(
            "<testsuites name=\"supportbot replay\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" "
                + "errors=\"0\" skipped=\"0\" time=\"\(seconds(elapsedSeconds))\">")
        for file in transcript.files {
            let count = counts[file] ?? (0, 0, 0)
            let time = elapsedSeconds * Double(count.turns) / Double(totalTurns)
            out.append(
                "  <testsuite name=\"\(xml(file))\" tests=\"\(count.tests)\" failures=\"\(count.failures)\" "
                    + "errors=\"0\" skipped=\"0\" time=\"\(seconds(time))\">")
            out.append(contentsOf: suites[file] ?? [])
            out.append("  </testsuite>")
        }
        out.append("</testsuites>")
        return out.joined(separator: "\n") + "\n"
    }

    /// The file name without folders and extension: `en-single` for `Tests/Transcripts/en-single.jsonl`.
    static func className(_ file: String) -> String {
        "replay." + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    /// `expected intent a | b, got c (clarify)`.
    static func failureMessage(_ kind: ExpectationKind, _ expectation: Expectation, _ reply: ReplayedTurn) -> String {
        switch kind {
        case .intent:
            let got = reply.route == .clarify ? "a clarifying question" : (reply.intent ?? "no intent")
            return "expected intent \((expectation.intents ?? []).joined(separator: " | ")), got \(got)"
        case .route:
            let expected = (expectation.routes ?? []).map(\.rawValue).joined(separator: " | ")
            return "expected route \(expected), got \(reply.route.rawValue)"
        case .language:
            let expected = (expectation.languages ?? []).map(\.rawValue).joined(separator: " | ")
            return "expected language \(expected), got \(reply.language.rawValue)"
        }
    }
}

private func seconds(_ value: Double) -> String {
    String(format: "%.3f", value)
}

/// Text escaped for XML content and attribute values; characters XML 1.0 forbids become U+FFFD.
func xml(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\n": out += "&#10;"
        case "\r": out += "&#13;"
        case "\t": out += "&#9;"
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
            out += "\u{FFFD}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
