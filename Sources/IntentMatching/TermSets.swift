/// Sets of terms (sorted, without repeats) kept by number, one after the other in one array: each
/// concept's words and first words, worked out once and read by every pattern that uses it.
///
/// An array per concept, for tens of thousands of concepts at 10,000 intents (most of them
/// choices lifted out of patterns), cost an allocation each, and a release each when freed.
struct TermSets {
    private var terms: [Int32] = []
    /// Where each set is in `terms`, by number; nil until one is stored.
    private var ranges: [Range<Int32>?] = []

    /// How many numbers have a place (with a set or not).
    var count: Int { ranges.count }

    /// The set stored for `number`, if any.
    subscript(number: Int) -> ArraySlice<Int32>? {
        guard number < ranges.count, let range = ranges[number] else { return nil }
        return terms[Int(range.lowerBound)..<Int(range.upperBound)]
    }

    /// Calls `body` with the set stored for `number` (empty when there is none).
    func withSet<Result>(_ number: Int, _ body: (UnsafeBufferPointer<Int32>) -> Result) -> Result {
        guard number < ranges.count, let range = ranges[number] else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return terms.withUnsafeBufferPointer { terms in
            body(UnsafeBufferPointer(rebasing: terms[Int(range.lowerBound)..<Int(range.upperBound)]))
        }
    }

    /// Appends the set stored for `number` to `destination` and returns true; false, appending
    /// nothing, when there is none.
    func append(_ number: Int, to destination: inout [Int32]) -> Bool {
        guard number < ranges.count, let range = ranges[number] else { return false }
        // From a buffer pointer: a slice went through generic code and retained the array.
        terms.withUnsafeBufferPointer { terms in
            destination.append(
                contentsOf: UnsafeBufferPointer(rebasing: terms[Int(range.lowerBound)..<Int(range.upperBound)]))
        }
        return true
    }

    /// Whether a set is stored for `number`.
    func contains(_ number: Int) -> Bool { number < ranges.count && ranges[number] != nil }

    /// Keeps `set` as the set of `number`.
    mutating func store(_ set: [Int32], at number: Int) {
        if number >= ranges.count { ranges += repeatElement(nil, count: number + 1 - ranges.count) }
        let start = Int32(terms.count)
        terms += set
        ranges[number] = start..<Int32(terms.count)
    }
}
