/// The ten BIP-39 wordlists, precomputed for lookups by the seed phrase detector.
///
/// Built once per process, on first use, from the literals embedded in the binary. A word maps to
/// a bit mask of the languages whose list holds it (`BIP39Language.bit`); several lists share
/// words (English and French, the two Chinese lists).
///
/// The hot path never builds a `String`: a token's bytes, lower-cased on the fly (ASCII and the
/// Latin-1 capitals `À`–`Þ`, the only cased letters in the lists), are hashed and probed in an
/// open-addressing table of 64-bit hashes. This is exact for NFC input, which is what keyboards
/// produce. A token holding combining marks, conjoining Hangul jamo, kana voicing marks or
/// full-width forms (NFD or unusual input) takes the slow path: a `String` key, whose equality
/// is canonical equivalence, in a dictionary built on first need.
struct BIP39Index: Sendable {
    /// Each language's words in list order (NFC, lower case).
    let words: [[String]]
    /// The longest all-ASCII word, in bytes: longer ASCII tokens skip the lookup.
    let maxASCIILength: Int
    /// The longest word, in UTF-8 bytes (NFC).
    let maxLength: Int
    /// Hash of each word's bytes (0 = empty slot) and its language mask; the capacity is a power
    /// of two, at most a quarter full.
    private let slotHashes: [UInt64]
    private let slotMasks: [UInt16]
    private let slotShift: UInt64

    static let shared = BIP39Index()

    init() {
        var words: [[String]] = []
        for language in BIP39Language.allCases {
            let list = Self.split(language.wordlistText)
            precondition(list.count == 2048, "BIP-39 \(language) list has \(list.count) words")
            words.append(list)
        }
        self.words = words
        var maxASCIILength = 0
        var maxLength = 0
        var hashes: [UInt64: UInt16] = [:]
        for (language, list) in zip(BIP39Language.allCases, words) {
            for word in list {
                var word = word
                word.withUTF8 { bytes in
                    hashes[Self.hash(bytes), default: 0] |= language.bit
                    maxLength = max(maxLength, bytes.count)
                    if bytes.allSatisfy({ $0 < 0x80 }) { maxASCIILength = max(maxASCIILength, bytes.count) }
                }
            }
        }
        self.maxASCIILength = maxASCIILength
        self.maxLength = maxLength
        var bits: UInt64 = 1
        while 1 << bits < hashes.count * 4 { bits += 1 }
        var slotHashes = [UInt64](repeating: 0, count: 1 << bits)
        var slotMasks = [UInt16](repeating: 0, count: 1 << bits)
        for (hash, mask) in hashes {
            var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
            while slotHashes[slot] != 0 { slot = (slot + 1) & (slotHashes.count - 1) }
            slotHashes[slot] = hash
            slotMasks[slot] = mask
        }
        self.slotHashes = slotHashes
        self.slotMasks = slotMasks
        self.slotShift = 64 - bits
    }

    /// The languages whose list holds the word in `bytes` (any case), or 0.
    ///
    /// - Complexity: O(length of the word); no allocation on the fast path.
    @inline(__always)
    func mask(of bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> UInt16 {
        let count = bytes.count
        if isASCII {
            guard count >= 3, count <= maxASCIILength else { return 0 }
        } else {
            guard count <= 4 * maxLength else { return 0 }
            if Self.needsCanonicalComparison(bytes) {
                return Self.canonical.masks[String(decoding: bytes, as: UTF8.self).lowercased()] ?? 0
            }
            guard count <= maxLength else { return 0 }
        }
        let hash = isASCII ? Self.asciiHash(bytes) : Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> slotShift)
        return slotHashes.withUnsafeBufferPointer { hashes in
            while true {
                let stored = hashes[slot]
                if stored == hash { return slotMasks[slot] }
                if stored == 0 { return 0 }
                slot = (slot + 1) & (hashes.count - 1)
            }
        }
    }

