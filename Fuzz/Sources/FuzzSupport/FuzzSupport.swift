import Foundation
import SupportBot

/// Paths and content shared by the fuzz targets.
public enum FuzzSupport {
    /// The repository root (this file is Fuzz/Sources/FuzzSupport/FuzzSupport.swift).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The small hand-written content the tests use.
    public static let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/minimal-content")

    /// Loads content or stops the fuzzer: a seed that cannot load is a setup error, not a finding.
    public static func load(_ directory: URL) -> BotContent {
        do {
            return try ContentLoader.load(from: directory)
        } catch {
            fatalError("fuzz setup: content in \(directory.path) does not load:\n\(error)")
        }
    }

    /// A private copy of the fixture content, made once per fuzz process.
    public static func copyOfFixture() -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "supportbot-fuzz-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.copyItem(at: fixture, to: directory)
        } catch {
            fatalError("fuzz setup: cannot copy \(fixture.path): \(error)")
        }
        return directory
    }

    /// The fuzz input as text, invalid UTF-8 repaired the way the chat command repairs it.
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }
}

/// libFuzzer's entry point for programs that have their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

extension FuzzSupport {
    /// Hands the process to libFuzzer. SwiftPM links an executable target's entry point as
    /// `<Module>_main` (and aliases `main` to it), so each target defines that and calls this.
    public static func runDriver(
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        return llvmFuzzerRunDriver(&argc, &argv, callback)
    }
}
