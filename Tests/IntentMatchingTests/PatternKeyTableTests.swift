import Testing

@testable import IntentMatching

@Suite("The compiler's table of canonical pattern keys")
struct PatternKeyTableTests {
    @Test("A key seen before gives its latest owner, and the new owner replaces it")
    func ownership() {
        var table = PatternKeyTable(capacity: 4)
        #expect(table.insert([1, 2, 3], owner: 0) == nil)
        #expect(table.insert([1, 2], owner: 1) == nil)
        #expect(table.insert([1, 2, 3], owner: 2) == 0)
        #expect(table.insert([1, 2, 3], owner: 3) == 2)
        #expect(table.insert([1, 2], owner: 4) == 1)
        #expect(table.insert([], owner: 5) == nil)
        #expect(table.insert([], owner: 6) == 5)
    }

    @Test("Keys are found again after the table grows past its capacity")
    func growth() {
        var table = PatternKeyTable(capacity: 2)
        for number in 0..<1_000 {
            #expect(table.insert([Int32(number), -6, Int32(number % 7)], owner: Int32(number)) == nil)
        }
        for number in 0..<1_000 {
            #expect(table.insert([Int32(number), -6, Int32(number % 7)], owner: 0) == Int32(number))
        }
    }

    @Test("An emptied table (capacity 0) still takes keys")
    func emptied() {
        var table = PatternKeyTable(capacity: 0)
        #expect(table.insert([7], owner: 1) == nil)
        #expect(table.insert([7], owner: 2) == 1)
    }
}
