/// An immutable hash table from words (UTF-8 bytes) to small values, probed with the bytes the
/// ICU call wrote, before any `String` exists.
///
/// A `[String: V]` probe costs about 330 instructions here (SipHash plus a string comparison);
/// this one, FNV-1a and a byte comparison, costs a fraction of that.
///
/// - Complexity: O(length of the word) per lookup; open addressing at a load factor below 1/2.
package final class WordTable<Value: Sendable>: @unchecked Sendable {
    /// Slot → entry index + 1; 0 is empty.
    private let slots: UnsafeMutableBufferPointer<Int32>
    private let keyBytes: UnsafeMutableBufferPointer<UInt8>
    private let keyStarts: UnsafeMutableBufferPointer<Int32>
    private let values: [Value]
    private let mask: Int

    package init(_ dictionary: [String: Value]) {
        var capacity = 16
        while capacity < dictionary.count * 2 + 1 { capacity *= 2 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0)
        let entries = dictionary.sorted { $0.key < $1.key }
        let totalBytes = entries.reduce(0) { $0 + $1.key.utf8.count }
        keyBytes = .allocate(capacity: max(totalBytes, 1))
        keyStarts = .allocate(capacity: entries.count + 1)
        var values: [Value] = []
        values.reserveCapacity(entries.count)
        var offset = 0
        for (index, (key, value)) in entries.enumerated() {
            keyStarts[index] = Int32(offset)
            for byte in key.utf8 {
                keyBytes[offset] = byte
                offset += 1
            }
            values.append(value)
            var slot = Int(truncatingIfNeeded: Self.hash(key.utf8)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
        keyStarts[entries.count] = Int32(offset)
        self.values = values
    }

    deinit {
        slots.deallocate()
        keyBytes.deallocate()
        keyStarts.deallocate()
    }

    package subscript(bytes: UnsafeRawBufferPointer) -> Value? {
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let start = Int(keyStarts[entry - 1])
            let end = Int(keyStarts[entry])
            if end - start == bytes.count {
                var equal = true
                for offset in 0..<bytes.count where keyBytes[start + offset] != bytes[offset] {
                    equal = false
                    break
                }
                if equal { return values[entry - 1] }
            }
            slot = (slot + 1) & mask
        }
    }

    package subscript(word: String) -> Value? {
        var word = word
        return word.withUTF8 { self[UnsafeRawBufferPointer($0)] }
    }

    /// FNV-1a, 64-bit.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
