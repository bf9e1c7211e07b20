/// Finds the tokens that must stay whole although ICU's word break would split them or drop
/// part of them: URLs, emails, wallet addresses and transaction hashes, amounts written with `$`
/// or `₫`, and hyphenated networks (`BEP-20`).
///
/// It works on the raw UTF-8 bytes, one whitespace-delimited chunk at a time, before the word
/// break; chunks made only of letters are skipped after one pass over their bytes.
enum DomainTokenScanner {
    /// A stretch of the raw text that becomes one token.
    struct Span {
        var start: Int
        var end: Int
        var kind: TokenKind
        var folded: String
        var plain: String
    }

    /// The domain spans of `bytes`, in text order, not overlapping.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, tickers: Set<String>) -> [Span] {
        var spans: [Span] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let spaceWidth = whitespaceWidth(bytes, at: index)
            if spaceWidth > 0 {
                index += spaceWidth
                continue
            }
            let start = index
            var interesting = false
            while index < count {
                let byte = bytes[index]
                if byte > 0x20 && byte < 0x80 {
                    if byte &- UInt8(ascii: "a") >= 26 && byte &- UInt8(ascii: "A") >= 26 { interesting = true }
                    index += 1
                } else if byte <= 0x20 {
                    if whitespaceWidth(bytes, at: index) > 0 { break }
                    interesting = true
                    index += 1
                } else {
                    // Only C2 (NBSP), E2 (general punctuation) and E3 (ideographic space) start a space.
                    if byte == 0xC2 || byte >= 0xE2 && byte <= 0xE3 {
                        if whitespaceWidth(bytes, at: index) > 0 { break }
                        if byte == 0xE2 { interesting = true }
                    }
                    index += 1
                }
            }
            if interesting || index - start >= 25 {
                classifyChunk(bytes, start, index, tickers: tickers, into: &spans)
            }
        }
        return spans
    }

    // MARK: - Chunks

    private static func classifyChunk(
        _ bytes: UnsafeBufferPointer<UInt8>, _ chunkStart: Int, _ chunkEnd: Int, tickers: Set<String>,
        into spans: inout [Span]
    ) {
        var start = chunkStart
        var end = chunkEnd
        trim(bytes, &start, &end)
        guard end - start >= 2 else { return }
        let chunk = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let kind = wholeChunkKind(chunk) {
            let (folded, plain) = fold(chunk)
            spans.append(Span(start: start, end: end, kind: kind, folded: folded, plain: plain))
        } else if chunk.contains(UInt8(ascii: "-")) {
            hyphenatedTickers(bytes, start, end, tickers: tickers, into: &spans)
        }
    }

    private static func wholeChunkKind(_ chunk: UnsafeBufferPointer<UInt8>) -> TokenKind? {
        if chunk.contains(UInt8(ascii: "@")) { return isEmail(chunk) ? .email : nil }
        if isURL(chunk) { return .url }
        if isAddress(chunk) { return .address }
        let first = chunk[0]
        let last = chunk[chunk.count - 1]
        let hasCurrencySign =
            first == UInt8(ascii: "$") || last == UInt8(ascii: "$") || hasPrefix(chunk, dongSign)
            || hasSuffix(chunk, dongSign)
        if hasCurrencySign && isAmount(UnsafeRawBufferPointer(chunk)) { return .amount }
        return nil
    }

    /// `BEP-20`, `ERC-20` inside a chunk: letters, a hyphen, digits, whose join is a ticker.
    private static func hyphenatedTickers(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, tickers: Set<String>, into spans: inout [Span]
    ) {
        var index = start
        while index < end {
            guard isLetter(bytes[index]), index == start || !isAlphanumeric(bytes[index - 1]) else {
                index += 1
                continue
            }
            var letterEnd = index
            while letterEnd < end && isLetter(bytes[letterEnd]) { letterEnd += 1 }
            let letterCount = letterEnd - index
            guard letterCount >= 2, letterCount <= 5, letterEnd + 1 < end, bytes[letterEnd] == UInt8(ascii: "-") else {
                index = letterEnd
                continue
            }
            var digitEnd = letterEnd + 1
            while digitEnd < end && isDigit(bytes[digitEnd]) { digitEnd += 1 }
            let digitCount = digitEnd - letterEnd - 1
            guard digitCount >= 1, digitCount <= 3, digitEnd == end || !isAlphanumeric(bytes[digitEnd]) else {
                index = letterEnd
                continue
            }
            var key = ""
            for byte in bytes[index..<letterEnd] { key.unicodeScalars.append(Unicode.Scalar(lowercase(byte))) }
            for byte in bytes[(letterEnd + 1)..<digitEnd] { key.unicodeScalars.append(Unicode.Scalar(byte)) }
            if tickers.contains(key) {
                spans.append(Span(start: index, end: digitEnd, kind: .ticker, folded: key, plain: key))
            }
            index = digitEnd
        }
    }

    // MARK: - Kinds

    private static func isEmail(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let at = chunk.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        for byte in chunk[..<at] {
            guard
                isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            else { return false }
        }
        let domain = UnsafeBufferPointer(rebasing: chunk[(at + 1)...])
        return hostLabels(domain) >= 2 && domain.count == hostLength(domain) && endsWithAlphabeticLabel(domain)
    }

    private static func isURL(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        for scheme in schemes where matchesIgnoringCase(UnsafeRawBufferPointer(chunk), at: 0, scheme) {
            return chunk.count > scheme.count
        }
        let host = UnsafeBufferPointer(rebasing: chunk[..<hostLength(chunk)])
        guard hostLabels(host) >= 2, host.count == chunk.count || chunk[host.count] == UInt8(ascii: "/") else {
            return false
        }
        guard let dot = host.lastIndex(of: UInt8(ascii: ".")) else { return false }
        var tld = ""
        for byte in host[(dot + 1)...] { tld.unicodeScalars.append(Unicode.Scalar(lowercase(byte))) }
        return topLevelDomains.contains(tld)
    }

    private static let schemes: [[UInt8]] = [Array("http://".utf8), Array("https://".utf8), Array("www.".utf8)]

    /// Common top-level domains: a dotted word ending in one of these is a web address.
    private static let topLevelDomains: Set<String> = [
        "com", "net", "org", "io", "vn", "co", "app", "xyz", "info", "me", "ai", "gg", "link", "finance", "exchange",
        "pro", "biz", "us", "uk", "asia", "site", "online", "top", "club", "tech", "dev", "cc", "tv", "ly", "edu",
        "gov", "so", "to", "fi", "network", "global", "money", "trade", "cash", "bank", "wallet", "support", "help",
    ]

    /// Wallet addresses and transaction hashes, whole or elided (`0x12ab…cd34`).
    private static func isAddress(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        if let (left, right) = elision(chunk) {
            return left.count >= 4 && right.count >= 3 && left.allSatisfy(isAlphanumeric)
                && right.allSatisfy(isAlphanumeric)
                && (matchesIgnoringCase(UnsafeRawBufferPointer(left), at: 0, hexPrefix)
                    || matchesIgnoringCase(UnsafeRawBufferPointer(left), at: 0, bech32Prefix)
                    || left[0] == UInt8(ascii: "T") || left.count >= 6)
        }
        guard chunk.allSatisfy(isAlphanumeric) else { return false }
        let count = chunk.count
        if count >= 8, chunk[0] == UInt8(ascii: "0"), chunk[1] | 0x20 == UInt8(ascii: "x") {
            return chunk[2...].allSatisfy(isHexDigit)
        }
        if count == 64 && chunk.allSatisfy(isHexDigit) { return true }
        if count >= 14 && matchesIgnoringCase(UnsafeRawBufferPointer(chunk), at: 0, bech32Prefix) { return true }
        guard count >= 25, count <= 100 else { return false }
        return chunk.contains(where: isDigit) && chunk.contains(where: isLetter)
    }

    private static let hexPrefix: [UInt8] = Array("0x".utf8)
    private static let bech32Prefix: [UInt8] = Array("bc1".utf8)

    /// Splits `abc...xyz` or `abc…xyz` at the ellipsis.
    private static func elision(
        _ chunk: UnsafeBufferPointer<UInt8>
    ) -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)? {
        var index = 0
        while index + 2 < chunk.count {
            let isDots =
                chunk[index] == UInt8(ascii: ".") && chunk[index + 1] == UInt8(ascii: ".")
                && chunk[index + 2] == UInt8(ascii: ".")
            let isEllipsis = chunk[index] == 0xE2 && chunk[index + 1] == 0x80 && chunk[index + 2] == 0xA6
            if isDots || isEllipsis {
                var rightStart = index + 3
                while rightStart < chunk.count && chunk[rightStart] == UInt8(ascii: ".") { rightStart += 1 }
                return (
                    UnsafeBufferPointer(rebasing: chunk[..<index]), UnsafeBufferPointer(rebasing: chunk[rightStart...])
                )
            }
            index += 1
        }
        return nil
    }

    /// A number with a currency or a money unit: `100k`, `2tr5`, `1.000.000đ`, `$50`, `50$`,
    /// `0.5usdt`. Works on raw or folded bytes.
    static func isAmount(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        var index = 0
        var hasCurrency = false
        if count > 0 && bytes[0] == UInt8(ascii: "$") {
            index = 1
            hasCurrency = true
        } else if hasPrefix(bytes, dongSign) {
            index = dongSign.count
            hasCurrency = true
        }
        guard index < count, isDigit(bytes[index]) else { return false }
        var digits = 0
        while index < count {
            if isDigit(bytes[index]) {
                digits += 1
                index += 1
            } else if (bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","))
                && index + 1 < count && isDigit(bytes[index + 1])
            {
                index += 1
            } else {
                break
            }
        }
        if index == count { return hasCurrency }
        guard !hasCurrency || bytes[index] != UInt8(ascii: "$") else { return false }
        for unit in moneyUnits where matchesIgnoringCase(bytes, at: index, unit.bytes) {
            var end = index + unit.bytes.count
            if unit.takesDecimalDigit {
                // `2tr5`, `1k2`, `1m5`: a spoken decimal after the unit.
                var trailing = 0
                while end < count && isDigit(bytes[end]) && trailing < 3 {
                    end += 1
                    trailing += 1
                }
            }
            guard end == count else { continue }
            return digits >= unit.minimumDigits
        }
        return false
    }

    private struct MoneyUnit {
        var bytes: [UInt8]
        var takesDecimalDigit = false
        var minimumDigits = 1
    }

    /// Longest first, so `tr` is tried before `t`-less units and `usdt` before `usd` and `u`.
    private static let moneyUnits: [MoneyUnit] = [
        MoneyUnit(bytes: Array("triệu".utf8)), MoneyUnit(bytes: Array("trieu".utf8)),
        MoneyUnit(bytes: Array("đồng".utf8)), MoneyUnit(bytes: Array("dong".utf8)),
        MoneyUnit(bytes: Array("usdt".utf8)), MoneyUnit(bytes: Array("usdc".utf8)), MoneyUnit(bytes: Array("usd".utf8)),
        MoneyUnit(bytes: Array("vnđ".utf8)), MoneyUnit(bytes: Array("vnd".utf8)),
        MoneyUnit(bytes: Array("tỷ".utf8)), MoneyUnit(bytes: Array("tỉ".utf8)), MoneyUnit(bytes: Array("ty".utf8)),
        MoneyUnit(bytes: Array("tr".utf8), takesDecimalDigit: true),
        MoneyUnit(bytes: Array("k".utf8), takesDecimalDigit: true),
        MoneyUnit(bytes: Array("m".utf8), takesDecimalDigit: true), MoneyUnit(bytes: Array("đ".utf8)),
        MoneyUnit(bytes: Array("Đ".utf8)), MoneyUnit(bytes: dongSign), MoneyUnit(bytes: Array("$".utf8)),
        MoneyUnit(bytes: Array("u".utf8)),
        // `500d` is đồng, `7d` more often days.
        MoneyUnit(bytes: Array("d".utf8), minimumDigits: 3),
    ]

    private static let dongSign: [UInt8] = Array("₫".utf8)

    /// Digits with `.`/`,` between them: `123`, `0.5`, `1.000.000`.
    static func isNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let first = bytes.first, isDigit(first), let last = bytes.last, isDigit(last) else { return false }
        var previousWasSeparator = false
        for byte in bytes {
            if isDigit(byte) {
                previousWasSeparator = false
            } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !previousWasSeparator {
                previousWasSeparator = true
            } else {
                return false
            }
        }
        return true
    }

    // MARK: - Folding a span

    /// Lower-cases ASCII and folds the few non-ASCII letters an amount may hold; anything else
    /// non-ASCII is kept as is.
    private static func fold(_ chunk: UnsafeBufferPointer<UInt8>) -> (folded: String, plain: String) {
        var folded: [UInt8] = []
        var plain: [UInt8] = []
        folded.reserveCapacity(chunk.count)
        plain.reserveCapacity(chunk.count)
        var index = 0
        while index < chunk.count {
            let byte = chunk[index]
            if byte < 0x80 {
                folded.append(lowercase(byte))
                plain.append(lowercase(byte))
                index += 1
                continue
            }
            if let (sequence, foldedForm, plainForm) = foldedLetters.first(where: {
                matchesIgnoringCase(UnsafeRawBufferPointer(chunk), at: index, $0.0)
            }) {
                folded.append(contentsOf: foldedForm)
                plain.append(contentsOf: plainForm)
                index += sequence.count
                continue
            }
            folded.append(byte)
            plain.append(byte)
            index += 1
        }
        return (String(decoding: folded, as: UTF8.self), String(decoding: plain, as: UTF8.self))
    }

    private static let foldedLetters: [([UInt8], [UInt8], [UInt8])] = [
        (Array("đ".utf8), Array("đ".utf8), Array("d".utf8)), (Array("Đ".utf8), Array("đ".utf8), Array("d".utf8)),
        (Array("₫".utf8), Array("đ".utf8), Array("d".utf8)), (Array("ệ".utf8), Array("ệ".utf8), Array("e".utf8)),
        (Array("ỷ".utf8), Array("ỷ".utf8), Array("y".utf8)), (Array("ỉ".utf8), Array("ỉ".utf8), Array("i".utf8)),
        (Array("ồ".utf8), Array("ồ".utf8), Array("o".utf8)),
    ]

    // MARK: - Bytes

    /// The width of the whitespace character at `index`, or 0: ASCII spaces, NBSP, the Unicode
    /// spaces and zero-width space, line and paragraph separators, ideographic space.
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        let remaining = bytes.count - index
        if byte == 0xC2 && remaining >= 2 && bytes[index + 1] == 0xA0 { return 2 }
        guard remaining >= 3 else { return 0 }
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        if byte == 0xE2 && second == 0x80 && (third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF) {
            return 3
        }
        if byte == 0xE2 && second == 0x81 && third == 0x9F { return 3 }
        if byte == 0xE3 && second == 0x80 && third == 0x80 { return 3 }
        return 0
    }

    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ start: inout Int, _ end: inout Int) {
        while start < end {
            let byte = bytes[start]
            if leadingPunctuation.contains(byte) {
                start += 1
            } else if byte == 0xE2 && end - start >= 3 && bytes[start + 1] == 0x80
                && (bytes[start + 2] == 0x9C || bytes[start + 2] == 0x98)
            {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if trailingPunctuation.contains(byte) {
                end -= 1
            } else if end - start >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80
                && (bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 || bytes[end - 1] == 0xA6)
            {
                end -= 3
            } else {
                break
            }
        }
    }

    private static let leadingPunctuation: Set<UInt8> = Set("([{<\"'`*,;!?".utf8)
    private static let trailingPunctuation: Set<UInt8> = Set(")]}>\"'`*,;:!?.".utf8)

    private static func hostLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.firstIndex { !(isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")) } ?? bytes.count
    }

    /// The number of dot-separated labels when every label is non-empty, else 0.
    private static func hostLabels(_ host: UnsafeBufferPointer<UInt8>) -> Int {
        guard !host.isEmpty else { return 0 }
        var labels = 1
        var labelLength = 0
        for byte in host {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0 else { return 0 }
                labels += 1
                labelLength = 0
            } else {
                labelLength += 1
            }
        }
        return labelLength > 0 ? labels : 0
    }

    private static func endsWithAlphabeticLabel(_ host: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = host.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let label = host[(dot + 1)...]
        return label.count >= 2 && label.allSatisfy(isLetter)
    }

    private static func hasPrefix<C: Collection<UInt8>>(_ bytes: C, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { $0 == $1 }
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count && zip(bytes.suffix(suffix.count), suffix).allSatisfy { $0 == $1 }
    }

    private static func matchesIgnoringCase(_ bytes: UnsafeRawBufferPointer, at index: Int, _ pattern: [UInt8]) -> Bool
    {
        guard bytes.count - index >= pattern.count else { return false }
        for (offset, expected) in pattern.enumerated() where lowercase(bytes[index + offset]) != expected {
            return false
        }
        return true
    }

    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return isDigit(byte) || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f"))
    }
}
