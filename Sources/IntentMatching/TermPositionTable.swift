/// Word positions by term id for one message window: a small open-addressing table with a
/// multiplicative hash over memory the caller owns, because the standard dictionary's seeded
/// hashing was a fifth of the matcher's cost and a window holds only a few dozen ids.
struct TermPositionTable {
    private let keys: UnsafeMutableBufferPointer<Int32>
    private let positions: UnsafeMutableBufferPointer<WordPositions>
    private let mask: Int

    private static let empty: Int32 = -1

    /// Slots needed for `count` ids: a power of two at least twice as large, so probes stay short.
    static func capacity(for count: Int) -> Int {
        var size = 16
        while size < count * 2 { size <<= 1 }
        return size
    }

    /// An empty table over `keys` and `positions`, whose common count is a power of two.
    init(keys: UnsafeMutableBufferPointer<Int32>, positions: UnsafeMutableBufferPointer<WordPositions>) {
        precondition(keys.count == positions.count && keys.count.nonzeroBitCount == 1)
        self.keys = keys
        self.positions = positions
        mask = keys.count - 1
        keys.update(repeating: Self.empty)
    }

    private func slot(_ key: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt32(bitPattern: key) &* 0x9E37_79B1) >> 7) & mask
    }

    /// Where `key` occurs; none when it does not.
    subscript(key: Int32) -> WordPositions {
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key { return positions[index] }
            if found == Self.empty { return 0 }
            index = (index + 1) & mask
        }
    }

    /// Adds `newPositions` to what `key` already has; true when `key` is new.
    @discardableResult
    func insert(_ key: Int32, _ newPositions: WordPositions) -> Bool {
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key {
                positions[index] |= newPositions
                return false
            }
            if found == Self.empty {
                keys[index] = key
                positions[index] = newPositions
                return true
            }
            index = (index + 1) & mask
        }
    }
}
