import Foundation

/// Writes JSON string literals by hand, for output whose key order and layout must stay stable
/// (the event log, replay's JSON, `normalize --json`), where `JSONEncoder` would be slower or reorder.
public enum JSONStringLiteral {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped (also
    /// DEL and the line separators that break JavaScript readers), everything else as is.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
