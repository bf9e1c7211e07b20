import CICUShims

/// Turns what a user typed into what the matcher compares.
///
/// The pipeline, per message:
/// 1. domain tokens (URLs, emails, addresses, `$`/`₫` amounts, `BEP-20`) found on the raw text;
/// 2. one ICU call: word break, NFKC case fold, and the diacritic-free fold (`đ` → `d`);
/// 3. token kinds (number, amount, ticker) and language identification (VIETNAMESE-NOTES §6);
/// 4. abbreviations (Vietnamese ones unless the message is English, English ones unless it is
///    Vietnamese), then Telex/VNI repair of pure-ASCII, unprotected tokens in messages that are
///    not English (VIETNAMESE-NOTES §2.4).
///
/// Everything per message works on UTF-8 bytes with precomputed tables, without Foundation.
public struct TextNormalizer: Sendable {
    public let lexicon: NormalizationLexicon
    let index: LexiconIndex

    /// Compiles `lexicon` into lookup tables (a few milliseconds): build one normalizer per
    /// content load and share it; it is immutable and thread-safe.
    public init(lexicon: NormalizationLexicon = NormalizationLexicon()) {
        self.lexicon = lexicon
        self.index = LexiconIndex(lexicon)
    }

    public func normalize(_ text: String) -> NormalizedMessage {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    /// One token before language identification and rewriting.
    struct Draft {
        var token: Token
        var start: Int
        var end: Int
        var flags: LexiconIndex.Flags
        var hasMarks: Bool
        var isASCII: Bool
        /// Typed in capitals (`IST`, `ATM`): in a message that also has lower case, an acronym
        /// rather than Telex residue.
        var isCapitalized = false
        var hasLowerCase = false
        /// Holds a letter only Vietnamese uses among the languages we see (ă, ơ, ư, đ, ạ, ế...).
        var hasVietnameseLetters = false
        /// A Telex/VNI decode found while scoring the language, kept for the repair.
        var decoded: DecodedSyllable?
    }

    func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> NormalizedMessage {
        guard !bytes.isEmpty else { return NormalizedMessage(language: .unknown, tokens: []) }
        var drafts = tokenize(bytes)
        let (language, isMixed, scores) = identifyLanguage(&drafts)
        let tokens = rewrite(drafts, language: language, bytes)
        return NormalizedMessage(language: language, isMixed: isMixed, tokens: tokens, scores: scores)
    }

    // MARK: - Tokens

    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Draft] {
        let spans = DomainTokenScanner.scan(bytes, tickers: index.tickers)
        return ICUText.withSegments(of: bytes) { raw -> [Draft] in
            var drafts: [Draft] = []
            drafts.reserveCapacity(raw.count + spans.count)
            var spanIndex = 0
            for segment in raw.segments {
                let range = raw.textRange(of: segment)
                let start = range.lowerBound
                let end = range.upperBound
                while spanIndex < spans.count && spans[spanIndex].end <= start {
                    drafts.append(draft(spans[spanIndex], bytes))
                    spanIndex += 1
                }
                if spanIndex < spans.count && spans[spanIndex].start < end { continue }
                drafts.append(draft(segment, raw))
            }
            while spanIndex < spans.count {
                drafts.append(draft(spans[spanIndex], bytes))
                spanIndex += 1
            }
            return drafts
        }
    }

    private func draft(_ span: DomainTokenScanner.Span, _ bytes: UnsafeBufferPointer<UInt8>) -> Draft {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        return Draft(
            token: Token(text: text, folded: span.folded, plain: span.plain, kind: span.kind), start: span.start,
            end: span.end, flags: [], hasMarks: false, isASCII: false)
    }

