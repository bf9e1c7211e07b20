import Foundation
import SupportBot
import SupportBotTestSupport

/// Shared helpers for the hardening tests.
enum Hardening {
    /// Whether the long versions run (`SUPPORTBOT_SOAK=1`); CI runs the reduced sizes.
    static var soak: Bool { ProcessInfo.processInfo.environment["SUPPORTBOT_SOAK"] == "1" }

    /// Whether the suite runs under Thread or Address Sanitizer (`Scripts/sanitizers.sh`).
    static var sanitizer: Bool { ProcessInfo.processInfo.environment["SUPPORTBOT_SANITIZER"] == "1" }

    /// Every `user` message of the shipped transcripts, in file order.
    static let transcriptMessages: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Repository.transcripts.path)) ?? []
        var messages: [String] = []
        for file in files.sorted() where file.hasSuffix(".jsonl") {
            let url = Repository.transcripts.appendingPathComponent(file)
            guard let data = try? Data(contentsOf: url) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let user = object["user"] as? String
                else { continue }
                messages.append(user)
            }
        }
        return messages
    }()

    /// The resident set size of this process in kB (`VmRSS`), or nil where /proc is missing.
    static func residentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// A fresh temporary file path (not created).
    static func temporaryPath(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("hardening-\(UUID().uuidString)-\(name)")
    }

    /// Milliseconds `body` took.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}

/// The parts of a reply that must not depend on scheduling.
struct ReplyDigest: Hashable, Sendable, CustomStringConvertible {
    var text: String
    var route: String
    var intent: String?
    var confidence: Double

    init(_ reply: Reply) {
        text = reply.text
        route = "\(reply.route)"
        intent = reply.intent
        confidence = reply.confidence
    }

    var description: String { "\(route) \(intent ?? "-") \(confidence): \(text.prefix(60))" }
}
