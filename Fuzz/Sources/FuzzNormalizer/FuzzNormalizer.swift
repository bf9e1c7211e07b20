import FuzzSupport
import SupportBot

/// The shipped lexicon: the normalizer's real tables (abbreviations, Telex/VNI repair, language ID).
nonisolated(unsafe) let normalizer = TextNormalizer(lexicon: FuzzSupport.load(FuzzSupport.repositoryRoot).lexicon)
nonisolated(unsafe) let scanner = SensitiveDataScanner()

/// Normalizes and redacts any bytes; libFuzzer reports a crash, a leak or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = FuzzSupport.text(data, size)
    let message = normalizer.normalize(text)
    precondition(message.tokens.count <= text.unicodeScalars.count + 1, "more tokens than scalars")
    let redaction = scanner.redact(text)
    _ = normalizer.normalize(redaction.text)
    return 0
}
