import Testing

@testable import IntentMatching

@Suite("Posting lists")
struct PostingListsTests {
    @Test("A reader reads the same elements as the subscript, in order, and none out of range")
    func readerMatchesSubscript() {
        let pairs: [(key: Int32, element: Int32)] = [(2, 20), (0, 1), (2, 21), (3, 30), (2, 22)]
        let lists = PostingLists(keyCount: 5, pairs)
        lists.withReader { reader in
            for key: Int32 in -1...6 {
                #expect(Array(reader[key]) == Array(lists[key]))
            }
            #expect(Array(reader[2]) == [20, 21, 22])
            #expect(reader[1].isEmpty)
        }
    }
}
