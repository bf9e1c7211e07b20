import Foundation
import SupportBot

extension ReplayReport {
    /// The definitions of the figures, one sentence each, as the text report states them.
    public static let definitions: [String] = [
        "Intent accuracy = turns whose intent is one of expect_intent (a clarifying question never is) "
            + "/ turns with expect_intent; clarify rate = of those turns, the share answered with a clarifying question.",
        "Route (language) accuracy = turns whose route (language) is one of expect_route (expect_language) "
            + "/ turns with that expectation.",
        "Per intent, over turns with expect_intent: gold = the reply's intent when listed, else the first listed; "
            + "precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), support = TP+FN.",
        "False answers = turns without expect_intent whose expect_route failed while the bot answered with that intent.",
        "A conversation is deflected when it got an answer or security route, never an escalate route and no "
            + "escalation reason; deflection rate = deflected / conversations.",
        "A turn's language is its expect_language, else its conversation's, else the language the bot replied in.",
    ]

    /// How many confusions the text report lists.
    public static let textConfusionLimit = 15

    /// The report for a terminal, ending with a newline. `failureLimit` caps the failing turns
    /// listed (nil lists every one).
    public func renderText(failureLimit: Int? = nil) -> String {
        var out: [String] = []
        let files = transcript.files.count
        out.append(
            "Replayed \(overall.turns) turns in \(overall.conversations) conversations "
                + "(\(files) file\(files == 1 ? "" : "s")).")
        out.append("")
        out.append("  " + pad("", 20) + lpad("correct", 8) + " / " + pad("turns", 8) + "rate")
        out.append(headline("Intent accuracy", overall.intent) + clarifyNote(overall))
        out.append(headline("Route accuracy", overall.route))
        out.append(headline("Language accuracy", overall.language))
        out.append(headline("Deflection rate", overall.deflection) + "  (of conversations)")
        out.append("")

        let columns =
            lpad("turns", 7) + lpad("conv", 6) + lpad("intent", 9) + lpad("clarify", 9) + lpad("route", 9)
            + lpad("language", 9) + lpad("deflection", 11) + lpad("failed", 8)
        func row(_ name: String, _ figures: Figures, width: Int) -> String {
            "  " + pad(name, width) + lpad(String(figures.turns), 7) + lpad(String(figures.conversations), 6)
                + lpad(rate(figures.intent.value), 9) + lpad(rate(figures.clarifyRate), 9)
                + lpad(rate(figures.route.value), 9) + lpad(rate(figures.language.value), 9)
                + lpad(rate(figures.deflection.value), 11) + lpad(String(figures.failedTurns), 8)
        }
        out.append("By language")
        out.append("  " + pad("language", 10) + columns)
        for (language, figures) in perLanguage { out.append(row(language, figures, width: 10)) }
        out.append("")
        if perFile.count > 1 {
            let width = max(10, (perFile.map(\.file.count).max() ?? 0) + 2)
            out.append("By file")
            out.append("  " + pad("file", width) + columns)
            for (file, figures) in perFile { out.append(row(file, figures, width: width)) }
            out.append("")
        }

        out.append("Per intent (turns with expect_intent; weakest F1 first)")
        if perIntent.isEmpty {
            out.append("  (no turn expects an intent)")
        } else {
            let width = max(24, (perIntent.map(\.intent.count).max() ?? 0) + 2)
            out.append(
                "  " + pad("intent", width) + lpad("support", 8) + lpad("TP", 6) + lpad("FP", 6) + lpad("FN", 6)
                    + lpad("precision", 11) + lpad("recall", 8) + lpad("F1", 8) + lpad("false answers", 15))
            let ordered = weakestIntents + perIntent.filter { $0.f1 == nil }
            for score in ordered {
                out.append(
                    "  " + pad(score.intent, width) + lpad(String(score.support), 8)
                        + lpad(String(score.truePositives), 6) + lpad(String(score.falsePositives), 6)
                        + lpad(String(score.falseNegatives), 6) + lpad(rate(score.precision), 11)
                        + lpad(rate(score.recall), 8) + lpad(rate(score.f1), 8)
                        + lpad(String(score.falseAnswers), 15))
            }
        }
        out.append("")

        out.append("Most frequent confusions (expected -> actual)")
        if confusions.isEmpty { out.append("  (none)") }
        for confusion in confusions.prefix(Self.textConfusionLimit) {
            out.append("  " + lpad(String(confusion.count), 6) + "  \(confusion.expected) -> \(confusion.actual)")
        }
        if confusions.count > Self.textConfusionLimit {
            out.append("  ... \(confusions.count - Self.textConfusionLimit) more pairs (--json lists them all)")
        }
        out.append("")

        if !untestedIntents.isEmpty {
            out.append("Intents no turn expects (\(untestedIntents.count))")
            out.append(contentsOf: wrap(untestedIntents.joined(separator: ", "), indent: "  "))
            out.append("")
        }

        let shown = failureLimit.map { min($0, failures.count) } ?? failures.count
        if failures.isEmpty {
            out.append("Failures: none")
        } else if shown < failures.count {
            out.append("Failures: \(failures.count) turns (showing the first \(shown); --failures all shows every one)")
        } else {
            out.append("Failures: \(failures.count) turns")
        }
        for failure in failures.prefix(shown) { out.append(contentsOf: Self.describe(failure)) }
        out.append("")

        out.append("Definitions")
        for definition in Self.definitions { out.append("  - " + definition) }
        return out.joined(separator: "\n") + "\n"
    }

