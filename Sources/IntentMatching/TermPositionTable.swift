/// Word positions by term (or concept) id for one message window: a small open-addressing
/// table with a multiplicative hash, because the standard dictionary's seeded hashing was a
/// fifth of the matcher's cost and a window holds only a few dozen ids.
struct TermPositionTable {
    private var keys: [Int32]
    private var values: [WordPositions]
    private let mask: Int
    private(set) var count = 0

    private static let empty: Int32 = -1

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    private func slot(_ key: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt32(bitPattern: key) &* 0x9E37_79B1) >> 7) & mask
    }

    subscript(key: Int32) -> WordPositions? {
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == Self.empty { return nil }
            index = (index + 1) & mask
        }
    }

    /// Adds `positions` to what `key` already has.
    mutating func insert(_ key: Int32, _ positions: WordPositions) {
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key {
                values[index] |= positions
                return
            }
            if found == Self.empty {
                keys[index] = key
                values[index] = positions
                count += 1
                if count * 2 > keys.count { grow() }
                return
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        var larger = TermPositionTable(capacity: keys.count)
        for (index, key) in keys.enumerated() where key != Self.empty { larger.insert(key, values[index]) }
        self = larger
    }

    /// Every id in the table with its positions.
    var entries: [(key: Int32, positions: WordPositions)] {
        keys.indices.compactMap { keys[$0] == Self.empty ? nil : (keys[$0], values[$0]) }
    }
}
