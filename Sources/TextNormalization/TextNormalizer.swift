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
    /// The compiled tables. The only stored property, so that copies of the normalizer (closures
    /// capture it on every message) cost one reference count, not one per table.
    let index: LexiconIndex

    /// Compiles `lexicon` into lookup tables (tens of milliseconds): build one normalizer per
    /// content load and share it; it is immutable and thread-safe.
    public init(lexicon: NormalizationLexicon = NormalizationLexicon()) {
        self.index = LexiconIndex(lexicon)
    }

    public var lexicon: NormalizationLexicon { index.lexicon }

    public func normalize(_ text: String) -> NormalizedMessage {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    /// What the pipeline knows about a token besides the token itself.
    struct Facts {
        var start: Int
        var end: Int
        var flags: LexiconIndex.Flags = []
        var hasMarks = false
        var isASCII = false
        /// Typed in capitals (`IST`, `ATM`): in a message that also has lower case, an acronym
        /// rather than Telex residue.
        var isCapitalized = false
        var hasLowerCase = false
        /// Holds a letter of the Vietnamese alphabet with a mark (ă, ơ, ư, đ, ạ, ế...).
        var hasVietnameseLetters = false
        /// What scoring's Telex/VNI decode of the word gave, so that the repair does not decode
        /// it again.
        var decode = DecodeOutcome.untried
    }

    enum DecodeOutcome {
        case untried
        case failed
        /// The decode is `decodes[index]`.
        case decoded(index: Int)
    }

    func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> NormalizedMessage {
        guard !bytes.isEmpty else { return NormalizedMessage(language: .unknown, tokens: []) }
        var tokens: [Token] = []
        var facts: [Facts] = []
        var decodes: [DecodedSyllable] = []
        tokenize(bytes, &tokens, &facts)
        let (language, isMixed, scores) = identifyLanguage(tokens, &facts, &decodes)
        rewrite(&tokens, facts, decodes, language: language, bytes)
        return NormalizedMessage(language: language, isMixed: isMixed, tokens: tokens, scores: scores)
    }

    // MARK: - Tokens

    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token], _ facts: inout [Facts]) {
        let spans = DomainTokenScanner.scan(bytes, tickers: index.tickers)
        ICUText.withSegments(of: bytes) { raw in
            tokens.reserveCapacity(raw.count + spans.count)
            facts.reserveCapacity(raw.count + spans.count)
            var spanIndex = 0
            for segment in raw.segments {
                let range = raw.textRange(of: segment)
                while spanIndex < spans.count && spans[spanIndex].end <= range.lowerBound {
                    append(spans[spanIndex], bytes, &tokens, &facts)
                    spanIndex += 1
                }
                if spanIndex < spans.count && spans[spanIndex].start < range.upperBound { continue }
                append(segment, range, raw, &tokens, &facts)
            }
            while spanIndex < spans.count {
                append(spans[spanIndex], bytes, &tokens, &facts)
                spanIndex += 1
            }
        }
    }

    private func append(
        _ span: DomainTokenScanner.Span, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token],
        _ facts: inout [Facts]
    ) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
        tokens.append(Token(text: text, folded: span.folded, plain: span.plain, kind: span.kind))
        facts.append(Facts(start: span.start, end: span.end))
    }

    private func append(
        _ segment: sb_segment, _ range: Range<Int>, _ raw: ICUText.RawSegments, _ tokens: inout [Token],
        _ facts: inout [Facts]
    ) {
        let foldedView = raw.foldedView(of: segment)
        let plainView = raw.plainView(of: segment)
        let bits = segment.flags
        var fact = Facts(start: range.lowerBound, end: range.upperBound)
        fact.isASCII = bits & Int32(SB_SEGMENT_ASCII.rawValue) != 0
        fact.hasLowerCase = bits & Int32(SB_SEGMENT_LOWER.rawValue) != 0
        fact.isCapitalized =
            fact.isASCII && !fact.hasLowerCase && bits & Int32(SB_SEGMENT_UPPER.rawValue) != 0
            && plainView.count >= 2
        fact.hasMarks = bits & Int32(SB_SEGMENT_MARKED.rawValue) != 0
        var kind = TokenKind.word
        var known: (word: String, flags: LexiconIndex.Flags)?
        let first = plainView.first ?? 0
        if DomainTokenScanner.isDigit(first) && DomainTokenScanner.isNumber(plainView) {
            kind = .number
        } else if (DomainTokenScanner.isDigit(first) || first == UInt8(ascii: "$"))
            && DomainTokenScanner.isAmount(foldedView)
        {
            kind = .amount
        } else {
            known = index.flags.entry(plainView)
            fact.flags = known?.flags ?? []
            if fact.flags.contains(.ticker) { kind = .ticker }
        }
        let plain = known?.word ?? String(decoding: plainView, as: UTF8.self)
        let folded = fact.hasMarks ? String(decoding: foldedView, as: UTF8.self) : plain
        if fact.hasMarks { fact.hasVietnameseLetters = Self.hasVietnameseLetters(foldedView) }
        // Typed as it folds (`rút`, `usdt`): share the string. The C side compares after reading
        // `’` as `'`, so for ASCII equal byte counts confirm it; otherwise compare the bytes.
        var isAsTyped = false
        if range.count == foldedView.count {
            if fact.isASCII {
                isAsTyped = bits & Int32(SB_SEGMENT_FOLDED_AS_TYPED.rawValue) != 0
            } else {
                let input = UnsafeRawBufferPointer(raw.input)
                isAsTyped = (0..<range.count).allSatisfy { input[range.lowerBound + $0] == foldedView[$0] }
            }
        }
        let text = isAsTyped ? folded : raw.text(of: segment)
        tokens.append(Token(text: text, folded: folded, plain: plain, kind: kind))
        facts.append(fact)
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
    private func identifyLanguage(
        _ tokens: [Token], _ facts: inout [Facts], _ decodes: inout [DecodedSyllable]
    ) -> (Language, Bool, LanguageScores) {
        var vietnamese = 0
        var english = 0
        var vietnameseTokens = 0
        var englishTokens = 0
        if !facts.contains(where: \.hasLowerCase) {
            // All in capitals: shouting, not acronyms.
            for position in facts.indices { facts[position].isCapitalized = false }
        }
        for position in tokens.indices where tokens[position].kind == .word {
            let (vi, en) = evidence(tokens[position].plain, &facts[position], &decodes)
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
    private func evidence(_ plain: String, _ fact: inout Facts, _ decodes: inout [DecodedSyllable]) -> (Int, Int) {
        if fact.hasMarks { return fact.hasVietnameseLetters ? (6, 0) : (0, 0) }
        if plain.utf8.count == 1 { return plain.utf8.first == UInt8(ascii: "i") ? (0, 4) : (0, 0) }
        let flags = fact.flags
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
        if flags.contains(.protected) { return decode(plain) != nil ? (2, 2) : (0, 2) }
        if fact.isASCII && !fact.isCapitalized && !flags.contains(.syllable) {
            if let decoded = decode(plain) {
                fact.decode = .decoded(index: decodes.count)
                decodes.append(decoded)
                return (4, 0)
            }
            fact.decode = .failed
        }
        if flags.contains(.syllable) { return (1, 0) }
        return fact.isASCII && Self.allLetters(plain) ? (0, 1) : (0, 0)
    }

    /// Whether every byte of `text` is an ASCII letter, read in place (the generic
    /// `allSatisfy` over a UTF-8 view cost a few hundred instructions a word).
    static func allLetters(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(DomainTokenScanner.isLetter) }
            ?? text.utf8.allSatisfy(DomainTokenScanner.isLetter)
    }

    /// Telex/VNI decode of a pure-ASCII token, unless it is a known English word with one digit
    /// after it (`top1`, `vip2`; but `so61` is số).
    private func decode(_ plain: String) -> DecodedSyllable? {
        var plain = plain
        return plain.withUTF8 { bytes -> DecodedSyllable? in
            let raw = UnsafeRawBufferPointer(bytes)
            guard raw.count >= 2, raw.count <= KeystrokeDecoder.maximumLength else { return nil }
            if DomainTokenScanner.isDigit(raw[raw.count - 1]) && !DomainTokenScanner.isDigit(raw[raw.count - 2]) {
                let letters = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 1)])
                if letters.allSatisfy(DomainTokenScanner.isLetter),
                    let flags = index.flags[letters],
                    !flags.isDisjoint(with: .knownEnglish)
                {
                    return nil
                }
            }
            return KeystrokeDecoder.decode(raw)
        }
    }

    // MARK: - Rewriting

    private static let neverRepaired: LexiconIndex.Flags = LexiconIndex.Flags.knownEnglish.union(.syllable)

    /// Expands abbreviations and repairs Telex/VNI in place; merges the tokens of an abbreviation
    /// of several tokens (`w/d`) into one.
    private func rewrite(
        _ tokens: inout [Token], _ facts: [Facts], _ decodes: [DecodedSyllable], language: Language,
        _ bytes: UnsafeBufferPointer<UInt8>
    ) {
        let allowVietnamese = language != .en
        let allowEnglish = language != .vi
        var read = 0
        var write = 0
        while read < tokens.count {
            let fact = facts[read]
            if tokens[read].kind == .word {
                if fact.flags.contains(.startsPhrase),
                    let (length, expansion) = phrase(at: read, tokens, allowVietnamese, allowEnglish, language)
                {
                    let last = facts[read + length - 1]
                    tokens[read].text = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[fact.start..<last.end]), as: UTF8.self)
                    tokens[read].folded = tokens[read..<(read + length)].map(\.folded).joined(separator: " ")
                    set(&tokens[read], expansion.plain, expansion.intended)
                    if write != read { tokens.swapAt(write, read) }
                    write += 1
                    read += length
                    continue
                }
                rewriteWord(&tokens[read], fact, decodes, allowVietnamese, allowEnglish, language)
            }
            if write != read { tokens.swapAt(write, read) }
            write += 1
            read += 1
        }
        if write < tokens.count { tokens.removeLast(tokens.count - write) }
    }

    private func rewriteWord(
        _ token: inout Token, _ fact: Facts, _ decodes: [DecodedSyllable], _ allowVietnamese: Bool,
        _ allowEnglish: Bool, _ language: Language
    ) {
        if let expansion = abbreviation(token.plain, fact.flags, fact.hasMarks, allowVietnamese, allowEnglish, language)
        {
            set(&token, expansion.plain, expansion.intended)
            return
        }
        if allowVietnamese && fact.isASCII && !fact.isCapitalized && fact.flags.isDisjoint(with: Self.neverRepaired) {
            let decoded: DecodedSyllable?
            switch fact.decode {
            case .untried: decoded = decode(token.plain)
            case .failed: decoded = nil
            case .decoded(let index): decoded = decodes[index]
            }
            if let decoded {
                set(&token, decoded.plain, decoded.marked)
                return
            }
            // An abbreviation typed with Telex/VNI: `ddc` → đc → được.
            var plain = token.plain
            if let stroked = plain.withUTF8({ KeystrokeDecoder.decodeStroke(UnsafeRawBufferPointer($0)) }),
                let flags = index.flags[stroked],
                let expansion = abbreviation(stroked, flags, false, true, allowEnglish, language)
            {
                set(&token, expansion.plain, expansion.intended)
                return
            }
        }
        if allowEnglish { dropPossessive(&token) }
    }

    private func set(_ token: inout Token, _ plain: String, _ intended: String) {
        token.plain = plain
        token.intended = intended
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
        guard let entry = index.expansions[plain] else { return nil }
        let vietnamese = allowVietnamese ? entry.vietnamese : nil
        let english = allowEnglish ? entry.english : nil
        if let vietnamese, let english, vietnamese.plain != english.plain {
            return language == .vi ? vietnamese : language == .en ? english : nil
        }
        return vietnamese ?? english
    }

    /// The longest abbreviation of several tokens starting at `start` (`w/d` → withdraw).
    private func phrase(
        at start: Int, _ tokens: [Token], _ allowVietnamese: Bool, _ allowEnglish: Bool, _ language: Language
    ) -> (Int, LexiconIndex.Expansion)? {
        let first = tokens[start].plain
        var best: (Int, LexiconIndex.Expansion)?
        for (allowed, table) in [(allowVietnamese, index.vietnamesePhrases), (allowEnglish, index.englishPhrases)]
        where allowed {
            for phrase in table[first] ?? [] where start + phrase.rest.count < tokens.count {
                let matches = phrase.rest.indices.allSatisfy { offset in
                    let next = tokens[start + 1 + offset]
                    return next.kind == .word && next.plain == phrase.rest[offset]
                }
                if matches {
                    if phrase.rest.count + 1 > best?.0 ?? 0 { best = (phrase.rest.count + 1, phrase.expansion) }
                    break
                }
            }
        }
        return best
    }

    /// `account's` → `account`: English possessives, not contractions (those are abbreviations).
    private func dropPossessive(_ token: inout Token) {
        // The last two bytes read in place: the generic `last` of a UTF-8 view cost more than
        // the rest of the check.
        let isPossessive =
            token.plain.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.count > 3 && bytes[bytes.count - 1] == UInt8(ascii: "s")
                    && bytes[bytes.count - 2] == UInt8(ascii: "'")
            }
            ?? {
                let utf8 = token.plain.utf8
                return utf8.last == UInt8(ascii: "s") && utf8.count > 3
                    && utf8[utf8.index(utf8.endIndex, offsetBy: -2)] == UInt8(ascii: "'")
            }()
        guard isPossessive else { return }
        token.plain = String(token.plain.dropLast(2))
        token.isAsTyped = false
    }
}
