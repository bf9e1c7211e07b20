import Foundation
import FuzzSupport
import SupportBot

/// A private copy of the fixture; each input becomes one more intents file in it.
nonisolated(unsafe) let directory = FuzzSupport.copyOfFixture()
nonisolated(unsafe) let file = directory.appendingPathComponent("intents/fuzz.yaml")

/// Loads the content with the input as `intents/fuzz.yaml`: it must load or throw, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContentLoader(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    do {
        try Data(bytes: data, count: size).write(to: file)
    } catch {
        fatalError("fuzz setup: cannot write \(file.path): \(error)")
    }
    let (content, _) = ContentLoader.diagnose(directory)
    if let content { _ = try? SupportEngine(content: content) }
    return 0
}

/// The entry point SwiftPM links for this executable target: libFuzzer's driver.
@_cdecl("FuzzContentLoader_main")
public func fuzzContentLoaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzSupport.runDriver(fuzzContentLoader)
}
