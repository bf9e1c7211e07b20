import TextNormalization

/// Every distinct word the patterns use, keyed by its stem, with a typo index.
///
/// A message word finds its term by an exact lookup of its stem; only when that fails, and the
/// word is long enough, does it look for a term one edit away (deletion index, verified with a
/// real edit distance).
struct TermVocabulary: Sendable {
    /// The shortest word for which one typo is tolerated: shorter words would match each other.
    static let minimumTypoLength = 5
    /// A changed letter (rather than a missing, extra or swapped one) only counts in words this
    /// long: in shorter ones it mostly makes another real word (`think`/`thank`, `march`/`match`).
    static let minimumSubstitutionLength = 7
    /// Longer words are never looked up with a typo.
    static let maximumTypoLength = 30

    private var identifiers: [String: Int32] = [:]
    private(set) var keys: [String] = []
    /// Every word interned, as written (before stemming), until `finishInterning()`.
    private(set) var surfaceForms: Set<String> = []
    private var irregularForms: [String: String]
    /// What a message word is looked up in, built once interning is done (`finishInterning()`):
    /// byte tables, because a dictionary hashes a `String` with SipHash and compares it
    /// canonically, several hundred instructions a probe, and a word with a typo takes two
    /// probes per letter.
    private var tables: LookupTables?

    init(irregularForms: [String: String]) {
        self.irregularForms = irregularForms
    }

    /// The vocabulary's byte tables: a word's number is its position in the list it was made from.
    private struct LookupTables: Sendable {
        /// Term keys; a key's number is its term.
        var keys: WordTable
        /// Irregular forms (`went`) and what they stand for (`go`).
        var irregularForms: WordTable
        var irregularBases: [String]
        /// Deletion variants of the keys, and the terms each comes from (in term order), one run
        /// per variant in `deletionTerms`, which ends at `deletionTermEnds[variant]`.
        var deletionVariants: WordTable
        var deletionTermEnds: [Int32]
        var deletionTerms: [Int32]

        /// The terms deletion variant `variant` comes from.
        func terms(ofDeletion variant: Int) -> ArraySlice<Int32> {
            deletionTerms[Int(variant == 0 ? 0 : deletionTermEnds[variant - 1])..<Int(deletionTermEnds[variant])]
        }
    }

    static func key(for plainWord: String) -> String { EnglishStemmer.stem(plainWord) }

    /// The term of a pattern word, created on first use. Its deletion variants are only worked
    /// out by `finishInterning()`, all at once.
    mutating func intern(_ plainWord: String) -> Int32 {
        precondition(tables == nil, "a word interned after finishInterning()")
        surfaceForms.insert(plainWord)
        let key = Self.key(for: irregularForms[plainWord] ?? plainWord)
        if let existing = identifiers[key] { return existing }
        let identifier = Int32(keys.count)
        identifiers[key] = identifier
        keys.append(key)
        return identifier
    }

    /// Builds the tables lookups use and drops what only interning needed (the index keeps the
    /// vocabulary for lookups).
    mutating func finishInterning() {
        let irregular = Array(irregularForms)
        let deletions = Self.deletionIndex(of: keys)
        tables = LookupTables(
            keys: WordTable(keys), irregularForms: WordTable(irregular.map(\.key)),
            irregularBases: irregular.map(\.value), deletionVariants: WordTable(deletions.variants),
            deletionTermEnds: deletions.termEnds, deletionTerms: deletions.terms)
        surfaceForms = []
        identifiers = [:]
        irregularForms = [:]
    }

