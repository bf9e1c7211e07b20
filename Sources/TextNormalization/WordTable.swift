/// An immutable hash table from words (UTF-8 bytes) to their numbers, probed with the bytes the
/// ICU call wrote, before any `String` exists. Callers keep what a number stands for in an array.
///
/// A `[String: V]` probe costs about 330 instructions here (SipHash plus a string comparison);
/// this one, FNV-1a and a byte comparison, costs a fraction of that. It is not generic, so that
/// another module's lookups run specialized code: a generic lookup called across modules looked
/// up `Optional` metadata on every call, which cost more than the hash table saved.
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
            var word = word
            var slot = word.withUTF8 { Int(truncatingIfNeeded: Self.hash(UnsafeRawBufferPointer($0))) } & mask
            while slots[slot] != 0 {
                if matches(
                    Int(slots[slot]) - 1, keyBytes.extracting(Int(keyStarts[number])..<Int(keyStarts[number + 1])))
                {
                    break
                }
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

    private func matches<Bytes: RandomAccessCollection<UInt8>>(_ number: Int, _ bytes: Bytes) -> Bool
    where Bytes.Index == Int {
        let start = Int(keyStarts[number])
        guard Int(keyStarts[number + 1]) - start == bytes.count else { return false }
        var position = bytes.startIndex
        for offset in 0..<bytes.count {
            if keyBytes[start + offset] != bytes[position] { return false }
            position += 1
        }
        return true
    }

    /// FNV-1a, 64-bit.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for offset in 0..<bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
