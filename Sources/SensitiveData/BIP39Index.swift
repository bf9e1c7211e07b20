/// The ten BIP-39 wordlists, precomputed for lookups by the seed phrase detector.
///
/// Built once, on first use, from the literals embedded in the binary. A word maps to a bit mask
/// of the languages whose list holds it (`BIP39Language.bit`); several lists share words
/// (English and French, the two Chinese lists).
struct BIP39Index: Sendable {
    /// Lower-cased NFC word → mask of languages. `String` equality is canonical equivalence, so
    /// NFD input (and the NFKD files' Latin and Korean words) finds the NFC keys.
    let masks: [String: UInt16]
    /// Each language's words in list order, for the near-miss search.
    let words: [[String]]
    /// The longest all-ASCII word, in bytes: longer ASCII tokens skip the lookup.
    let maxASCIILength: Int

    static let shared = BIP39Index()

    init() {
        var masks: [String: UInt16] = [:]
        masks.reserveCapacity(20_000)
        var words: [[String]] = []
        var maxASCIILength = 0
        for language in BIP39Language.allCases {
            let list = Self.split(language.wordlistText)
            precondition(list.count == 2048, "BIP-39 \(language) list has \(list.count) words")
            for word in list {
                masks[word, default: 0] |= language.bit
                if word.utf8.allSatisfy({ $0 < 0x80 }) { maxASCIILength = max(maxASCIILength, word.utf8.count) }
            }
            words.append(list)
        }
        self.masks = masks
        self.words = words
        self.maxASCIILength = maxASCIILength
    }

    /// The languages whose list holds the word in `bytes` (any case), or 0.
    ///
    /// - Complexity: O(length of the word); no allocation for ASCII words.
    @inline(__always)
    func mask(of bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> UInt16 {
        let count = bytes.count
        if isASCII {
            guard count >= 3, count <= maxASCIILength else { return 0 }
            let key = String(unsafeUninitializedCapacity: count) { buffer in
                for offset in 0..<count { buffer[offset] = ASCII.lowercased(bytes[offset]) }
                return count
            }
            return masks[key] ?? 0
        }
        guard count <= 64 else { return 0 }
        return masks[String(decoding: bytes, as: UTF8.self).lowercased()] ?? 0
    }

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
