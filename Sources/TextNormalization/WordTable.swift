/// An immutable hash table from words (UTF-8 bytes) to their numbers, probed with the bytes the
/// ICU call wrote, before any `String` exists. Callers keep what a number stands for in an array.
///
/// A `[String: V]` probe costs about 330 instructions here (SipHash plus a string comparison);
/// this one, a hash of a few overlapping word-sized loads and a comparison of the same loads,
/// costs a few dozen for a word of up to 16 bytes. It is not generic, so that another module's
/// lookups run specialized code: a generic lookup called across modules looked up `Optional`
/// metadata on every call, which cost more than the hash table saved.
///
/// - Complexity: O(length of the word) per lookup; open addressing at a load factor below 1/2.
package final class WordTable: @unchecked Sendable {
    /// Slot → word number + 1; 0 is empty.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let keyBytes: UnsafeMutableBufferPointer<UInt8>
    private let keyStarts: UnsafeMutableBufferPointer<Int32>
    private let mask: Int

    /// Numbers `words` by their position; a repeated word keeps its first number.
    package init(_ words: [String]) {
        var capacity = 16
        while capacity < words.count * 2 + 1 { capacity *= 2 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        let totalBytes = words.reduce(0) { $0 + $1.utf8.count }
        keyBytes = .allocate(capacity: max(totalBytes, 1))
        keyStarts = .allocate(capacity: words.count + 1)
        var offset = 0
        for (number, word) in words.enumerated() {
            keyStarts[number] = Int32(offset)
            for byte in word.utf8 {
                keyBytes[offset] = byte
                offset += 1
            }
            keyStarts[number + 1] = Int32(offset)
            let key = UnsafeRawBufferPointer(
                start: keyBytes.baseAddress! + Int(keyStarts[number]),
                count: Int(keyStarts[number + 1] - keyStarts[number]))
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while slots[slot] != 0 {
                if matches(Int(slots[slot]) - 1, key) { break }
                slot = (slot + 1) & mask
            }
            if slots[slot] == 0 { slots[slot] = Int32(number + 1) }
        }
    }

    deinit {
        slots.deallocate()
        keyBytes.deallocate()
        keyStarts.deallocate()
    }

    /// The number of the word spelled by `bytes`, or nil.
    package subscript(bytes: UnsafeRawBufferPointer) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if matches(entry - 1, bytes) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    package subscript(word: String) -> Int? {
        var word = word
        return word.withUTF8 { self[UnsafeRawBufferPointer($0)] }
    }

    private func matches(_ number: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = Int(keyStarts[number])
        guard Int(keyStarts[number + 1]) - start == bytes.count else { return false }
        guard let base = bytes.baseAddress else { return true }
        return Self.equal(UnsafeRawPointer(keyBytes.baseAddress! + start), base, count: bytes.count)
    }

    /// Compares `count` bytes 8 or 4 at a time, the last load overlapping the one before it:
    /// byte by byte, comparing was a fifth of a lookup (here and in the compiler's word table).
    package static func equal(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                if load64(left, offset) != load64(right, offset) { return false }
                offset += 8
            }
            return load64(left, count - 8) == load64(right, count - 8)
        }
        if count >= 4 {
            return load32(left, 0) == load32(right, 0) && load32(left, count - 4) == load32(right, count - 4)
        }
        for offset in 0..<count
        where left.load(fromByteOffset: offset, as: UInt8.self)
            != right.load(fromByteOffset: offset, as: UInt8.self)
        {
            return false
        }
        return true
    }

    /// Mixes the same overlapping loads with full-width multiplications (as wyhash does): the
    /// byte-at-a-time chain of FNV-1a cost more than the rest of a lookup. Other byte-keyed
    /// tables of the package hash with it too.
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        var seed = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        let first: UInt64
        let last: UInt64
        if count >= 8 {
            var offset = 0
            while offset + 8 < count {
                seed = mix(seed ^ load64(base, offset), 0xA076_1D64_78BD_642F)
                offset += 8
            }
            first = seed
            last = load64(base, count - 8)
        } else if count >= 4 {
            first = UInt64(load32(base, 0))
            last = UInt64(load32(base, count - 4))
        } else {
            first = UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1])
            last = 0
        }
        return mix(first ^ 0xE703_7ED1_A0B4_28DB, last ^ seed)
    }

    private static func mix(_ left: UInt64, _ right: UInt64) -> UInt64 {
        let product = left.multipliedFullWidth(by: right)
        return product.high ^ product.low
    }

    private static func load64(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    private static func load32(_ base: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    }
}
