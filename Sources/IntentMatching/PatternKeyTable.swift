/// Canonical pattern keys (``PatternCompiler`` finds identical patterns by them), flattened into
/// one array with an open-addressing table over it: an array and a dictionary entry per key were
/// a large share of the compile's transient memory at 80,000 patterns.
struct PatternKeyTable {
    private var keys: [Int32] = []
    /// Where each key starts in `keys`; one more than there are keys.
    private var starts: [Int32] = [0]
    /// Per key: its owner, the pattern that last had it.
    private var owners: [Int32] = []
    /// Key number + 1 per slot, 0 when empty.
    private var slots: [Int32]

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: capacity == 0 ? 0 : size)
        keys.reserveCapacity(capacity * 12)
        starts.reserveCapacity(capacity + 1)
        owners.reserveCapacity(capacity)
    }

    /// The owner of `key`, if it was inserted.
    func owner(of key: [Int32]) -> Int32? {
        guard !slots.isEmpty else { return nil }
        return key.withUnsafeBufferPointer { key in
            guard let number = find(key, hash: Self.hash(key)).number else { return nil }
            return owners[number]
        }
    }

    /// Makes `owner` the owner of `key` and returns its previous owner, if any.
    ///
    /// The key is read through a buffer pointer: compared and hashed as slices, the key and the
    /// stored keys were retained, released and walked through generic code for every pattern.
    mutating func insert(_ key: [Int32], owner: Int32) -> Int32? {
        if 2 * (owners.count + 1) > slots.count { grow() }
        return key.withUnsafeBufferPointer { key in
            let (number, slot) = find(key, hash: Self.hash(key))
            if let number {
                defer { owners[number] = owner }
                return owners[number]
            }
            slots[slot] = Int32(owners.count + 1)
            keys.append(contentsOf: key)
            starts.append(Int32(keys.count))
            owners.append(owner)
            return nil
        }
    }

    /// The number of `key`, whose hash is `hash`, or nil and the empty slot where it would go.
    private func find(_ key: UnsafeBufferPointer<Int32>, hash: Int) -> (number: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        return keys.withUnsafeBufferPointer { keys in
            while slots[slot] != 0 {
                let number = Int(slots[slot]) - 1
                let start = Int(starts[number])
                if Int(starts[number + 1]) - start == key.count {
                    var index = 0
                    while index < key.count, keys[start + index] == key[index] { index += 1 }
                    if index == key.count { return (number, slot) }
                }
                slot = (slot + 1) & mask
            }
            return (nil, slot)
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(16, 2 * slots.count))
        let mask = slots.count - 1
        keys.withUnsafeBufferPointer { keys in
            for number in owners.indices {
                let key = UnsafeBufferPointer(rebasing: keys[Int(starts[number])..<Int(starts[number + 1])])
                var slot = Self.hash(key) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number + 1)
            }
        }
    }

    /// FNV-1a over the key's integers, its high bits folded into the low ones that pick a slot:
    /// SipHash over the key's bytes was half the cost of the table.
    private static func hash(_ key: UnsafeBufferPointer<Int32>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for element in key { hash = (hash ^ UInt64(UInt32(bitPattern: element))) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
