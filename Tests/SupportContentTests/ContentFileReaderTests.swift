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

    /// Files counted as regular are read without `fstat`, into a buffer of a set size: an
    /// empty file, a small one and one larger than that buffer must each come back whole.
    @Test("Files read by name after counting come back whole, whatever their size")
    func countedFilesReadWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("folder-read-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let files: [String: [UInt8]] = [
            "empty.md": [], "small.md": Array("một câu trả lời".utf8),
            "large.md": (0..<200_000).map { UInt8(truncatingIfNeeded: $0 % 251) },
        ]
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        for withFolderInside in [false, true] {
            if withFolderInside {
                try FileManager.default.createDirectory(
                    at: folder.appendingPathComponent("nested.md"), withIntermediateDirectories: false)
            }
            let reader = try #require(ContentFileReader.Folder(path: folder.path))
            #expect(reader.countNames { $0.count >= 3 } == files.count + (withFolderInside ? 1 : 0))
            // Twice each, so the larger file is read after the smaller ones and before them.
            for name in Array(files.keys) + Array(files.keys) {
                let read = name.withCString { reader.withContents(ofExisting: $0) { $0.map(Array.init) } }
                #expect(read == .some(files[name]), Comment(rawValue: name))
            }
            let nested = "nested.md".withCString { reader.withContents(ofExisting: $0) { $0.map(Array.init) } }
            #expect(nested == (withFolderInside ? .some(nil) : nil))
            #expect("missing.md".withCString { reader.withContents(ofExisting: $0) { _ in true } } == nil)
        }
    }
}
