/// One scan of one message: its bytes, tokens, and what has been found so far.
///
/// The detectors are facets in `MessageScan+*.swift`. They run in priority order (wallet
/// secrets, e-mails, cards, phones, codes and passwords) and a later detector never claims
/// bytes an earlier one has claimed.
struct MessageScan {
    /// A finding as UTF-8 byte offsets into the message.
    struct Finding {
        var kind: SensitiveKind
        var lower: Int
        var upper: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: UnsafeBufferPointer<MessageToken>
    let summary: MessageSummary
    private(set) var findings: [Finding] = []

    /// Tokenizes `bytes` into `tokenStorage`, which must hold
    /// `MessageTokenizer.capacity(forByteCount: bytes.count)` tokens and outlive the scan.
    init(bytes: UnsafeBufferPointer<UInt8>, tokenStorage: UnsafeMutableBufferPointer<MessageToken>) {
        self.bytes = bytes
        let (count, summary) = MessageTokenizer.tokenize(bytes, into: tokenStorage)
        self.tokens = UnsafeBufferPointer(rebasing: tokenStorage[0..<count])
        self.summary = summary
    }

    var count: Int { bytes.count }

    /// Records a finding unless it overlaps one already made.
    @discardableResult
    mutating func add(_ kind: SensitiveKind, _ lower: Int, _ upper: Int) -> Bool {
        guard lower < upper, !overlaps(lower, upper) else { return false }
        findings.append(Finding(kind: kind, lower: lower, upper: upper))
        return true
    }

    func overlaps(_ lower: Int, _ upper: Int) -> Bool {
        findings.contains { $0.lower < upper && lower < $0.upper }
    }

    /// The findings in text order.
    var sortedFindings: [Finding] { findings.sorted { $0.lower < $1.lower } }

    func slice(_ lower: Int, _ upper: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    func slice(_ token: MessageToken) -> UnsafeBufferPointer<UInt8> { slice(token.start, token.end) }

    /// The token folded for keyword comparisons (`Mật` → `mat`); empty for long tokens, which are
    /// never keywords.
    func folded(_ tokenIndex: Int) -> String {
        let token = tokens[tokenIndex]
        guard token.length <= 24 else { return "" }
        return WordFolding.fold(slice(token))
    }

    /// The token folded like `folded(_:)`, packed by `Packed.word` when that gives 1–8 ASCII
    /// bytes, else 0: for keyword tests on every token, without building strings.
    func packedFold(_ tokenIndex: Int) -> UInt64 {
        let token = tokens[tokenIndex]
        if token.isASCII {  // most tokens: a byte per letter, nothing to decode
            guard token.length <= 8 else { return 0 }
            var packed: UInt64 = 0
            for offset in 0..<token.length {
                packed |= UInt64(ASCII.lowercased(bytes[token.start + offset])) << UInt64(8 * offset)
            }
            return packed
        }
        guard token.length <= 24 else { return 0 }
        var packed: UInt64 = 0
        var shift: UInt64 = 0
        var index = token.start
        while index < token.end {
            let folded: UInt8
            if bytes[index] < 0x80 {
                folded = ASCII.lowercased(bytes[index])
                index += 1
            } else {
                let (value, width) = UTF8Scalar.decode(bytes, at: index)
                index += width
                if value >= 0x0300 && value <= 0x036F { continue }  // a combining mark
                if let base = WordFolding.base(of: value) {
                    folded = base
                } else if value >= 0xFF01 && value <= 0xFF5E {  // full-width ASCII
                    folded = ASCII.lowercased(UInt8(value - 0xFF01 + 0x21))
                } else {
                    return 0
                }
            }
            guard shift < 64 else { return 0 }
            packed |= UInt64(folded) << shift
            shift += 8
        }
        return packed
    }
}

/// Short ASCII words as integers, for comparisons that allocate nothing.
enum Packed {
    /// The bytes of `word` (at most eight, ASCII) little-endian in a `UInt64`: `"ab"` → `0x6261`.
    ///
    /// Always inlined: on a literal the compiler then folds the whole call into a constant.
    @inline(__always)
    static func word(_ word: StaticString) -> UInt64 {
        precondition(word.utf8CodeUnitCount <= 8)
        var packed: UInt64 = 0
        for offset in 0..<word.utf8CodeUnitCount { packed |= UInt64(word.utf8Start[offset]) << UInt64(8 * offset) }
        return packed
    }
}
