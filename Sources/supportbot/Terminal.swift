import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the chat knows about where it runs: a terminal gets a prompt, line editing and colour;
/// a pipe gets plain lines.
struct Terminal {
    let isInteractive: Bool
    let usesColor: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isInteractive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        usesColor = isInteractive && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    enum Style: String {
        case prompt = "1;36"
        case dim = "2"
        case warning = "1;33"
        case escalation = "1;35"
        case error = "1;31"
    }

    func styled(_ text: String, _ style: Style) -> String {
        usesColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
