import SupportBotTestSupport
import Testing

@testable import SupportContent

/// The one-pass scan must decide validity as `String(validating:as:)` does, and plainness as
/// the block parser's own character check.
@Suite("The UTF-8 scan agrees with the standard library and the block parser")
struct UTF8ScanTests {
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("plain text ".utf8), Array("\n".utf8), Array("\t".utf8), Array("\r".utf8), [0x7F], [0],
        Array("é".utf8), Array("rút tiền ".utf8), Array("\u{85}".utf8), Array("\u{A0}".utf8), Array("\u{2028}".utf8),
        Array("\u{2029}".utf8), Array("\u{2027}".utf8), Array("\u{FEFF}".utf8), Array("\u{FFFE}".utf8),
        Array("\u{FFFF}".utf8), Array("\u{FFFD}".utf8), Array("\u{10FFFF}".utf8), Array("😀".utf8), [0xC0, 0x80],
        [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
        [0xF0, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xBF], [0xC3], [0xE1, 0xBA],
        [0xF0, 0x9F, 0x98],
        [0xC2], [0xE2, 0x80], [0xEF, 0xBB],
    ]

    @Test("Random byte strings")
    func randomBytes() {
        var generator = SeededRandom(seed: 5)
        var counts = (valid: 0, plain: 0)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += Self.pieces.randomElement(using: &generator)!
            }
            let scan = bytes.withUnsafeBufferPointer(UTF8Scan.scan)
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect(scan.isValid == valid, Comment(rawValue: "\(bytes)"))
            if valid {
                counts.valid += 1
                let plain = bytes.withUnsafeBufferPointer(YAMLBlockParser.hasOnlyPlainCharacters)
                #expect(scan.isPlain == plain, Comment(rawValue: "\(bytes)"))
                if plain { counts.plain += 1 }
            }
        }
        #expect(counts.valid > 1000 && counts.plain > 500)
    }
}
