import Foundation
import SupportBotTestSupport
import Testing

/// A smoke run of `supportbot bench` at tiny sizes, so the bench never rots. It checks the
/// report's shape and its untimed figures only: never a timing.
@Suite struct BenchSmokeTests {
    /// A neutral workload in the `../shared/bench` format, small enough to write by hand.
    static let neutralWorkload = """
        {"meta": {"n_intents": 3},
         "intents": [
          {"id": "i00000", "kind": "faq", "phrases": ["(reset|recover) [my] password online", "đặt lại mật khẩu"],
           "langs": ["en", "vi"]},
          {"id": "i00001", "kind": "security", "phrases": ["report (phishing|scam) link", "báo cáo link lừa đảo"],
           "langs": ["en", "vi"]},
          {"id": "i00002", "kind": "escalate", "phrases": ["dispute [a] card payment", "khiếu nại thanh toán thẻ"]}
         ],
         "messages": [
          {"text": "hi, reset my password online please", "expected": "i00000", "tags": ["en"]},
          {"text": "dat lai mat khau", "expected": "i00000", "tags": ["vi", "nodiac"]},
          {"text": "Report scam link!!", "expected": "i00001", "tags": ["en"]},
          {"text": "khiếu nại thanh toán thẻ", "expected": "i00002", "tags": ["vi"]},
          {"text": "what is the weather in tokyo", "expected": null, "tags": ["en", "oos"]}
         ]}
        """

    static func runBench(_ extra: [String]) throws -> (CommandLineTool.Result, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-smoke-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workload = folder.appendingPathComponent("workload_tiny.json")
        try Data(neutralWorkload.utf8).write(to: workload)
        let arguments = [
            "bench", "--quick", "--content", Fixtures.minimalContent.path, "--transcripts", Repository.transcripts.path,
            "--synthetic-sizes", "20,40", "--messages", "100", "--cores", "2", "--workload", workload.path,
        ]
        return (try CommandLineTool.run(arguments + extra), folder)
    }

