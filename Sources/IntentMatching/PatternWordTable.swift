/// Pattern words as written, numbered in the order they are first seen, found again by their
/// UTF-8 bytes and a small tag (the compiler's language): its cache of compiled words.
///
/// The same few thousand words recur across tens of thousands of patterns. A dictionary keyed
/// by `String` needed a `String` made for every word of every pattern and hashed it with SipHash:
/// a sixth of the compile. Here the word is looked up straight from the pattern text's bytes
/// and compared byte by byte; two spellings that differ only in their Unicode normalization are
/// two words, as they were with the byte-compared keys this replaces.
///
/// Hashing and comparing are done here, inlined, rather than by `WordTable`'s functions: a call
/// into another module (and its class's metadata) for each of 400,000 pattern words cost as
/// much as the lookup itself.
struct PatternWordTable {
    /// Every word's bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Where each word starts in `bytes`; one more than there are words.
    private var starts: [Int32] = [0]
    private var tags: [UInt8] = []
    /// Word number + 1 per slot, 0 when empty; the size is a power of two.
    private var slots: [Int32]

    var count: Int { tags.count }

    /// A table sized for `capacity` words of `byteCapacity` bytes in all, so that filling it does
    /// not grow and rehash it again and again.
    init(capacity: Int = 512, byteCapacity: Int = 0) {
        var size = 1024
        while size < 2 * capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        bytes.reserveCapacity(byteCapacity)
        starts.reserveCapacity(capacity + 1)
        tags.reserveCapacity(capacity)
    }

    /// The number of `word` with `tag`, or nil when it was never inserted. Inlined: it runs for
    /// every word of every pattern, and the call and its set-up cost nearly a third of it.
    @inline(__always)
    func number(of word: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int32? {
        let hash = Self.hash(word, tag: tag)
        // Through buffer pointers: each array read was checked against its bounds.
        return slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                bytes.withUnsafeBufferPointer { bytes in
                    tags.withUnsafeBufferPointer { tags in
                        let mask = slots.count - 1
                        var slot = hash & mask
                        while slots[slot] != 0 {
                            let number = Int(slots[slot]) - 1
                            let start = Int(starts[number])
                            if tags[number] == tag, Int(starts[number + 1]) - start == word.count,
                                Self.equal(bytes.baseAddress! + start, word)
                            {
                                return Int32(number)
                            }
                            slot = (slot + 1) & mask
                        }
                        return nil
                    }
                }
            }
        }
    }

    /// Adds `word` (not in the table yet) and returns its number.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int32 {
        if 2 * (count + 1) > slots.count { grow() }
        let number = Int32(count)
        place(Int(number), hash: Self.hash(word, tag: tag))
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        tags.append(tag)
        return number
    }

    private mutating func place(_ number: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(number + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        for number in 0..<count {
            let hash = bytes.withUnsafeBufferPointer { all in
                Self.hash(
                    UnsafeBufferPointer(rebasing: all[Int(starts[number])..<Int(starts[number + 1])]), tag: tags[number]
                )
            }
            place(number, hash: hash)
        }
    }

    /// Whether the bytes at `stored` are those of `word` (whose count they have), eight at a time
    /// then four: most words are shorter than eight bytes.
    @inline(__always)
    private static func equal(_ stored: UnsafePointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = word.baseAddress else { return true }
        let left = UnsafeRawPointer(stored)
        let right = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= word.count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        let rest = word.count - offset
        if rest >= 4 {
            // Two loads that overlap cover the four to seven bytes left.
            return left.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                == right.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                && left.loadUnaligned(fromByteOffset: word.count - 4, as: UInt32.self)
                    == right.loadUnaligned(fromByteOffset: word.count - 4, as: UInt32.self)
        }
        while offset < word.count {
            if stored[offset] != base[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The bytes eight at a time, then the rest, each mixed in with a multiplication (as wyhash
    /// does), the count and the tag first; the high bits folded into the low ones that pick a slot.
    @inline(__always)
    private static func hash(_ word: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int {
        let multiplier: UInt64 = 0xA076_1D64_78BD_642F
        var hash = (UInt64(word.count) << 8 | UInt64(tag)) &* 0x9E37_79B9_7F4A_7C15
        if let base = word.baseAddress {
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= word.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                hash ^= hash >> 32
                offset += 8
            }
            let rest = word.count - offset
            var last: UInt64 = 0
            if rest >= 4 {
                // Two loads that overlap cover the four to seven bytes left.
                last =
                    UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) << 32
                    | UInt64(raw.loadUnaligned(fromByteOffset: word.count - 4, as: UInt32.self))
            } else if rest > 0 {
                last = UInt64(base[offset]) << 16 | UInt64(base[offset + rest / 2]) << 8 | UInt64(base[word.count - 1])
            }
            hash = (hash ^ last) &* multiplier
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
