import SupportBotTestSupport
import Testing

@testable import SupportContent

/// Answer files are decoded by the reader's own validation, which must decide as
/// `String(validating:as:)` does and give the same text.
@Suite("The content file reader decodes text as the standard library validates it")
struct ContentFileReaderTests {
    @Test("Random byte strings, valid or not")
    func randomBytes() {
        var generator = SeededRandom(seed: 7)
        var validCount = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += UTF8ScanTests.pieces.randomElement(using: &generator)!
            }
            let expected = String(validating: bytes, as: UTF8.self)
            let text = bytes.withUnsafeBufferPointer(ContentFileReader.validText)
            #expect(text == expected, Comment(rawValue: "\(bytes)"))
            #expect(text.map { Array($0.utf8) == bytes } ?? true)
            if expected != nil { validCount += 1 }
        }
        #expect(validCount > 1000)
    }
}
