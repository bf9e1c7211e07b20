import Foundation

/// Which machine the figures come from: they mean little without it.
public struct MachineDescription: Sendable, Codable, Hashable {
    public var hostname: String
    public var cpu: String
    /// Cores the process may use.
    public var cores: Int
    public var operatingSystem: String
    /// `release` or `debug`: debug figures are not comparable with the targets.
    public var build: String

    public static func current() -> MachineDescription {
        MachineDescription(
            hostname: ProcessInfo.processInfo.hostName, cpu: cpuModel(),
            cores: ProcessInfo.processInfo.activeProcessorCount,
            operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString, build: buildConfiguration)
    }

    public static var buildConfiguration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    /// The first `model name` of `/proc/cpuinfo`, else "unknown".
    static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    /// One line for the table heading.
    public var summary: String {
        "\(hostname) · \(cpu) · \(cores) core\(cores == 1 ? "" : "s") · \(operatingSystem) · \(build) build"
    }
}
