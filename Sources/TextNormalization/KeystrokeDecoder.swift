/// A syllable recovered from Telex or VNI keystrokes left in the text with the IME switched off.
struct DecodedSyllable: Sendable, Hashable {
    /// With diacritics: `ruts` → `rút`.
    var marked: String
    /// Without: `rut`.
    var plain: String
}

/// Reads Telex (`ruts`, `tieenf`, `dduowcj`) and VNI (`ru1t`, `tie6n2`, `d9u7o7c5`) residue.
///
/// A decode succeeds only when the token carries a marker (a tone key after a vowel, a doubled
/// vowel, `dd`, `w`, or a VNI digit), at most one tone key, and the result is a valid syllable
/// whose tone fits its coda (VIETNAMESE-NOTES §2.4, §3). The caller decides whether to try: only
/// pure-ASCII, unprotected tokens of messages that are not English.
enum KeystrokeDecoder {
    /// Longest token worth trying: the longest syllable (`nghiêng`) plus its keys.
    static let maximumLength = 12

    /// Decodes lower-case ASCII `bytes` as Telex, or as VNI when it holds digits.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> DecodedSyllable? {
        guard bytes.count >= 2, bytes.count <= maximumLength else { return nil }
        var hasDigit = false
        for byte in bytes {
            if isDigit(byte) {
                hasDigit = true
            } else if !isLetter(byte) {
                return nil
            }
        }
        let decoded = hasDigit ? vni(bytes) : telex(bytes)
        guard let (letters, tone) = decoded else { return nil }
        return validate(letters, tone: tone)
    }

    /// `dd`/`d9` → `d` only, for an abbreviation typed with Telex (`ddc` → `đc` → được).
    static func decodeStroke(_ bytes: UnsafeRawBufferPointer) -> String? {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "d"),
            bytes[1] == UInt8(ascii: "d") || bytes[1] == UInt8(ascii: "9")
        else { return nil }
        return "d" + String(decoding: UnsafeRawBufferPointer(rebasing: bytes[2...]), as: UTF8.self)
    }

    // MARK: - Telex

    private static func telex(_ bytes: UnsafeRawBufferPointer) -> (SyllableLetters, Int)? {
        let count = bytes.count
        var letters = SyllableLetters()
        var tone = 0
        var changed = false
        var seenVowel = false
        var wCount = 0
        var index = 0
        if count >= 2 && bytes[0] == UInt8(ascii: "d") && bytes[1] == UInt8(ascii: "d") {
            if count > 2 && bytes[2] == UInt8(ascii: "d") { return nil }
            letters.append(SyllableLetters.dStroke)
            changed = true
            index = 2
        }
        while index < count {
            let byte = bytes[index]
            if isVowel(byte) {
                if byte == UInt8(ascii: "a") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "o"),
                    index > 0, bytes[index - 1] == byte, letters.last == byte
                {
                    // A doubled vowel is a circumflex; a tripled one is the literal letter: give up.
                    if index + 1 < count && bytes[index + 1] == byte { return nil }
                    letters[letters.count - 1] = SyllableLetters.circumflex(byte)
                    changed = true
                } else {
                    letters.append(byte)
                    seenVowel = true
                }
            } else if byte == UInt8(ascii: "w") {
                wCount += 1
                guard wCount <= 2 else { return nil }
                changed = true
                if let last = letters.last, SyllableLetters.isVowel(last) {
                    // Right after its vowel (`dduwowcj`), else on the nucleus (`nguoiwf` → người).
                    guard applyHornOrBreve(&letters, at: letters.count - 1) || applyFreeHornOrBreve(&letters) else {
                        return nil
                    }
                } else if seenVowel {
                    guard applyFreeHornOrBreve(&letters) else { return nil }
                } else {
                    // A bare w is ư (`twf` → từ), unless a vowel follows (`who`, `were`, `two`).
                    if index + 1 < count && isVowel(bytes[index + 1]) { return nil }
                    letters.append(SyllableLetters.uHorn)
                    seenVowel = true
                }
            } else if seenVowel, let key = telexTone(byte) {
                guard tone == 0 else { return nil }
                tone = key
                changed = true
            } else if seenVowel && byte == UInt8(ascii: "z") {
                return nil
            } else {
                letters.append(byte)
            }
            index += 1
        }
        guard changed, !letters.overflowed else { return nil }
        // IMEs complete ưo before a final letter to ươ (`huwong` → hương).
        if letters.count >= 3 {
            for position in 0...(letters.count - 3)
            where letters[position] == SyllableLetters.uHorn && letters[position + 1] == UInt8(ascii: "o") {
                letters[position + 1] = SyllableLetters.oHorn
                break
            }
        }
        return (letters, tone)
    }

    private static func telexTone(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "s"): 1
        case UInt8(ascii: "f"): 2
        case UInt8(ascii: "r"): 3
        case UInt8(ascii: "x"): 4
        case UInt8(ascii: "j"): 5
        default: nil
        }
    }

    /// `w` right after a vowel: a → ă, o → ơ (u + o → ươ), u → ư.
    private static func applyHornOrBreve(_ letters: inout SyllableLetters, at position: Int) -> Bool {
        switch letters[position] {
        case UInt8(ascii: "a"): letters[position] = SyllableLetters.aBreve
        case UInt8(ascii: "o"):
            letters[position] = SyllableLetters.oHorn
            if position > 0
                && (letters[position - 1] == UInt8(ascii: "u") || letters[position - 1] == SyllableLetters.uHorn)
            {
                letters[position - 1] = SyllableLetters.uHorn
            }
        case UInt8(ascii: "u"): letters[position] = SyllableLetters.uHorn
        default: return false
        }
        return true
    }

    /// `w` typed after the whole syllable (`duocwj`): marks the nucleus.
    private static func applyFreeHornOrBreve(_ letters: inout SyllableLetters) -> Bool {
        var end = letters.count - 1
        while end >= 0 && !SyllableLetters.isVowel(letters[end]) { end -= 1 }
        guard end >= 0 else { return false }
        var start = end
        while start > 0 && SyllableLetters.isVowel(letters[start - 1]) { start -= 1 }
        var o = -1
        var a = -1
        var u = -1
        for position in start...end {
            switch letters[position] {
            case UInt8(ascii: "o") where o < 0: o = position
            case UInt8(ascii: "a") where a < 0: a = position
            case UInt8(ascii: "u") where u < 0: u = position
            default: break
            }
        }
        if o > start && letters[o - 1] == UInt8(ascii: "u") {
            letters[o - 1] = SyllableLetters.uHorn
            letters[o] = SyllableLetters.oHorn
        } else if o >= 0 {
            letters[o] = SyllableLetters.oHorn
        } else if a >= 0 && !(letters[start] == UInt8(ascii: "u") && a == start + 1) {
            letters[a] = SyllableLetters.aBreve
        } else if u >= 0 {
            letters[u] = SyllableLetters.uHorn
        } else {
            return false
        }
        return true
    }

    // MARK: - VNI

    private static func vni(_ bytes: UnsafeRawBufferPointer) -> (SyllableLetters, Int)? {
        guard isLetter(bytes[0]) else { return nil }
        var letters = SyllableLetters()
        var tone = 0
        var seenVowel = false
        for byte in bytes {
            guard isDigit(byte) else {
                letters.append(byte)
                if isVowel(byte) { seenVowel = true }
                continue
            }
            switch byte {
            case UInt8(ascii: "1")...UInt8(ascii: "5"):
                guard seenVowel, tone == 0 else { return nil }
                tone = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "6"):
                guard let position = letters.lastIndex(of: [UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "o")])
                else { return nil }
                letters[position] = SyllableLetters.circumflex(letters[position])
            case UInt8(ascii: "7"):
                guard let position = letters.lastIndex(of: [UInt8(ascii: "o"), UInt8(ascii: "u")]),
                    applyHornOrBreve(&letters, at: position)
                else { return nil }
            case UInt8(ascii: "8"):
                guard let position = letters.lastIndex(of: [UInt8(ascii: "a")]) else { return nil }
                letters[position] = SyllableLetters.aBreve
            case UInt8(ascii: "9"):
                guard letters.count > 0, letters[0] == UInt8(ascii: "d") else { return nil }
                letters[0] = SyllableLetters.dStroke
            default:
                return nil  // 0 (erc20, win10) or anything else: not VNI
            }
        }
        guard !letters.overflowed else { return nil }
        return (letters, tone)
    }

    // MARK: - Validation

    private static func validate(_ letters: SyllableLetters, tone: Int) -> DecodedSyllable? {
        var letters = letters
        guard let key = letters.key else { return nil }
        if !VietnameseSyllables.validBaseKeys.contains(key) {
            // `uow` is ươ almost always, but uơ in thuở, huơ.
            guard let horn = letters.firstIndex(of: SyllableLetters.uHorn), horn + 1 < letters.count,
                letters[horn + 1] == SyllableLetters.oHorn
            else { return nil }
            letters[horn] = UInt8(ascii: "u")
            guard VietnameseSyllables.validBaseKeys.contains(letters.key ?? 0) else { return nil }
        }
        guard letters.allowsTone(tone) else { return nil }
        return letters.spelled(tone: tone)
    }

    // MARK: - Bytes

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            true
        default: false
        }
    }
}
