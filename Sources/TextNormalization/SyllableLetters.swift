/// The letters of a syllable being decoded, on the stack: ASCII letters as themselves, the
/// seven Vietnamese letters with a vowel-quality mark or a stroke as the codes below.
struct SyllableLetters {
    static let aBreve: UInt8 = 0x80
    static let aCircumflex: UInt8 = 0x81
    static let eCircumflex: UInt8 = 0x82
    static let oCircumflex: UInt8 = 0x83
    static let oHorn: UInt8 = 0x84
    static let uHorn: UInt8 = 0x85
    static let dStroke: UInt8 = 0x86

    /// Code → (the letter, its plain form).
    static let marks: [UInt8: (Character, Character)] = [
        aBreve: ("ă", "a"), aCircumflex: ("â", "a"), eCircumflex: ("ê", "e"), oCircumflex: ("ô", "o"),
        oHorn: ("ơ", "o"), uHorn: ("ư", "u"), dStroke: ("đ", "d"),
    ]

    private var codes = SIMD16<UInt8>()
    private(set) var count = 0
    /// More letters were appended than fit: no syllable is that long.
    private(set) var overflowed = false

    subscript(position: Int) -> UInt8 {
        get { codes[position] }
        set { codes[position] = newValue }
    }

    var last: UInt8? { count > 0 ? codes[count - 1] : nil }

    mutating func append(_ code: UInt8) {
        guard count < 16 else {
            overflowed = true
            return
        }
        codes[count] = code
        count += 1
    }

    func firstIndex(of code: UInt8) -> Int? {
        (0..<count).first { codes[$0] == code }
    }

    func lastIndex(of choices: [UInt8]) -> Int? {
        (0..<count).last { choices.contains(codes[$0]) }
    }

    static func isVowel(_ code: UInt8) -> Bool {
        switch code {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"), aBreve, aCircumflex, eCircumflex, oCircumflex, oHorn, uHorn:
            true
        default: false
        }
    }

    static func circumflex(_ code: UInt8) -> UInt8 {
        switch code {
        case UInt8(ascii: "a"): aCircumflex
        case UInt8(ascii: "e"): eCircumflex
        case UInt8(ascii: "o"): oCircumflex
        default: code
        }
    }

    /// The letters packed one byte each, for the set of valid syllables; nil beyond 8 letters.
    var key: UInt64? {
        guard count <= 8 else { return nil }
        var key: UInt64 = 0
        for position in 0..<count { key = key << 8 | UInt64(codes[position]) }
        return key
    }

    init() {}

    /// The letters of a syllable written out (`"đươc"`), or nil when it has other letters.
    init?(spelling syllable: String) {
        for character in syllable {
            if let ascii = character.asciiValue {
                append(ascii)
            } else if let code = Self.marks.first(where: { $0.value.0 == character })?.key {
                append(code)
            } else {
                return nil
            }
        }
    }

    /// The key of a syllable written out (`"đươc"`), or nil when it has other letters.
    static func key(of syllable: String) -> UInt64? { SyllableLetters(spelling: syllable)?.key }

    /// Stop codas (c, ch, p, t) take only sắc or nặng.
    func allowsTone(_ tone: Int) -> Bool {
        guard let last else { return false }
        let stop =
            last == UInt8(ascii: "c") || last == UInt8(ascii: "p") || last == UInt8(ascii: "t")
            || (last == UInt8(ascii: "h") && count >= 2 && codes[count - 2] == UInt8(ascii: "c"))
        return !stop || tone == 1 || tone == 5
    }

    /// The syllable with its marks and `tone` (0 none … 5 nặng) on the vowel the old style puts
    /// it on, as `VietnameseSyllables.applyTone` does, and without any mark: `duowcj` → `được`,
    /// `duoc`. Written byte by byte from tables: the decoder runs on most Vietnamese words.
    func spelled(tone: Int) -> DecodedSyllable {
        let toned = tone > 0 ? toneTarget() : nil
        let marked = String(unsafeUninitializedCapacity: 3 * count) { buffer in
            var written = 0
            for position in 0..<count {
                let code = Int(codes[position])
                let letter = Self.letters[code]
                let scalar =
                    position == toned ? letter.toned[tone] : letter.toned.first ?? Unicode.Scalar(UInt8(code))
                for byte in UTF8.encode(scalar)! {
                    buffer[written] = byte
                    written += 1
                }
            }
            return written
        }
        let plain = String(unsafeUninitializedCapacity: count) { buffer in
            for position in 0..<count { buffer[position] = Self.letters[Int(codes[position])].plain }
            return count
        }
        return DecodedSyllable(marked: marked, plain: plain)
    }

    /// Where the tone goes: after a `qu` or `gi` onset, on the last vowel with a quality mark,
    /// else on the last vowel before a coda, the middle of three, or the first of the nucleus.
    private func toneTarget() -> Int? {
        var start = 0
        if count >= 2, codes[0] == UInt8(ascii: "q"), codes[1] == UInt8(ascii: "u") {
            start = 2
        } else if count > 2, codes[0] == UInt8(ascii: "g"), codes[1] == UInt8(ascii: "i"), Self.isVowel(codes[2]) {
            start = 2
        }
        var end = start
        while end < count && !Self.isVowel(codes[end]) { end += 1 }
        let vowelStart = end
        while end < count && Self.isVowel(codes[end]) { end += 1 }
        guard vowelStart < end else { return nil }
        if let marked = (vowelStart..<end).last(where: { codes[$0] >= Self.aBreve && codes[$0] <= Self.uHorn }) {
            return marked
        }
        if end < count { return end - 1 }
        return end - vowelStart == 3 ? vowelStart + 1 : vowelStart
    }

    /// Per code: the letter under each tone (empty for consonants) and its form without marks.
    private static let letters: [(toned: [Unicode.Scalar], plain: UInt8)] = {
        var table = (0..<Int(dStroke) + 1).map { code in ([Unicode.Scalar](), UInt8(truncatingIfNeeded: code)) }
        for (code, (letter, plain)) in marks {
            table[Int(code)] = ([letter.unicodeScalars.first!], plain.asciiValue!)
        }
        for (letter, toned) in VietnameseSyllables.toneTable {
            let code = letter.asciiValue ?? marks.first { $0.value.0 == letter }!.key
            table[Int(code)].0 = toned.map { $0.unicodeScalars.first! }
        }
        return table
    }()
}
