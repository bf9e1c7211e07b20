/// Finds and redacts secrets and personal data in a user's message, before anything is logged.
///
/// ```swift
/// let scanner = SensitiveDataScanner()
/// let redaction = scanner.redact("my phrase: abandon ability able ... (12 words), email a@b.com")
/// redaction.text    // "my phrase: [SEED_PHRASE], email [EMAIL]"
/// redaction.kinds   // [.seedPhrase, .email]
/// scanner.walletSecret(in: text)  // .seedPhrase: the engine must warn
/// ```
///
/// The scan works on the message's UTF-8 bytes in a few linear passes, with early exits (fewer
/// than 12 tokens: no seed phrase; fewer than 13 digits: no card; no `@`: no e-mail), and no
/// regular expressions. The BIP-39 wordlists are embedded in the binary and indexed once per
/// process, when the first scanner is made (about 20 million instructions, a few milliseconds;
/// about 2 MB). A value: cheap to copy, safe to share between tasks.
///
/// The engine needs one call per message: `redact(_:)` gives the safe text, and
/// `Redaction.containsWalletSecret` says whether to warn. `walletSecret(in:)` is the cheaper
/// check when nothing is logged.
///
/// What each kind matches is documented on the detectors (`MessageScan+*.swift`) and on
/// `SensitiveKind`.
public struct SensitiveDataScanner: Sendable {
    let index: BIP39Index

    /// A scanner over the ten embedded BIP-39 wordlists.
    public init() {
        index = .shared
    }

    /// The sensitive data in `text`, in text order, without overlaps.
    public func findings(in text: String) -> [SensitiveFinding] {
        let found = scan(text, walletSecretsOnly: false).findings
        let utf8 = text.utf8
        return found.map { finding in
            let lower = utf8.index(utf8.startIndex, offsetBy: finding.lower)
            let upper = utf8.index(lower, offsetBy: finding.upper - finding.lower)
            return SensitiveFinding(kind: finding.kind, range: lower..<upper)
        }
    }

    /// `text` with each piece of sensitive data replaced by its kind's marker (`[EMAIL]`...).
    ///
    /// - Complexity: O(n) in the length of `text`; no copy when there is nothing to redact.
    public func redact(_ text: String) -> Redaction {
        redactCountingCapitals(text).redaction
    }

    /// `redact(_:)`, and at least how many capital letters `text` holds: its A–Z bytes and its
    /// scalars beyond ASCII, outside separators. Counted while the scan reads the bytes, for the
    /// dialogue policy's shouting check, which had read them all once more.
    package func redactCountingCapitals(_ text: String) -> (redaction: Redaction, possibleCapitals: Int) {
        let (found, summary) = scan(text, walletSecretsOnly: false)
        guard !found.isEmpty else { return (Redaction(text: text, kinds: []), summary.possibleCapitals) }
        var copy = text
        let redacted = copy.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16 * found.count)
            var position = 0
            for finding in found {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<finding.lower]))
                output.append(contentsOf: finding.kind.marker.utf8)
                position = finding.upper
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return String(decoding: output, as: UTF8.self)
        }
        return (Redaction(text: redacted, kinds: found.map(\.kind)), summary.possibleCapitals)
    }

    /// The kind of the first wallet secret in `text` (seed phrase, private key, WIF, extended
    /// private key), or nil: the engine's check for the security warning, run on every message.
    ///
    /// Skips the search for cards, e-mails, phones, codes and passwords.
    public func walletSecret(in text: String) -> SensitiveKind? {
        scan(text, walletSecretsOnly: true).findings.first?.kind
    }

    /// The findings as byte offsets, in text order, and what the tokenizer learnt of the message.
    func scan(_ text: String, walletSecretsOnly: Bool) -> (findings: [MessageScan.Finding], summary: MessageSummary) {
        guard !text.isEmpty else { return ([], MessageSummary()) }
        // A native string's bytes are read in place: the mutable copy `withUTF8` needs cost a
        // retain and a release on every message. Others (bridged, say) are made native first.
        if let scanned = text.utf8.withContiguousStorageIfAvailable({ scan($0, walletSecretsOnly: walletSecretsOnly) })
        {
            return scanned
        }
        var copy = text
        return copy.withUTF8 { scan($0, walletSecretsOnly: walletSecretsOnly) }
    }

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, walletSecretsOnly: Bool
    ) -> (findings: [MessageScan.Finding], summary: MessageSummary) {
        // Tokens live on the stack for ordinary messages (the runtime moves big ones to the heap).
        withUnsafeTemporaryAllocation(
            of: MessageToken.self, capacity: MessageTokenizer.capacity(forByteCount: bytes.count)
        ) { tokenStorage in
            var scan = MessageScan(bytes: bytes, tokenStorage: tokenStorage)
            scan.findKeyMaterial()
            scan.findSeedPhrases(index: index)
            if !walletSecretsOnly {
                scan.findEmails()
                scan.findCardNumbers()
                scan.findPhoneNumbers()
                scan.findCredentials()
            }
            return (scan.findings.isEmpty ? [] : scan.sortedFindings, scan.summary)
        }
    }
}
