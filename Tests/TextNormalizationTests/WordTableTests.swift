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
}
