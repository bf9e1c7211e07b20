import Testing

@testable import IntentMatching

@Suite("Word sequences listed in one array")
struct WordSequenceListTests {
    private static func arrays(_ list: WordSequenceList) -> [[Int32]] { list.map { Array($0) } }

    @Test("A term appended to each sequence ends every one, empty ones included")
    func appendToEach() {
        var list = WordSequenceList()
        list.append(EmptyCollection())
        list.append([1, 2])
        list.append(CollectionOfOne(3))
        list.appendToEach(9)
        #expect(Self.arrays(list) == [[9], [1, 2, 9], [3, 9]])
        list.appendToEach(8)
        #expect(Self.arrays(list) == [[9, 8], [1, 2, 9, 8], [3, 9, 8]])
    }

    @Test("A term appended to each of no sequences leaves none")
    func appendToNone() {
        var list = WordSequenceList()
        list.appendToEach(1)
        #expect(list.isEmpty)
    }
}
