/// Pairs of terms → a node of ``ConceptTrie``, in an open-addressing table: a lookup is a
/// multiply, a shift and a probe or two, with no hashing of its own per element type.
struct WordPairTable: Sendable {
    /// Each slot's pair (first word in the high half), `empty` where free.
    private var keys: [UInt64]
    private var values: [Int32]
    private let shift: UInt64
    private static let empty = UInt64.max

    /// A table of `pairs`, each pair once; at most half full: most lookups miss (a window's
    /// neighbouring words rarely start a form), and a miss probes until a free slot.
    init(_ pairs: [(first: Int32, second: Int32, node: Int32)]) {
        var capacity = 8
        while capacity < pairs.count * 2 { capacity *= 2 }
        shift = UInt64(UInt64.bitWidth - capacity.trailingZeroBitCount)
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: -1, count: capacity)
        for pair in pairs {
            let key = Self.key(pair.first, pair.second)
            var slot = Self.slot(key, shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            values[slot] = pair.node
        }
    }

    @inline(__always)
    fileprivate static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    @inline(__always)
    fileprivate static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Calls `body` with the table read in place.
    func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in body(Lookup(keys: keys, values: values, shift: shift)) }
        }
    }

    /// The table's arrays, read in place.
    struct Lookup {
        fileprivate let keys: UnsafeBufferPointer<UInt64>
        fileprivate let values: UnsafeBufferPointer<Int32>
        fileprivate let shift: UInt64

        /// The node after the words `first` and `second`; nil when no form starts with them.
        @inline(__always)
        func node(after first: Int32, _ second: Int32) -> Int32? {
            let key = WordPairTable.key(first, second)
            var slot = WordPairTable.slot(key, shift)
            while true {
                let found = keys[slot]
                if found == key { return values[slot] }
                if found == WordPairTable.empty { return nil }
                slot = (slot &+ 1) & (keys.count &- 1)
            }
        }
    }
}
