/// Lists of elements by small integer key (a term or concept id), stored as one array with
/// offsets: a lookup is two reads, with no hashing and no per-key allocation.
struct PostingLists<Element: Sendable>: Sendable {
    private var offsets: [Int32]
    private var elements: [Element]

    /// Groups `pairs` by key; keys run from 0 to `keyCount - 1`.
    init(keyCount: Int, _ pairs: [(key: Int32, element: Element)]) {
        var counts = [Int32](repeating: 0, count: keyCount + 1)
        for pair in pairs { counts[Int(pair.key) + 1] += 1 }
        for key in 0..<keyCount { counts[key + 1] += counts[key] }
        offsets = counts
        var next = counts
        // Every slot is written exactly once (the counts add up to `pairs.count`), so the
        // elements go straight to their place, without an array of optionals to unwrap.
        elements = [Element](unsafeUninitializedCapacity: pairs.count) { buffer, initialized in
            for pair in pairs {
                buffer.initializeElement(at: Int(next[Int(pair.key)]), to: pair.element)
                next[Int(pair.key)] += 1
            }
            initialized = pairs.count
        }
    }

    /// Whether any key has elements.
    var hasElements: Bool { !elements.isEmpty }

    /// Calls `body` with each element of `key`, read in place.
    @inline(__always)
    func forEach(_ key: Int32, _ body: (Element) -> Void) {
        guard key >= 0, Int(key) + 1 < offsets.count else { return }
        for index in Int(offsets[Int(key)])..<Int(offsets[Int(key) + 1]) { body(elements[index]) }
    }

    /// Calls `body` with the lists read in place, for a loop over many keys: a slice of the
    /// array would retain and release it, per key, and a closure per key (which the matcher's
    /// loops did not inline) cost a call.
    @inline(__always)
    func withReader<Result>(_ body: (Reader) -> Result) -> Result {
        offsets.withUnsafeBufferPointer { offsets in
            elements.withUnsafeBufferPointer { elements in body(Reader(offsets: offsets, elements: elements)) }
        }
    }

    /// The lists' offsets and elements, read in place.
    struct Reader {
        fileprivate let offsets: UnsafeBufferPointer<Int32>
        fileprivate let elements: UnsafeBufferPointer<Element>

        /// The elements of `key`; none for a key out of range.
        @inline(__always)
        subscript(key: Int32) -> UnsafeBufferPointer<Element> {
            guard key >= 0, Int(key) + 1 < offsets.count else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(rebasing: elements[Int(offsets[Int(key)])..<Int(offsets[Int(key) + 1])])
        }
    }

    /// The elements of `key`, in the order they were given; none for a key out of range.
    subscript(key: Int32) -> ArraySlice<Element> {
        guard key >= 0, Int(key) + 1 < offsets.count else { return [] }
        return elements[Int(offsets[Int(key)])..<Int(offsets[Int(key) + 1])]
    }
}
