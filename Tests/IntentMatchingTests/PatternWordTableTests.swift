import Testing

@testable import IntentMatching

@Suite("The compiler's table of pattern words, found by their bytes")
struct PatternWordTableTests {
    private func number(of word: String, tag: UInt8, in table: PatternWordTable) -> Int32? {
        var word = word
        return word.withUTF8 { table.number(of: $0, tag: tag) }
    }

    private func insert(_ word: String, tag: UInt8, into table: inout PatternWordTable) -> Int32 {
        var word = word
        return word.withUTF8 { table.insert($0, tag: tag) }
    }

    @Test("Words are numbered in order and found again; the tag and every byte count")
    func numbering() {
        var table = PatternWordTable()
        #expect(insert("rút", tag: 0, into: &table) == 0)
        #expect(insert("rút", tag: 1, into: &table) == 1)
        #expect(insert("rut", tag: 0, into: &table) == 2)
        #expect(insert("", tag: 0, into: &table) == 3)
        #expect(number(of: "rút", tag: 0, in: table) == 0)
        #expect(number(of: "rút", tag: 1, in: table) == 1)
        #expect(number(of: "rut", tag: 0, in: table) == 2)
        #expect(number(of: "", tag: 0, in: table) == 3)
        #expect(number(of: "rut", tag: 1, in: table) == nil)
        #expect(number(of: "ru", tag: 0, in: table) == nil)
        // The same letter written decomposed is other bytes: another word.
        #expect(number(of: "ru\u{0301}t", tag: 0, in: table) == nil)
    }

    @Test("Words are found again after the table grows")
    func growth() {
        var table = PatternWordTable()
        for number in 0..<5_000 { #expect(insert("word\(number)", tag: 0, into: &table) == Int32(number)) }
        for number in 0..<5_000 { #expect(self.number(of: "word\(number)", tag: 0, in: table) == Int32(number)) }
        #expect(number(of: "word5000", tag: 0, in: table) == nil)
        #expect(table.count == 5_000)
    }
}
