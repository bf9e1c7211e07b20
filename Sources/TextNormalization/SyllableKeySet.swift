/// An immutable set of nonzero 64-bit keys, probed with one multiplication and a few loads.
///
/// The Telex/VNI decoder asks it whether decoded letters (``SyllableLetters/key``) spell a
/// syllable, for most unknown words of a message; `Set<UInt64>` answered with SipHash, about
/// 150 instructions a question.
///
/// - Complexity: O(1) per lookup; open addressing at a load factor below 1/2.
struct SyllableKeySet: Sendable {
    /// The keys by slot; 0 is an empty slot, which is why keys are nonzero.
    private let slots: [UInt64]
    /// Fibonacci hashing keeps the top bits of the product: 64 minus log2 of the slot count.
    private let shift: UInt64

    init(_ keys: some Sequence<UInt64>) {
        let keys = keys.filter { $0 != 0 }
        var bits: UInt64 = 4
        while 1 << bits < keys.count * 2 { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        for key in keys {
            var slot = Self.slot(of: key, shift: shift)
            while slots[slot] != 0 && slots[slot] != key { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = key
        }
        self.slots = slots
    }

    func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        var slot = Self.slot(of: key, shift: shift)
        while true {
            let stored = slots[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    private static func slot(of key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
