import Testing

@testable import TextNormalization

@Suite("Word table: words to their numbers by byte hash")
struct WordTableTests {
    @Test("Every word finds its number; absent words, prefixes and repeats behave")
    func lookups() {
        let words = ["rút", "rut", "tiền", "withdraw", "", "usdt", "rút", "a"] + (0..<500).map { "word\($0)" }
        let table = WordTable(words)
        #expect(table["rút"] == 0)
        #expect(table["rut"] == 1)
        #expect(table["tiền"] == 2)
        #expect(table[""] == 4)
        #expect(table["a"] == 7)
        for number in 0..<500 { #expect(table["word\(number)"] == 8 + number) }
        for absent in ["ru", "rútt", "tien", "word500", "b", "withdrawal"] {
            #expect(table[absent] == nil, "\(absent)")
        }
        var decomposed = "ru\u{0301}t"  // the same word in NFD: other bytes, another word
        #expect(decomposed.withUTF8 { table[UnsafeRawBufferPointer($0)] } == nil)
    }

    /// The hash and the comparison read 8, 4 or 1 bytes at a time with overlapping loads: words
    /// of every length up to past two chunks, differing in one byte anywhere, stay apart.
    @Test("Words of every length differing in one byte")
    func lengthsAndSingleBytes() {
        let lengths = 1...40
        let words = lengths.map { String(repeating: "a", count: $0) }
        let table = WordTable(words)
        for length in lengths {
            #expect(table[String(repeating: "a", count: length)] == length - 1)
            for position in 0..<length {
                var bytes = Array(repeating: UInt8(ascii: "a"), count: length)
                bytes[position] = UInt8(ascii: "b")
                #expect(table[String(decoding: bytes, as: UTF8.self)] == nil, "\(length) \(position)")
            }
        }
    }
}
