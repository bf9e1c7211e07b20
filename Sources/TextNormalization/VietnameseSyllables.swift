/// Vietnamese orthography: which syllables exist, and where a tone mark goes.
///
/// A syllable is onset + rhyme (+ tone). The tables are the orthographic ones (27 onsets, 160
/// rhymes with vowel-quality marks), not a dictionary, so they cover every real syllable and a
/// few that are merely possible. They are code, not content: they describe the writing system.
///
/// Two precomputed sets serve the normalizer: ``validBases`` (syllables with vowel-quality marks
/// and `đ`, without a tone) to check a Telex/VNI decode, and ``validPlain`` (the same without any
/// mark) to tell whether a token typed without diacritics can be Vietnamese.
enum VietnameseSyllables {
    /// Onsets, longest first so that a greedy prefix match finds `ngh` before `ng` and `n`.
    static let onsets: [String] = [
        "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ]

    static let openRhymes: [String] = [
        "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu",
        "oi", "ôi", "ơi", "ua", "ui", "ưa", "ưi", "ưu", "ươi", "ươu", "iêu", "yêu", "uôi", "oa", "oai", "oao", "oay",
        "oe", "oeo", "uê", "uy", "uya", "uyu", "uơ", "uây",
    ]

    /// Nucleus → the codas it takes.
    static let closedRhymes: [(nucleus: String, codas: [String])] = [
        ("a", ["c", "ch", "m", "n", "ng", "nh", "p", "t"]),
        ("ă", ["c", "m", "n", "ng", "p", "t"]),
        ("â", ["c", "m", "n", "ng", "p", "t"]),
        ("e", ["c", "m", "n", "ng", "p", "t"]),
        ("o", ["c", "m", "n", "ng", "p", "t"]),
        ("ô", ["c", "m", "n", "ng", "p", "t"]),
        ("u", ["c", "m", "n", "ng", "p", "t"]),
        ("ê", ["ch", "m", "n", "nh", "p", "t"]),
        ("i", ["ch", "m", "n", "nh", "p", "t"]),
        ("ơ", ["m", "n", "p", "t"]),
        ("ư", ["c", "m", "n", "ng", "t"]),
        ("iê", ["c", "m", "n", "ng", "p", "t"]),
        ("yê", ["m", "n", "t"]),
        ("uô", ["c", "m", "n", "ng", "t"]),
        ("ươ", ["c", "m", "n", "ng", "p", "t"]),
        ("oa", ["c", "ch", "m", "n", "ng", "nh", "p", "t"]),
        ("oă", ["c", "m", "n", "ng", "t"]),
        ("oe", ["n", "t"]),
        ("uâ", ["n", "ng", "t"]),
        ("uê", ["ch", "nh", "n"]),
        ("uy", ["ch", "n", "nh", "p", "t"]),
        ("uyê", ["n", "t"]),
        ("oo", ["c", "ng"]),
    ]

    static let rhymes: [String] = openRhymes + closedRhymes.flatMap { entry in entry.codas.map { entry.nucleus + $0 } }

    /// Every syllable without its tone: onset + rhyme under the spelling rules.
    static let validBases: Set<String> = {
        var result = Set<String>()
        forEachSyllable { onset, rhyme, takesGlide in
            let rhyme = rhymes[rhyme]
            result.insert(onset + (takesGlide ? String(rhyme.dropFirst()) : rhyme))
        }
        return result
    }()

    /// ``validBases`` as ``SyllableLetters`` keys, for the Telex/VNI decoder.
    static let validBaseKeys = SyllableKeySet(validBases.compactMap(SyllableLetters.key(of:)))

    /// ``validBases`` without marks and with đ → d: what a syllable typed without diacritics can be.
    ///
    /// The `oo` rhyme exists only in a few loan words (`xoong`, `boong`, `moóc`); everywhere else
    /// `oo` is Telex for ô (`khoong` → không), so only those words count as already valid.
    ///
    /// Built from the onsets and rhymes stripped once, not by stripping every base syllable: plain
    /// syllables are ASCII, cheap to join and hash, and every engine start pays for this set.
    static let validPlain: Set<String> = {
        let plainRhymes = rhymes.map(stripMarks)
        let plainOnsets = Dictionary(uniqueKeysWithValues: (["", "q"] + onsets).map { ($0, stripMarks($0)) })
        let isLoanRhyme = rhymes.map { $0.contains("oo") }
        var result = Set<String>(minimumCapacity: 4_096)
        forEachSyllable { onset, rhyme, takesGlide in
            guard !isLoanRhyme[rhyme] else { return }
            let plain = plainRhymes[rhyme]
            result.insert(plainOnsets[onset, default: onset] + (takesGlide ? String(plain.dropFirst()) : plain))
        }
        result.formUnion(["xoong", "boong", "goong", "loong", "coong", "mooc", "sooc", "vooc"])
        return result
    }()

    /// Calls `body` with the onset and the rhyme (its index in ``rhymes``) of every syllable
    /// without its tone; `takesGlide` says that the onset `qu` stands for the rhyme's first
    /// letter, the o-glide of oa, oă, oe (quan, quen, quăn).
    private static func forEachSyllable(_ body: (_ onset: String, _ rhyme: Int, _ takesGlide: Bool) -> Void) {
        let onsetsOrNone = [""] + onsets.filter { $0 != "qu" }
        for (index, rhyme) in rhymes.enumerated() {
            let start = RhymeStart(rhyme)
            for onset in onsetsOrNone where allows(onset: onset, start) {
                body(onset, index, false)
            }
            // `qu` carries the u-glide: qu + R is a syllable when u + R is a rhyme (quy, quê, quân,
            // qua, quốc) or when R follows the o-glide of oa, oă, oe (quan, quen, quăn).
            if start.isUGlide { body("q", index, false) }
            if start.isOGlide { body("qu", index, true) }
        }
    }

    private static let frontVowels: Set<Character> = ["i", "e", "ê", "y"]
    private static let glidePrefixes = ["oa", "oă", "oe", "uê", "uy", "uâ", "uơ"]

    /// What the spelling rules read of a rhyme's beginning, worked out once per rhyme.
    private struct RhymeStart {
        var first: Character
        var isFront: Bool
        var hasGlide: Bool
        var isYe: Bool
        var isIe: Bool
        var isUGlide: Bool
        var isOGlide: Bool

        init(_ rhyme: String) {
            let characters = Array(rhyme)
            first = characters[0]
            isFront = frontVowels.contains(first)
            hasGlide = glidePrefixes.contains { rhyme.hasPrefix($0) }
            isYe = rhyme.hasPrefix("yê")
            isIe = rhyme.hasPrefix("iê")
            isUGlide = characters.count > 1 && characters[0] == "u" && toneTable[characters[1]] != nil
            isOGlide = rhyme.hasPrefix("oa") || rhyme.hasPrefix("oă") || rhyme.hasPrefix("oe")
        }
    }

    /// The spelling rules between an onset and a rhyme.
    private static func allows(onset: String, _ rhyme: RhymeStart) -> Bool {
        switch onset {
        case "k": return rhyme.isFront
        case "gh", "ngh": return rhyme.isFront && rhyme.first != "y"
        case "c", "ng": return !rhyme.isFront && !(onset == "c" && rhyme.hasGlide)
        case "g": return !rhyme.isFront || rhyme.first == "i"
        case "gi": return !rhyme.isFront
        default: break
        }
        if rhyme.isYe { return onset.isEmpty }
        if rhyme.isIe { return !onset.isEmpty }
        return true
    }

    // MARK: - Marks

    /// The twelve base vowels; a tone turns each into one precomposed character.
    static let toneTable: [Character: [Character]] = [
        "a": ["a", "á", "à", "ả", "ã", "ạ"], "ă": ["ă", "ắ", "ằ", "ẳ", "ẵ", "ặ"], "â": ["â", "ấ", "ầ", "ẩ", "ẫ", "ậ"],
        "e": ["e", "é", "è", "ẻ", "ẽ", "ẹ"], "ê": ["ê", "ế", "ề", "ể", "ễ", "ệ"], "i": ["i", "í", "ì", "ỉ", "ĩ", "ị"],
        "o": ["o", "ó", "ò", "ỏ", "õ", "ọ"], "ô": ["ô", "ố", "ồ", "ổ", "ỗ", "ộ"], "ơ": ["ơ", "ớ", "ờ", "ở", "ỡ", "ợ"],
        "u": ["u", "ú", "ù", "ủ", "ũ", "ụ"], "ư": ["ư", "ứ", "ừ", "ử", "ữ", "ự"], "y": ["y", "ý", "ỳ", "ỷ", "ỹ", "ỵ"],
    ]

    /// Drops every Vietnamese mark: what a syllable looks like typed without diacritics.
    static func stripMarks(_ syllable: String) -> String {
        var result = ""
        for character in syllable {
            if character == "đ" {
                result.append("d")
            } else if let base = plainVowel[character] {
                result.append(base)
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static let plainVowel: [Character: Character] = {
        var table: [Character: Character] = [:]
        let families: [(Character, [Character])] = [
            ("a", ["a", "ă", "â"]), ("e", ["e", "ê"]), ("i", ["i"]), ("o", ["o", "ô", "ơ"]), ("u", ["u", "ư"]),
            ("y", ["y"]),
        ]
        for (plain, bases) in families {
            for base in bases {
                for toned in toneTable[base]! { table[toned] = plain }
            }
        }
        return table
    }()

    private static let qualityMarked: Set<Character> = ["ă", "â", "ê", "ô", "ơ", "ư"]

    /// Puts `tone` (0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng) on the right vowel of a valid
    /// base syllable, old style (`hòa`, `thủy`), the style most Vietnamese text uses.
    static func applyTone(_ tone: Int, to base: String) -> String {
        guard tone > 0 else { return base }
        var characters = Array(base)
        var start = 0
        if base.hasPrefix("qu") {
            start = 2
        } else if base.hasPrefix("gi"), characters.count > 2, toneTable[characters[2]] != nil {
            start = 2
        }
        var end = start
        while end < characters.count && toneTable[characters[end]] == nil { end += 1 }
        let vowelStart = end
        while end < characters.count && toneTable[characters[end]] != nil { end += 1 }
        guard vowelStart < end else { return base }
        let vowels = vowelStart..<end
        let hasCoda = end < characters.count
        var target = vowels.lowerBound
        if let marked = vowels.last(where: { qualityMarked.contains(characters[$0]) }) {
            target = marked
        } else if hasCoda {
            target = vowels.upperBound - 1
        } else if vowels.count == 3 {
            target = vowels.lowerBound + 1
        }
        characters[target] = toneTable[characters[target]]![tone]
        return String(characters)
    }

    /// Whether a tone may sit on a syllable: stop codas (c, ch, p, t) take only sắc or nặng.
    static func allowsTone(_ tone: Int, onBase base: String) -> Bool {
        guard let last = base.unicodeScalars.last else { return false }
        let stop = last == "c" || last == "p" || last == "t" || base.hasSuffix("ch")
        return !stop || tone == 1 || tone == 5
    }
}