    @Test func quickRunReportsEveryWorkloadAsJSON() throws {
        let (result, folder) = try Self.runBench(["--json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        let report = try #require(object as? [String: Any])

        for key in ["respond_messages_per_second", "respond_p99_us", "normalize_messages_per_second", "floor_ratio"] {
            #expect(report[key] is Double, "top-level \(key)")
        }
        let machine = try #require(report["machine"] as? [String: Any])
        #expect((machine["hostname"] as? String)?.isEmpty == false)
        #expect((machine["cores"] as? Int ?? 0) >= 1)
        #expect((report["errors"] as? [Any])?.isEmpty == true)

        let order = try #require(report["workload_order"] as? [String])
        #expect(order == ["shipped", "synthetic_20", "synthetic_40", "workload_tiny"])
        let workloads = try #require(report["workloads"] as? [String: [String: Any]])
        for name in order {
            let figures = try #require(workloads[name], "workload \(name)")
            for key in [
                "roundtrip_messages_per_second", "normalize_messages_per_second", "respond_messages_per_second",
                "respond_p50_us", "respond_p99_us", "respond_p999_us", "logged_messages_per_second", "floor_ratio",
                "multicore_messages_per_second", "multicore_scaling", "load_compile_ms",
            ] {
                let value = figures[key] as? Double
                #expect(value.map { $0 >= 0 && $0.isFinite } == true, "\(name).\(key)")
            }
            #expect(
                figures["startup_in_fresh_process"] as? Bool == true,
                "\(name): the CLI measures start-up in bench-probe")
            let peak = try #require(figures["peak_rss_mb"] as? Double, "\(name).peak_rss_mb")
            let afterLoad = try #require(figures["rss_after_load_mb"] as? Double, "\(name).rss_after_load_mb")
            #expect(afterLoad > 0 && afterLoad <= peak, "\(name): after load \(afterLoad) MB, peak \(peak) MB")
            let distinct = try #require(figures["distinct_messages"] as? Int)
            let routes = try #require(figures["routes"] as? [String: Int])
            #expect(routes.values.reduce(0, +) == distinct, "\(name): one route per distinct message")
            #expect((figures["patterns"] as? Int ?? 0) > 0)
        }
        #expect(workloads["shipped"]?["intents"] as? Int == 10)
        #expect(workloads["synthetic_20"]?["intents"] as? Int == 20)
        #expect(workloads["synthetic_40"]?["intents"] as? Int == 40)
        #expect(workloads["workload_tiny"]?["intents"] as? Int == 3)
        #expect(workloads["workload_tiny"]?["distinct_messages"] as? Int == 5)
        #expect(workloads["shipped"]?["accuracy"] == nil, "transcript turns carry no labels here")
        for name in ["synthetic_20", "synthetic_40", "workload_tiny"] {
            let accuracy = try #require(workloads[name]?["accuracy"] as? [String: Any], "\(name) accuracy")
            for key in ["accuracy", "in_scope_accuracy", "out_of_scope_accuracy", "clarified"] {
                let value = try #require(accuracy[key] as? Double)
                #expect((0...1).contains(value), "\(name).\(key) = \(value)")
            }
        }
        let targets = try #require(report["targets"] as? [[String: Any]])
        #expect(targets.contains { ($0["name"] as? String)?.hasPrefix("shipped:") == true })
    }

    @Test func tableNamesTheMachineAndEveryWorkload() throws {
        let (result, folder) = try Self.runBench(["--only", "shipped,workload"])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        let cpu = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("model name") }?.split(separator: ":", maxSplits: 1).last?
            .trimmingCharacters(in: .whitespaces)
        #expect(result.standardOutput.hasPrefix("SupportBot bench — "))
        if let cpu { #expect(result.standardOutput.contains(cpu)) }
        for label in ["shipped", "workload_tiny", "normalizer floor", "respond, no log", "floor ratio", "targets"] {
            #expect(result.standardOutput.contains(label), "\(label)")
        }
        #expect(!result.standardOutput.contains("synthetic"))
    }

    /// The fresh process the bench starts for load times and memory: its figures as JSON, and a
    /// clear failure for content it cannot load.
    @Test func probeLoadsContentAndReportsItsOwnMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let messages = folder.appendingPathComponent("messages.json")
        try Data(#"[{"text": "reset my password", "startsConversation": true}]"#.utf8).write(to: messages)

        let result = try CommandLineTool.run([
            "bench-probe", "--content", Fixtures.minimalContent.path, "--messages", messages.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let figures = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Double])
        #expect(figures["loadMs"].map { $0 > 0 } == true)
        #expect(figures["compileMs"].map { $0 > 0 } == true)
        let peak = try #require(figures["peakResidentMb"])
        let afterLoad = try #require(figures["residentAfterLoadMb"])
        #expect(afterLoad > 0 && afterLoad <= peak)

        let missing = try CommandLineTool.run([
            "bench-probe", "--content", folder.appendingPathComponent("nowhere").path, "--messages", messages.path,
        ])
        #expect(missing.status != 0)
        #expect(missing.standardOutput.isEmpty)
        #expect(missing.standardError.contains("nowhere"), "\(missing.standardError)")
        #expect(!(try CommandLineTool.run(["--help"])).standardOutput.contains("bench-probe"), "not for people")
    }

    /// What `Scripts/instruction-counts.sh` profiles: the workloads the bench measured, kept
    /// on disk, answered again by bench-probe as many passes over as asked.
    @Test func savedWorkloadsCanBeProbedAgain() throws {
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("bench-saved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: saved) }
        let (result, folder) = try Self.runBench(["--only", "shipped,synthetic", "--save-workloads", saved.path])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(result.status == 0, "\(result.standardError)")
        for name in ["shipped", "synthetic_20", "synthetic_40"] {
            let workload = saved.appendingPathComponent(name)
            let messages = workload.appendingPathComponent("messages.json")
            let records = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: messages)) as? [[String: Any]])
            #expect(!records.isEmpty, "\(name): messages kept")
            let content = workload.appendingPathComponent("content")
            #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("intents").path))
            let probe = try CommandLineTool.run([
                "bench-probe", "--content", content.path, "--messages", messages.path, "--passes", "2",
            ])
            #expect(probe.status == 0, "\(name): \(probe.standardError)")
        }

        let zero = try CommandLineTool.run([
            "bench-probe", "--content", Fixtures.minimalContent.path, "--messages",
            saved.appendingPathComponent("shipped/messages.json").path, "--passes", "0",
        ])
        #expect(zero.status != 0)
        #expect(zero.standardError.contains("--passes must be at least 1"), "\(zero.standardError)")
    }

    @Test(arguments: [["--rounds", "0"], ["--only", "everything"], ["--synthetic-sizes", "lots"]])
    func rejectsBadArguments(_ arguments: [String]) throws {
        let result = try CommandLineTool.run(["bench", "--quick"] + arguments)
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
    }
}
