import Testing

@testable import IntentMatching

@Suite("Posting lists")
struct PostingListsTests {
    @Test("withElements reads the same elements as the subscript, in order, and none out of range")
    func withElementsMatchesSubscript() {
        let pairs: [(key: Int32, element: Int32)] = [(2, 20), (0, 1), (2, 21), (3, 30), (2, 22)]
        let lists = PostingLists(keyCount: 5, pairs)
        for key: Int32 in -1...6 {
            let read = lists.withElements(key) { Array($0) }
            #expect(read == Array(lists[key]))
        }
        #expect(lists.withElements(2) { Array($0) } == [20, 21, 22])
        #expect(lists.withElements(1) { $0.isEmpty })
    }
}
