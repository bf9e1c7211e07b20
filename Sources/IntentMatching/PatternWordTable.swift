import TextNormalization

/// Pattern words as written, numbered in the order they are first seen, found again by their
/// UTF-8 bytes and a small tag (the compiler's language): its cache of compiled words.
///
/// The same few thousand words recur across tens of thousands of patterns. A dictionary keyed
/// by `String` needed a `String` made for every word of every pattern and hashed it with SipHash:
/// a sixth of the compile. Here the word is looked up straight from the pattern text's bytes,
/// hashed as `WordTable` hashes and compared byte by byte; two spellings that differ only in their Unicode
/// normalization are two words, as they were with the byte-compared keys this replaces.
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

    /// The number of `word` with `tag`, or nil when it was never inserted.
    func number(of word: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int32? {
        let mask = slots.count - 1
        var slot = Self.hash(word, tag: tag) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if tags[number] == tag, isWord(number, equalTo: word) { return Int32(number) }
            slot = (slot + 1) & mask
        }
        return nil
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

    private func isWord(_ number: Int, equalTo word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        guard Int(starts[number + 1]) - start == word.count else { return false }
        guard let wordBase = word.baseAddress else { return true }
        return bytes.withUnsafeBytes { bytes in
            WordTable.equal(bytes.baseAddress! + start, UnsafeRawPointer(wordBase), count: word.count)
        }
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

    /// `WordTable`'s hash of the bytes with the tag mixed in, its high bits folded into the low
    /// ones that pick a slot.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>, tag: UInt8) -> Int {
        let hash = WordTable.hash(UnsafeRawBufferPointer(word)) ^ (UInt64(tag) &* 0x9E37_79B9_7F4A_7C15)
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