    /// FNV-1a over the bytes, lower-casing ASCII and Latin-1 capitals; never 0.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var previous: UInt8 = 0
        for byte in bytes {
            var folded = ASCII.lowercased(byte)
            // U+00C0–U+00DE (C3 80–C3 9E) but U+00D7 ×: + 0x20 is the lower-case letter.
            if previous == 0xC3, byte >= 0x80, byte <= 0x9E, byte != 0x97 { folded = byte + 0x20 }
            hash = (hash ^ UInt64(folded)) &* 0x0000_0100_0000_01B3
            previous = byte
        }
        return hash == 0 ? 1 : hash
    }

    /// `hash(_:)` of ASCII bytes, where no Latin-1 capital can occur: a quarter of its
    /// instructions a byte, and most tokens are ASCII.
    @inline(__always)
    static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(ASCII.lowercased(byte))) &* 0x0000_0100_0000_01B3 }
        return hash == 0 ? 1 : hash
    }

    /// Whether the token holds a scalar that NFC would compose or NFKD would map: combining
    /// marks (U+0300–U+036F), conjoining jamo (U+1100–U+11FF), kana voicing marks (U+3099,
    /// U+309A), half- and full-width forms (U+FF00–U+FFEF).
    static func needsCanonicalComparison(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0xCC, 0xCD: return true
            case 0xE1 where index + 1 < count && bytes[index + 1] >= 0x84 && bytes[index + 1] <= 0x87: return true
            case 0xE3
            where index + 2 < count && bytes[index + 1] == 0x82
                && (bytes[index + 2] == 0x99 || bytes[index + 2] == 0x9A):
                return true
            case 0xEF where index + 1 < count && bytes[index + 1] >= 0xBC && bytes[index + 1] <= 0xBF: return true
            default: break
            }
            index += 1
        }
        return false
    }

    /// The slow path's table: lower-cased NFC word → mask, compared by canonical equivalence.
    private struct CanonicalTable: Sendable {
        let masks: [String: UInt16]
        init(words: [[String]]) {
            var masks: [String: UInt16] = [:]
            for (language, list) in zip(BIP39Language.allCases, words) {
                for word in list { masks[word, default: 0] |= language.bit }
            }
            self.masks = masks
        }
    }

    private static let canonical = CanonicalTable(words: shared.words)

    /// Whether `word` (lower-cased) is one edit (insertion, deletion, substitution or
    /// transposition of neighbours) away from a word of `language`'s list.
    ///
    /// Only asked for a candidate phrase with one unknown word inside, so a linear search is fine.
    /// - Complexity: O(2,048 × word length).
    func isNearMiss(_ word: String, in language: BIP39Language) -> Bool {
        let query = Array(word)
        guard query.count >= 3 else { return false }
        for candidate in words[language.rawValue] {
            let difference = candidate.utf8.count - word.utf8.count
            guard difference >= -4, difference <= 4 else { continue }
            if Self.withinOneEdit(query, Array(candidate)) { return true }
        }
        return false
    }

    static func withinOneEdit(_ a: [Character], _ b: [Character]) -> Bool {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var index = 0
        while index < short.count, long[index] == short[index] { index += 1 }
        if index == short.count { return true }  // equal, or one extra character at the end
        if long.count != short.count {
            return long[(index + 1)...].elementsEqual(short[index...])
        }
        if long[(index + 1)...].elementsEqual(short[(index + 1)...]) { return true }
        return index + 1 < long.count && long[index] == short[index + 1] && long[index + 1] == short[index]
            && long[(index + 2)...].elementsEqual(short[(index + 2)...])
    }

    private static func split(_ text: String) -> [String] {
        var list: [String] = []
        list.reserveCapacity(2048)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 || bytes[index] == 0x0A {
                if index > start {
                    list.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                }
                start = index + 1
            }
        }
        return list
    }
}
