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

    private(set) var identifiers: [String: Int32] = [:]
    private(set) var keys: [String] = []
    private var deletions: [String: [Int32]] = [:]
    /// Every word interned, as written (before stemming), until `finishInterning()`.
    private(set) var surfaceForms: Set<String> = []
    private var irregularForms: [String: String]
    /// What a message word is looked up in once interning is done (`finishInterning()`): byte
    /// tables, because the dictionaries above hash a `String` with SipHash and compare it
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
        /// Deletion variants of the keys, and the terms each comes from.
        var deletionVariants: WordTable
        var deletionTerms: [[Int32]]
    }

    static func key(for plainWord: String) -> String { EnglishStemmer.stem(plainWord) }

    /// The term of a pattern word, created on first use.
    mutating func intern(_ plainWord: String) -> Int32 {
        precondition(tables == nil, "a word interned after finishInterning()")
        surfaceForms.insert(plainWord)
        let key = Self.key(for: irregularForms[plainWord] ?? plainWord)
        if let existing = identifiers[key] { return existing }
        let identifier = Int32(keys.count)
        identifiers[key] = identifier
        keys.append(key)
        if key.unicodeScalars.count >= Self.minimumTypoLength {
            for variant in Self.singleDeletions(of: key) {
                deletions[variant, default: []].append(identifier)
            }
        }
        return identifier
    }

    /// Builds the tables lookups use and drops the dictionaries they replace, with what only
    /// interning needed (the index keeps the vocabulary for lookups).
    mutating func finishInterning() {
        let irregular = Array(irregularForms)
        let deletions = Array(self.deletions)
        tables = LookupTables(
            keys: WordTable(keys), irregularForms: WordTable(irregular.map(\.key)),
            irregularBases: irregular.map(\.value), deletionVariants: WordTable(deletions.map(\.key)),
            deletionTerms: deletions.map(\.value))
        surfaceForms = []
        identifiers = [:]
        irregularForms = [:]
        self.deletions = [:]
    }

    /// What a message word is, as far as the patterns are concerned.
    enum Lookup {
        case none
        case exact(Int32)
        case typo([Int32])
    }

    func lookup(_ plainWord: String, allowTypo: Bool) -> Lookup {
        if let tables { return lookUp(plainWord, allowTypo: allowTypo, in: tables) }
        let key = Self.key(for: irregularForms[plainWord] ?? plainWord)
        if let identifier = identifiers[key] { return .exact(identifier) }
        let length = key.unicodeScalars.count
        // No real word is longer than this; a 4,000-letter "word" would cost 4,000 copies of itself.
        guard allowTypo, length >= Self.minimumTypoLength, length <= Self.maximumTypoLength else { return .none }
        var found: [Int32] = []
        func consider(_ candidates: [Int32]?) {
            for candidate in candidates ?? [] where !found.contains(candidate) {
                let term = keys[Int(candidate)]
                if term.unicodeScalars.count >= Self.minimumTypoLength,
                    Self.isOneEditApart(key, term, substitutionsFrom: Self.minimumSubstitutionLength)
                {
                    found.append(candidate)
                }
            }
        }
        consider(deletions[key])
        for variant in Self.singleDeletions(of: key) {
            if let identifier = identifiers[variant] { consider([identifier]) }
            consider(deletions[variant])
        }
        return found.isEmpty ? .none : .typo(found)
    }

    /// `lookup(_:allowTypo:)` through the byte tables, with the same result in the same order:
    /// the key's own deletion variants' terms first, then per deleted letter the term spelled
    /// like the variant and the variant's terms.
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
                for candidate in tables.deletionTerms[own] { consider(candidate) }
            }
            // Each variant is the key with one scalar cut out, spelled in a buffer of its own.
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
                        for candidate in tables.deletionTerms[deletion] { consider(candidate) }
                    }
                    start = end
                }
            }
        }
        return found.isEmpty ? .none : .typo(found)
    }

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
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        guard a != b, abs(a.count - b.count) <= 1, a.first == b.first else { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return a.count >= substitutionLength }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        return a.count > b.count ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
    }
}