    private func draft(_ segment: sb_segment, _ raw: ICUText.RawSegments) -> Draft {
        let foldedView = raw.foldedView(of: segment)
        let plainView = raw.plainView(of: segment)
        let plain = String(decoding: plainView, as: UTF8.self)
        let folded = foldedView.elementsEqual(plainView) ? plain : String(decoding: foldedView, as: UTF8.self)
        let range = raw.textRange(of: segment)
        let start = range.lowerBound
        let end = range.upperBound
        var isASCII = true
        var upper = 0
        var lower = 0
        for byte in raw.input[start..<end] {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper += 1 }
            if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") { lower += 1 }
        }
        let text = isASCII && foldedView.elementsEqual(raw.input[start..<end]) ? folded : raw.text(of: segment)
        var kind = TokenKind.word
        var flags: LexiconIndex.Flags = []
        if DomainTokenScanner.isNumber(plainView) {
            kind = .number
        } else if DomainTokenScanner.isAmount(foldedView) {
            kind = .amount
        } else {
            flags = index.entries[plain]?.flags ?? []
            if flags.contains(.ticker) { kind = .ticker }
        }
        let hasMarks = folded.utf8.count != plain.utf8.count || !foldedView.elementsEqual(plainView)
        return Draft(
            token: Token(text: text, folded: folded, plain: plain, kind: kind), start: start, end: end, flags: flags,
            hasMarks: hasMarks, isASCII: isASCII, isCapitalized: isASCII && upper >= 2 && lower == 0,
            hasLowerCase: lower > 0, hasVietnameseLetters: hasMarks && Self.hasVietnameseLetters(foldedView))
    }

    /// Whether folded (lower-case NFC) UTF-8 holds a letter of the Vietnamese alphabet with a
    /// mark: U+1EA0–U+1EF9, or à á â ã è é ê ì í ò ó ô õ ù ú ý ă đ ĩ ũ ơ ư.
    static func hasVietnameseLetters(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            let lead = bytes[index]
            let next = bytes[index + 1]
            switch lead {
            case 0xE1 where next == 0xBA || next == 0xBB: return true
            case 0xC3 where vietnameseLatin1.contains(next): return true
            case 0xC4 where next == 0x83 || next == 0x91 || next == 0xA9: return true
            case 0xC5 where next == 0xA9: return true
            case 0xC6 where next == 0xA1 || next == 0xB0: return true
            default: break
            }
            index += 1
        }
        return false
    }

    /// Second bytes of à á â ã è é ê ì í ò ó ô õ ù ú ý after 0xC3.
    private static let vietnameseLatin1: Set<UInt8> = [
        0xA0, 0xA1, 0xA2, 0xA3, 0xA8, 0xA9, 0xAA, 0xAC, 0xAD, 0xB2, 0xB3, 0xB4, 0xB5, 0xB9, 0xBA, 0xBD,
    ]

    // MARK: - Language

    /// Sums each token's evidence in half points (VIETNAMESE-NOTES §6) and picks the larger.
    private func identifyLanguage(_ drafts: inout [Draft]) -> (Language, Bool, LanguageScores) {
        var vietnamese = 0
        var english = 0
        var vietnameseTokens = 0
        var englishTokens = 0
        if !drafts.contains(where: \.hasLowerCase) {
            // All in capitals: shouting, not acronyms.
            for position in drafts.indices { drafts[position].isCapitalized = false }
        }
        for position in drafts.indices where drafts[position].token.kind == .word {
            let (vi, en) = evidence(&drafts[position])
            vietnamese += vi
            english += en
            if vi >= 2 && vi > en { vietnameseTokens += 1 }
            if en >= 2 && en > vi { englishTokens += 1 }
        }
        let language: Language = vietnamese > english ? .vi : english > vietnamese ? .en : .unknown
        let isMixed = language != .unknown && vietnameseTokens > 0 && englishTokens > 0
        return (
            language, isMixed, LanguageScores(vietnamese: Double(vietnamese) / 2, english: Double(english) / 2)
        )
    }

    /// One word's evidence, in half points: (Vietnamese, English).
    private func evidence(_ draft: inout Draft) -> (Int, Int) {
        if draft.hasMarks { return draft.hasVietnameseLetters ? (6, 0) : (0, 0) }
        let plain = draft.token.plain
        if plain.utf8.count == 1 { return plain == "i" ? (0, 4) : (0, 0) }
        let flags = draft.flags
        if flags.contains(.neutral) || flags.contains(.ticker) { return (0, 0) }
        let vietnameseAbbreviation = flags.contains(.vietnameseAbbreviation)
        let englishAbbreviation = flags.contains(.englishAbbreviation)
        if vietnameseAbbreviation || englishAbbreviation {
            if vietnameseAbbreviation && englishAbbreviation { return (0, 0) }
            // `bit` (biết) is also English, `dep` (deposit) also đẹp: half to each.
            if vietnameseAbbreviation && !flags.isDisjoint(with: .knownEnglish) { return (1, 1) }
            if englishAbbreviation && flags.contains(.syllable) { return (1, 1) }
            return vietnameseAbbreviation ? (4, 0) : (0, 4)
        }
        let englishCore = flags.contains(.englishCore)
        let vietnameseCore = flags.contains(.vietnameseCore)
        if englishCore && vietnameseCore { return (1, 1) }
        if englishCore { return (0, 4) }
        if vietnameseCore { return (4, 0) }
        if flags.contains(.vietnameseDomain) { return (2, 0) }
        if flags.contains(.englishDomain) { return (0, 2) }
        let vietnameseCommon = flags.contains(.vietnameseCommon)
        let englishCommon = flags.contains(.englishCommon)
        if vietnameseCommon || englishCommon {
            if vietnameseCommon == englishCommon || flags.contains(.syllable) { return (1, 1) }
            return vietnameseCommon ? (2, 0) : (0, 2)
        }
        // A known English word that is also Telex residue (`this` → thí) counts half to each.
        if flags.contains(.protected) { return decode(draft) != nil ? (2, 2) : (0, 2) }
        if draft.isASCII && !draft.isCapitalized && !flags.contains(.syllable) {
            draft.decoded = decode(draft)
            if draft.decoded != nil { return (4, 0) }
        }
        if flags.contains(.syllable) { return (1, 0) }
        return draft.isASCII && plain.utf8.allSatisfy(DomainTokenScanner.isLetter) ? (0, 1) : (0, 0)
    }

    /// Telex/VNI decode of a pure-ASCII token, unless it is a known English word with one digit
    /// after it (`top1`, `vip2`; but `so61` is số).
    private func decode(_ draft: Draft) -> DecodedSyllable? {
        var plain = draft.token.plain
        return plain.withUTF8 { bytes -> DecodedSyllable? in
            let raw = UnsafeRawBufferPointer(bytes)
            if raw.count >= 2, DomainTokenScanner.isDigit(raw[raw.count - 1]), !DomainTokenScanner.isDigit(raw[raw.count - 2]) {
                let letterEnd = raw.count - 1
                let letters = String(decoding: UnsafeRawBufferPointer(rebasing: raw[..<letterEnd]), as: UTF8.self)
                if raw[..<letterEnd].allSatisfy(DomainTokenScanner.isLetter),
                    let flags = index.entries[letters]?.flags, !flags.isDisjoint(with: .knownEnglish)
                {
                    return nil
                }
            }
            return KeystrokeDecoder.decode(raw)
        }
    }

    // MARK: - Rewriting

    private func rewrite(_ drafts: [Draft], language: Language, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        let allowVietnamese = language != .en
        let allowEnglish = language != .vi
        var tokens: [Token] = []
        tokens.reserveCapacity(drafts.count)
        var position = 0
        while position < drafts.count {
            let draft = drafts[position]
            var token = draft.token
            position += 1
            guard token.kind == .word else {
                tokens.append(token)
                continue
            }
            if draft.flags.contains(.startsPhrase),
                let (length, expansion) = phrase(at: position - 1, drafts, allowVietnamese, allowEnglish, language)
            {
                let last = drafts[position - 2 + length]
                token.text = String(decoding: UnsafeBufferPointer(rebasing: bytes[draft.start..<last.end]), as: UTF8.self)
                token.folded = drafts[(position - 1)..<(position - 1 + length)].map(\.token.folded).joined(separator: " ")
                token.plain = expansion.plain
                token.intended = expansion.intended
                token.isAsTyped = false
                tokens.append(token)
                position += length - 1
                continue
            }
            if let expansion = abbreviation(draft.token.plain, draft.flags, draft.hasMarks, allowVietnamese, allowEnglish, language) {
                token.plain = expansion.plain
                token.intended = expansion.intended
                token.isAsTyped = false
            } else if allowVietnamese && draft.isASCII && !draft.isCapitalized
                && draft.flags.isDisjoint(with: Self.neverRepaired)
            {
                repair(&token, draft, allowEnglish: allowEnglish, language: language)
            }
            if allowEnglish && token.isAsTyped { dropPossessive(&token) }
            tokens.append(token)
        }
        return tokens
    }

    private static let neverRepaired: LexiconIndex.Flags = LexiconIndex.Flags.knownEnglish.union(.syllable)

    /// Telex/VNI repair, then the abbreviation an IME-typed token may spell (`ddc` → `đc` → được).
    private func repair(_ token: inout Token, _ draft: Draft, allowEnglish: Bool, language: Language) {
        if let decoded = draft.decoded ?? decode(draft) {
            token.plain = decoded.plain
            token.intended = decoded.marked
            token.isAsTyped = false
            return
        }
        var plain = token.plain
        guard let stroked = plain.withUTF8({ KeystrokeDecoder.decodeStroke(UnsafeRawBufferPointer($0)) }),
            let flags = index.entries[stroked]?.flags,
            let expansion = abbreviation(stroked, flags, false, true, allowEnglish, language)
        else { return }
        token.plain = expansion.plain
        token.intended = expansion.intended
        token.isAsTyped = false
    }

    /// The expansion of a one-token abbreviation allowed in this message, if any. In a message
    /// of unknown language a key both languages abbreviate differently (`k`, `r`) stays as is.
    private func abbreviation(
        _ plain: String, _ flags: LexiconIndex.Flags, _ hasMarks: Bool, _ allowVietnamese: Bool, _ allowEnglish: Bool,
        _ language: Language
    ) -> LexiconIndex.Expansion? {
        guard !flags.isDisjoint(with: [.vietnameseAbbreviation, .englishAbbreviation]) else { return nil }
        // A word typed with marks that is a real syllable (`lún`) is not the abbreviation `lun`.
        if hasMarks && flags.contains(.syllable) { return nil }
        guard let entry = index.entries[plain] else { return nil }
        let vietnamese = allowVietnamese ? entry.vietnamese : nil
        let english = allowEnglish ? entry.english : nil
        if let vietnamese, let english, vietnamese.plain != english.plain {
            return language == .vi ? vietnamese : language == .en ? english : nil
        }
        return vietnamese ?? english
    }

    /// The longest abbreviation of several tokens starting at `start` (`w/d` → withdraw).
    private func phrase(
        at start: Int, _ drafts: [Draft], _ allowVietnamese: Bool, _ allowEnglish: Bool, _ language: Language
    ) -> (Int, LexiconIndex.Expansion)? {
        let first = drafts[start].token.plain
        var candidates: [(Int, LexiconIndex.Expansion)] = []
        for (allowed, table) in [(allowVietnamese, index.vietnamesePhrases), (allowEnglish, index.englishPhrases)]
        where allowed {
            for phrase in table[first] ?? [] where start + phrase.rest.count < drafts.count {
                let matches = phrase.rest.indices.allSatisfy { offset in
                    let next = drafts[start + 1 + offset]
                    return next.token.kind == .word && next.token.plain == phrase.rest[offset]
                }
                if matches {
                    candidates.append((phrase.rest.count + 1, phrase.expansion))
                    break
                }
            }
        }
        return candidates.max { $0.0 < $1.0 }
    }

    /// `account's` → `account`: English possessives, not contractions (those are abbreviations).
    private func dropPossessive(_ token: inout Token) {
        let utf8 = token.plain.utf8
        guard utf8.count > 3, utf8.last == UInt8(ascii: "s"),
            utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == UInt8(ascii: "'")
        else { return }
        token.plain = String(token.plain.dropLast(2))
        token.isAsTyped = false
    }
}