    /// A failing turn in four to six lines.
    static func describe(_ failure: Failure) -> [String] {
        let turn = failure.turn
        let reply = failure.reply
        let failed = failure.verdict.failedKinds.map(\.rawValue).joined(separator: ", ")
        var lines = ["  \(turn.location): [\(failed)] \(quoted(turn.reportedMessage))"]
        lines.append("      expected  " + describe(turn.expectation))
        var actual =
            "intent \(reply.intent ?? "-"), route \(reply.route.rawValue), confidence "
            + "\(formatConfidence(reply.confidence)), language \(reply.language.rawValue)"
        if let reason = reply.escalationReason { actual += ", escalation \(reason.rawValue)" }
        if !reply.clarificationOptions.isEmpty {
            actual += ", offered " + reply.clarificationOptions.joined(separator: " | ")
        }
        lines.append("      actual    " + actual)
        lines.append("      why       " + reply.explanation)
        if let conversation = turn.conversation, failure.turnNumber > 1 {
            lines.append("      context   turn \(failure.turnNumber) of conversation \(conversation)")
        }
        if !turn.extra.isEmpty {
            let extra = turn.extra.keys.sorted().map { "\($0)=\(turn.extra[$0]!.rendered(pretty: false))" }
            lines.append("      extra     " + extra.joined(separator: " "))
        }
        return lines
    }

    /// `intent a | b, route answer, language vi`.
    static func describe(_ expectation: Expectation) -> String {
        var parts: [String] = []
        if let intents = expectation.intents { parts.append("intent " + intents.joined(separator: " | ")) }
        if let routes = expectation.routes { parts.append("route " + routes.map(\.rawValue).joined(separator: " | ")) }
        if let languages = expectation.languages {
            parts.append("language " + languages.map(\.rawValue).joined(separator: " | "))
        }
        return parts.isEmpty ? "(nothing)" : parts.joined(separator: ", ")
    }

    private func headline(_ name: String, _ ratio: Ratio) -> String {
        "  " + pad(name, 20) + lpad(String(ratio.passed), 8) + " / " + pad(String(ratio.total), 8) + rate(ratio.value)
    }

    private func clarifyNote(_ figures: Figures) -> String {
        guard figures.intent.total > 0 else { return "" }
        return "  (clarify rate \(rate(figures.clarifyRate)): \(figures.clarified) of \(figures.intent.total) turns)"
    }
}

/// A rate with four decimals, `-` when there is none.
func rate(_ value: Double?) -> String {
    value.map { String(format: "%.4f", $0) } ?? "-"
}

/// `text` padded with spaces on the right to `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

/// `text` padded with spaces on the left to `width` characters.
func lpad(_ text: String, _ width: Int) -> String {
    text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
}

/// The message in double quotes, line breaks shown as `\n`.
func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\n", with: "\\n") + "\""
}

/// Lines of at most about 100 characters, split at spaces.
func wrap(_ text: String, indent: String, width: Int = 100) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
        if !current.isEmpty, current.count + word.count + 1 > width {
            lines.append(indent + current)
            current = ""
        }
        current += current.isEmpty ? String(word) : " " + word
    }
    if !current.isEmpty { lines.append(indent + current) }
    return lines
}
