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
        let mask = slots.count - 1
        var slot = Self.hash(key[...]) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if keys[Int(starts[number])..<Int(starts[number + 1])].elementsEqual(key) { return owners[number] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Makes `owner` the owner of `key` and returns its previous owner, if any.
    mutating func insert(_ key: [Int32], owner: Int32) -> Int32? {
        if 2 * (owners.count + 1) > slots.count { grow() }
        let mask = slots.count - 1
        var slot = Self.hash(key[...]) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if keys[Int(starts[number])..<Int(starts[number + 1])].elementsEqual(key) {
                defer { owners[number] = owner }
                return owners[number]
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(owners.count + 1)
        keys += key
        starts.append(Int32(keys.count))
        owners.append(owner)
        return nil
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: max(16, 2 * slots.count))
        let mask = slots.count - 1
        for number in owners.indices {
            var slot = Self.hash(keys[Int(starts[number])..<Int(starts[number + 1])]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// FNV-1a over the key's integers, its high bits folded into the low ones that pick a slot:
    /// SipHash over the key's bytes was half the cost of the table.
    private static func hash(_ key: ArraySlice<Int32>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for element in key { hash = (hash ^ UInt64(UInt32(bitPattern: element))) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
