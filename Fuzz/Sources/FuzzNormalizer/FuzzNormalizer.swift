import FuzzSupport
import SupportBot

/// The shipped lexicon: the normalizer's real tables (abbreviations, Telex/VNI repair, language ID).
nonisolated(unsafe) let normalizer = TextNormalizer(lexicon: FuzzSupport.load(FuzzSupport.repositoryRoot).lexicon)
nonisolated(unsafe) let scanner = SensitiveDataScanner()

/// Normalizes and redacts any bytes; libFuzzer reports a crash, a leak or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data = bytes else { return 0 }
    let text = FuzzSupport.text(data, size)
    let message = normalizer.normalize(text)
    precondition(message.tokens.count <= text.unicodeScalars.count + 1, "more tokens than scalars")
    let redaction = scanner.redact(text)
    _ = normalizer.normalize(redaction.text)
    return 0
}

/// The entry point SwiftPM links for this executable target: libFuzzer's driver.
@_cdecl("FuzzNormalizer_main")
public func fuzzNormalizerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzSupport.runDriver(fuzzNormalizer)
}
