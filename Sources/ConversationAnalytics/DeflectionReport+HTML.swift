import Foundation

extension DeflectionReport {
    /// One self-contained HTML page: inline CSS and inline SVG charts, no script, no network.
    ///
    /// Charts: deflection per day against the target line, turns per intent (answered, escalated,
    /// other), escalations by reason; then the per-language and unmatched-message tables and the
    /// definitions. Every text from the log is HTML-escaped.
    public func renderHTML(title: String = "SupportBot deflection report") -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(Self.styleSheet)</style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            <p class="sub">\(escape(periodDescription)) · \(conversations) conversations · \(turns) turns\
            \(skippedLines > 0 ? " · \(skippedLines) log lines skipped (torn or corrupt)" : "")</p>

            """
        html += cards()
        html += section("Deflection per day (UTC) against the \(percent(target)) target", dayChart())
        html += "<div class=\"two\">\n"
        html += section("Turns per intent (top \(Self.chartRows))", intentChart())
        html += section("Escalations by reason", reasonChart())
        html += "</div>\n"
        html += "<div class=\"two\">\n"
        html += section("Per language", languageTable())
        html += section("Most frequent unmatched messages (redacted)", unmatchedTable())
        html += "</div>\n"
        html += section(
            "Definitions",
            "<ul>" + Self.definitions.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        html += "</body>\n</html>\n"
        return html
    }

    static let chartRows = 15

    private static let styleSheet = """
        body{font-family:-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:24px auto;\
        max-width:1140px;padding:0 16px;color:#1f2933;background:#f5f7fa}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:17px;margin:0 0 12px}
        .sub{color:#52606d;margin:0 0 20px}
        .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:16px}
        .card{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .card .v{font-size:26px;font-weight:600}.card .k{color:#52606d;font-size:13px}
        .card .n{color:#52606d;font-size:12px;margin-top:2px}
        .ok{color:#2e7d32}.short{color:#d9480f}
        section{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;\
        box-shadow:0 1px 3px rgba(0,0,0,.12)}
        .two{display:grid;grid-template-columns:1fr 1fr;gap:16px}.two section{margin-bottom:0}
        .two{margin-bottom:16px}
        svg{width:100%;height:auto;display:block}
        svg text{font-size:12px;fill:#3e4c59}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e7eb}
        td.r,th.r{text-align:right}
        ul{margin:0;padding-left:20px;font-size:14px;line-height:1.5}
        .empty{color:#7b8794;font-style:italic}
        """

    // MARK: - Parts

    private func cards() -> String {
        let met = targetMet ?? false
        let items: [(key: String, value: String, note: String, style: String)] = [
            (
                "Deflection rate", percent(deflectionRate), "target \(percent(target)): \(targetVerdict)",
                targetMet == nil ? "" : met ? "ok" : "short"
            ),
            ("Escalation rate", percent(escalationRate), "\(escalated) of \(conversations) conversations", ""),
            ("CSAT", percent(csat), "\(satisfactionYes) yes · \(satisfactionNo) no", ""),
            ("Resolution rate", percent(resolutionRate), "resolved on first contact: \(resolved)", ""),
            ("Fallback rate", percent(fallbackRate), "clarification \(percent(clarificationRate))", ""),
            (
                "Response p95", responseTime.p95.map { "\($0) µs" } ?? "n/a",
                "p50 \(responseTime.p50.map(String.init) ?? "n/a") · p99 \(responseTime.p99.map(String.init) ?? "n/a")",
                ""
            ),
        ]
        var html = "<div class=\"cards\">\n"
        for item in items {
            html += "<div class=\"card\"><div class=\"k\">\(escape(item.key))</div>"
            html += "<div class=\"v \(item.style)\">\(escape(item.value))</div>"
            html += "<div class=\"n\">\(escape(item.note))</div></div>\n"
        }
        return html + "</div>\n"
    }

    private func section(_ heading: String, _ body: String) -> String {
        "<section><h2>\(escape(heading))</h2>\n\(body)\n</section>\n"
    }

    private func dayChart() -> String {
        guard !perDay.isEmpty else { return "<p class=\"empty\">No conversations in this period.</p>" }
        let (width, height) = (1000.0, 280.0)
        let (left, right, top, bottom) = (48.0, 16.0, 16.0, 44.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let slot = plotWidth / Double(perDay.count)
        let barWidth = min(56, slot * 0.7)
        let labelStep = max(1, Int((Double(perDay.count) / 12).rounded(.up)))
        func y(_ rate: Double) -> Double { top + plotHeight * (1 - rate) }

        var svg = svgOpen(width, height, label: "Deflection rate per day against the target")
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += line(left, y(tick), width - right, y(tick), stroke: "#e4e7eb")
            svg += text(left - 6, y(tick) + 4, "\(Int(tick * 100))%", anchor: "end")
        }
        for (index, day) in perDay.enumerated() {
            let rate = day.deflectionRate ?? 0
            let x = left + slot * Double(index) + (slot - barWidth) / 2
            let color = rate >= target ? "#2e7d32" : "#f08c00"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y(rate)))\" width=\"\(f(barWidth))\" "
            svg += "height=\"\(f(plotHeight * rate))\" fill=\"\(color)\" rx=\"2\">"
            svg += "<title>\(escape(day.date)): \(day.deflected) of \(day.conversations) deflected "
            svg += "(\(percent(day.deflectionRate)))</title></rect>\n"
            if perDay.count <= 31 {
                svg += text(x + barWidth / 2, y(rate) - 4, String(format: "%.0f%%", rate * 100), anchor: "middle")
            }
            if index % labelStep == 0 {
                let label = perDay.count > 7 ? String(day.date.dropFirst(5)) : day.date
                svg += text(x + barWidth / 2, top + plotHeight + 18, label, anchor: "middle")
            }
        }
        svg += line(left, top + plotHeight, width - right, top + plotHeight, stroke: "#9aa5b1")
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(y(target)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(target)))\" "
        svg += "stroke=\"#c92a2a\" stroke-width=\"2\" stroke-dasharray=\"8 5\"/>\n"
        svg += "<text x=\"\(f(width - right))\" y=\"\(f(y(target) - 6))\" text-anchor=\"end\" "
        svg += "style=\"fill:#c92a2a;font-weight:600\">target \(percent(target))</text>\n"
        svg += text(left, height - 6, "bars: share of the day's conversations deflected", anchor: "start")
        return svg + "</svg>"
    }

    private func intentChart() -> String {
        let rows = perIntent.prefix(Self.chartRows)
        guard !rows.isEmpty else { return "<p class=\"empty\">No intent matched.</p>" }
        let bars = rows.map { row in
            (
                label: row.intent,
                parts: [
                    (row.answered, "#2e7d32", "answered"), (row.escalated, "#c92a2a", "escalated"),
                    (row.turns - row.answered - row.escalated, "#9aa5b1", "other"),
                ],
                total: row.turns
            )
        }
        let legend = [("#2e7d32", "answered or security"), ("#c92a2a", "escalated"), ("#9aa5b1", "other")]
        return horizontalBars(bars, legend: legend, label: "Turns per intent")
    }

    private func reasonChart() -> String {
        guard !sortedReasons.isEmpty else { return "<p class=\"empty\">No escalations.</p>" }
        let bars = sortedReasons.map { item in
            (label: item.reason, parts: [(item.count, "#1971c2", "conversations")], total: item.count)
        }
        return horizontalBars(bars, legend: [], label: "Escalated conversations by reason")
    }

    private func horizontalBars(
        _ bars: [(label: String, parts: [(Int, String, String)], total: Int)], legend: [(String, String)],
        label: String
    ) -> String {
        let rowHeight = 26.0
        let legendHeight = legend.isEmpty ? 0.0 : 24.0
        let width = 540.0
        let labelWidth = 190.0
        let barSpace = width - labelWidth - 50
        let height = legendHeight + rowHeight * Double(bars.count) + 4
        let largest = Double(max(1, bars.map(\.total).max() ?? 1))
        var svg = svgOpen(width, height, label: label)
        var legendX = labelWidth
        for (color, name) in legend {
            svg += "<rect x=\"\(f(legendX))\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            svg += text(legendX + 16, 14, name, anchor: "start")
            legendX += 30 + Double(name.count) * 6.5
        }
        for (index, bar) in bars.enumerated() {
            let y = legendHeight + rowHeight * Double(index)
            let shown = bar.label.count > 28 ? String(bar.label.prefix(27)) + "…" : bar.label
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 17))\" text-anchor=\"end\">"
            svg += "<title>\(escape(bar.label))</title>\(escape(shown))</text>\n"
            var x = labelWidth
            for (count, color, name) in bar.parts where count > 0 {
                let length = barSpace * Double(count) / largest
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y + 4))\" width=\"\(f(length))\" height=\"\(f(rowHeight - 8))\" "
                svg += "fill=\"\(color)\"><title>\(escape(bar.label)): \(count) \(escape(name))</title></rect>\n"
                x += length
            }
            svg += text(x + 6, y + 17, String(bar.total), anchor: "start")
        }
        return svg + "</svg>"
    }

    private func languageTable() -> String {
        guard !perLanguage.isEmpty else { return "<p class=\"empty\">No conversations.</p>" }
        var html = "<table><tr><th>language</th><th class=\"r\">conversations</th><th class=\"r\">deflected</th>"
        html += "<th class=\"r\">deflection</th></tr>\n"
        for row in perLanguage {
            html += "<tr><td>\(escape(row.language))</td><td class=\"r\">\(row.conversations)</td>"
            html += "<td class=\"r\">\(row.deflected)</td><td class=\"r\">\(percent(row.deflectionRate))</td></tr>\n"
        }
        return html + "</table>"
    }

    private func unmatchedTable() -> String {
        guard !unmatched.isEmpty else { return "<p class=\"empty\">No unmatched messages.</p>" }
        var html = "<table><tr><th class=\"r\">count</th><th>message</th></tr>\n"
        for item in unmatched {
            html += "<tr><td class=\"r\">\(item.count)</td><td>\(escape(item.message))</td></tr>\n"
        }
        return html + "</table>"
    }

    // MARK: - SVG helpers

    private func svgOpen(_ width: Double, _ height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
            + "aria-label=\"\(escape(label))\">\n"
    }

    private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(escape(content))</text>\n"
    }
}

/// A coordinate with one decimal.
private func f(_ value: Double) -> String {
    String(format: "%.1f", value)
}

/// Escapes text for HTML content and attribute values.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}