    /// Every single deletion of the keys long enough for typos (the key's UTF-8 with one scalar
    /// cut out), numbered in the order first met, with the terms each comes from in term order,
    /// one run per variant (`termEnds`), a term listed once even when two cuts spell the same.
    ///
    /// Spelled in a buffer and numbered by their bytes: a `[String: [Int32]]` filled as words
    /// were interned hashed every variant with SipHash, grew its arrays one by one and rehashed
    /// as it grew, five times what the rest of interning cost.
    private static func deletionIndex(of keys: [String]) -> (variants: [String], termEnds: [Int32], terms: [Int32]) {
        // As many variants as the keys have scalars, each a key's bytes but one scalar's.
        var typoKeys: [Int] = []
        var variantCount = 0
        var variantBytes = 0
        for (term, key) in keys.enumerated() {
            let scalars = key.unicodeScalars.count
            guard scalars >= Self.minimumTypoLength else { continue }
            typoKeys.append(term)
            variantCount += scalars
            variantBytes += scalars * (key.utf8.count - 1)
        }
        var numbers = PatternWordTable(capacity: variantCount, byteCapacity: variantBytes)
        var variants: [String] = []
        variants.reserveCapacity(variantCount)
        // Per variant: its last term, and how many terms it has; then the pairs in term order.
        var lastTerms: [Int32] = []
        var counts: [Int32] = []
        var pairs: [(variant: Int32, term: Int32)] = []
        lastTerms.reserveCapacity(variantCount)
        counts.reserveCapacity(variantCount)
        pairs.reserveCapacity(variantCount)
        for term in typoKeys {
            var key = keys[term]
            key.withUTF8 { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer in
                    var start = 0
                    while start < bytes.count {
                        var end = start + 1
                        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                        _ = buffer.initialize(fromContentsOf: bytes[..<start])
                        _ = buffer[start...].initialize(fromContentsOf: bytes[end...])
                        let spelled = UnsafeBufferPointer(
                            UnsafeMutableBufferPointer(rebasing: buffer[..<(bytes.count - (end - start))]))
                        let variant: Int
                        if let known = numbers.number(of: spelled, tag: 0) {
                            variant = Int(known)
                        } else {
                            variant = Int(numbers.insert(spelled, tag: 0))
                            variants.append(String(decoding: spelled, as: UTF8.self))
                            lastTerms.append(-1)
                            counts.append(0)
                        }
                        if lastTerms[variant] != Int32(term) {
                            lastTerms[variant] = Int32(term)
                            counts[variant] += 1
                            pairs.append((Int32(variant), Int32(term)))
                        }
                        start = end
                    }
                }
            }
        }
        // Each variant's run placed after the runs before it; the pairs, in term order, keep it.
        var termEnds = counts
        for variant in termEnds.indices.dropFirst() { termEnds[variant] += termEnds[variant - 1] }
        var next = termEnds
        for variant in next.indices { next[variant] -= counts[variant] }
        var terms = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            terms[Int(next[Int(pair.variant)])] = pair.term
            next[Int(pair.variant)] += 1
        }
        return (variants, termEnds, terms)
    }

    /// What a message word is, as far as the patterns are concerned.
    enum Lookup {
        case none
        case exact(Int32)
        case typo([Int32])
    }

    /// What `plainWord` is; only once interning is done (`finishInterning()`).
    func lookup(_ plainWord: String, allowTypo: Bool) -> Lookup {
        guard let tables else { preconditionFailure("a word looked up before finishInterning()") }
        return lookUp(plainWord, allowTypo: allowTypo, in: tables)
    }

    /// `lookup(_:allowTypo:)` through the byte tables: the key's own deletion variants' terms
    /// first, then per deleted letter the term spelled like the variant and the variant's terms.
    private func lookUp(_ plainWord: String, allowTypo: Bool, in tables: LookupTables) -> Lookup {
        let form = tables.irregularForms[plainWord].map { tables.irregularBases[$0] } ?? plainWord
        let key = Self.key(for: form)
        if let identifier = tables.keys[key] { return .exact(Int32(identifier)) }
        let length = key.unicodeScalars.count
        // No real word is longer than this; a 4,000-letter "word" would cost 4,000 copies of itself.
        guard allowTypo, length >= Self.minimumTypoLength, length <= Self.maximumTypoLength else { return .none }
        var found: [Int32] = []
        func consider(_ candidate: Int32) {
            guard !found.contains(candidate) else { return }
            let term = keys[Int(candidate)]
            if term.unicodeScalars.count >= Self.minimumTypoLength,
                Self.isOneEditApart(key, term, substitutionsFrom: Self.minimumSubstitutionLength)
            {
                found.append(candidate)
            }
        }
        // A copy to read the bytes of: `consider` reads `key` meanwhile.
        var spelling = key
        spelling.withUTF8 { bytes in
            if let own = tables.deletionVariants[UnsafeRawBufferPointer(bytes)] {
                for candidate in tables.terms(ofDeletion: own) { consider(candidate) }
            }
            // Each variant is the key with one scalar cut out, spelled in a buffer of its own, as
            // deletionIndex(of:) spells them. The loop is written out in both: one helper taking
            // a closure cost 400 more instructions a message on the typo-heavy neutral workload.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { variant in
                var start = 0
                while start < bytes.count {
                    var end = start + 1
                    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    _ = variant.initialize(fromContentsOf: bytes[..<start])
                    _ = variant[start...].initialize(fromContentsOf: bytes[end...])
                    let spelled = UnsafeRawBufferPointer(
                        UnsafeMutableBufferPointer(rebasing: variant[..<(bytes.count - (end - start))]))
                    if let identifier = tables.keys[spelled] { consider(Int32(identifier)) }
                    if let deletion = tables.deletionVariants[spelled] {
                        for candidate in tables.terms(ofDeletion: deletion) { consider(candidate) }
                    }
                    start = end
                }
            }
        }
        return found.isEmpty ? .none : .typo(found)
    }

    /// The word with one scalar cut out, each way, as strings: what ``deletionIndex(of:)``
    /// spells in bytes (the tests' reference lists variants with it).
    static func singleDeletions(of word: String) -> [String] {
        var variants: [String] = []
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most words are ASCII: cut bytes rather than build strings scalar by scalar.
            let bytes = Array(word.utf8)
            variants.reserveCapacity(bytes.count)
            for index in bytes.indices {
                variants.append(
                    String(unsafeUninitializedCapacity: bytes.count - 1) { buffer in
                        _ = buffer.initialize(from: bytes[..<index])
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[index...]).initialize(
                            from: bytes[(index + 1)...])
                        return bytes.count - 1
                    })
            }
            return variants
        }
        let scalars = Array(word.unicodeScalars)
        variants.reserveCapacity(scalars.count)
        for index in scalars.indices {
            var variant = String.UnicodeScalarView()
            variant.append(contentsOf: scalars[..<index])
            variant.append(contentsOf: scalars[(index + 1)...])
            variants.append(String(variant))
        }
        return variants
    }

    /// Damerau distance of exactly one (insert, delete, substitute or swap neighbours), with the
    /// first letter kept: real typos rarely change it, and it keeps `fees`/`sees` apart.
    static func isOneEditApart(_ lhs: String, _ rhs: String, substitutionsFrom substitutionLength: Int = 0) -> Bool {
        var (lhs, rhs) = (lhs, rhs)
        // ASCII words, nearly all of them, compared in their bytes, which are their scalars: two
        // arrays of scalars per candidate term had been most of a typo lookup's cost.
        let ascii = lhs.withUTF8 { a in
            rhs.withUTF8 { b -> Bool? in
                guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else { return nil }
                return isOneEditApart(a, b, substitutionsFrom: substitutionLength)
            }
        }
        if let ascii { return ascii }
        return isOneEditApart(
            Array(lhs.unicodeScalars), Array(rhs.unicodeScalars), substitutionsFrom: substitutionLength)
    }

    /// `isOneEditApart` over the words' scalars, `a` and `b`.
    private static func isOneEditApart<Scalars: RandomAccessCollection>(
        _ a: Scalars, _ b: Scalars, substitutionsFrom substitutionLength: Int
    ) -> Bool where Scalars.Element: Equatable, Scalars.Index == Int {
        guard abs(a.count - b.count) <= 1, a.first == b.first, !a.elementsEqual(b) else { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...].elementsEqual(b[(i + 1)...]) { return a.count >= substitutionLength }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...].elementsEqual(b[(i + 2)...])
        }
        return a.count > b.count ? a[(i + 1)...].elementsEqual(b[i...]) : a[i...].elementsEqual(b[(i + 1)...])
    }
}
