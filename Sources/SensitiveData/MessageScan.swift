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
    let tokens: [MessageToken]
    let summary: MessageSummary
    private(set) var findings: [Finding] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        (tokens, summary) = MessageTokenizer.tokenize(bytes)
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
}
