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

    mutating func append(contentsOf other: WordSequenceList) {
        let base = terms.count
        terms += other.terms
        for end in other.ends { ends.append(base + end) }
    }

    /// Every sequence of this list followed by every sequence of `suffixes`, in that order.
    ///
    /// Through buffer pointers: each sequence read as a slice retained and released the list's
    /// terms, and went through generic code.
    func product(with suffixes: WordSequenceList) -> WordSequenceList {
        var product = WordSequenceList()
        product.terms.reserveCapacity(suffixes.count * terms.count + count * suffixes.terms.count)
        product.ends.reserveCapacity(count * suffixes.count)
        terms.withUnsafeBufferPointer { prefixTerms in
            suffixes.terms.withUnsafeBufferPointer { suffixTerms in
                for prefix in indices {
                    let prefixRange = bounds(of: prefix)
                    for suffix in suffixes.indices {
                        product.terms.append(contentsOf: UnsafeBufferPointer(rebasing: prefixTerms[prefixRange]))
                        product.terms.append(
                            contentsOf: UnsafeBufferPointer(rebasing: suffixTerms[suffixes.bounds(of: suffix)]))
                        product.ends.append(product.terms.count)
                    }
                }
            }
        }
        return product
    }

    /// The positions of the sequences in lexicographic order, each distinct sequence once.
    ///
    /// Compared through a buffer pointer: as slices, every comparison retained and released the
    /// list's terms twice.
    func distinctPositionsInOrder() -> [Int] {
        terms.withUnsafeBufferPointer { terms in
            func sequence(_ position: Int) -> UnsafeBufferPointer<Int32> {
                UnsafeBufferPointer(rebasing: terms[bounds(of: position)])
            }
            let order = indices.sorted { sequence($0).lexicographicallyPrecedes(sequence($1)) }
            return order.indices.compactMap { place in
                place == 0 || !sequence(order[place]).elementsEqual(sequence(order[place - 1])) ? order[place] : nil
            }
        }
    }

    /// Where sequence `position` is in `terms`.
    private func bounds(of position: Int) -> Range<Int> { (position == 0 ? 0 : ends[position - 1])..<ends[position] }

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
