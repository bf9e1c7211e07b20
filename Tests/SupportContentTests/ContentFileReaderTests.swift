import Foundation
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

    @Test("A folder lists its names as FileManager does, in the same order")
    func folderNames() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-names-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.md", "._", "._b.md", ".hidden.md", "rút-tiền.md", "nested", "z z.md"] {
            let url = folder.appendingPathComponent(name)
            if name == "nested" {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            } else {
                try Data("text".utf8).write(to: url)
            }
        }
        let names = try #require(ContentFileReader.Folder(path: folder.path)?.names())
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: folder.path)))
        #expect(names.count == 6)
    }
}
