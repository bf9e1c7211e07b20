/// Word sequences one after the other in one array of terms, each ending where `ends` says: a
/// concept form's sequences, listed without an array per sequence.
struct WordSequenceList: RandomAccessCollection {
    private var terms: [Int32] = []
    private var ends: [Int] = []

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(position: Int) -> ArraySlice<Int32> {
        terms[(position == 0 ? 0 : ends[position - 1])..<ends[position]]
    }

    mutating func append(_ sequence: some Collection<Int32>) {
        terms.append(contentsOf: sequence)
        ends.append(terms.count)
    }

    /// Appends `prefix` followed by `suffix` as one sequence.
    mutating func append(_ prefix: ArraySlice<Int32>, _ suffix: ArraySlice<Int32>) {
        terms.append(contentsOf: prefix)
        terms.append(contentsOf: suffix)
        ends.append(terms.count)
    }

    mutating func append(contentsOf other: WordSequenceList) {
        for sequence in other { append(sequence) }
    }

    /// Appends `term` to the end of every sequence, in place: each sequence moves up by the
    /// number of sequences before it, from the last one down.
    mutating func appendToEach(_ term: Int32) {
        let oldCount = terms.count
        let oldEnds = ends
        terms.append(contentsOf: repeatElement(term, count: ends.count))
        terms.withUnsafeMutableBufferPointer { buffer in
            var read = oldCount
            var write = buffer.count
            for position in oldEnds.indices.reversed() {
                let start = position == 0 ? 0 : oldEnds[position - 1]
                write -= 1
                buffer[write] = term
                while read > start {
                    read -= 1
                    write -= 1
                    buffer[write] = buffer[read]
                }
            }
        }
        for position in ends.indices { ends[position] += position + 1 }
    }
}
