import FuzzSupport
import SupportBot

/// The fixture content, loaded once; each input replaces one pattern in memory.
nonisolated(unsafe) let base = FuzzSupport.load(FuzzSupport.fixture)
nonisolated(unsafe) let target = base.intents.firstIndex { $0.id == "withdrawal.pending" } ?? 0
nonisolated(unsafe) let normalizer = TextNormalizer(lexicon: base.lexicon)
let messages = ["withdrawl stuck", "rút tiền chưa về", "my withdrawal pending fee card hello", ""]

/// Compiles the input as a pattern (English and Vietnamese); when it compiles, matches a few messages with it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPatternCompiler(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let pattern = FuzzSupport.text(data, size)
    var content = base
    let location = SourceLocation(file: "fuzz.yaml", line: 1, column: 1)
    content.intents[target].patterns[.en] = [SourceText(text: pattern, location: location, sourceLine: pattern)]
    content.intents[target].patterns[.vi] = [SourceText(text: pattern, location: location)]
    let (index, _) = IntentIndex.compileReporting(content)
    if let index {
        for message in messages + [pattern] { _ = index.match(normalizer.normalize(message)) }
    }
    return 0
}

/// The entry point SwiftPM links for this executable target: libFuzzer's driver.
@_cdecl("FuzzPatternCompiler_main")
public func fuzzPatternCompilerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzSupport.runDriver(fuzzPatternCompiler)
}
