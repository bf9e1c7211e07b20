/// A message with its sensitive data replaced by markers such as `[SEED_PHRASE]`.
public struct Redaction: Sendable, Hashable {
    /// The redacted text: safe to log and to store.
    public var text: String
    /// The kind of each redacted piece, in the order they appear in the message (a kind repeats
    /// when it was found several times).
    public var kinds: [SensitiveKind]

    public init(text: String, kinds: [SensitiveKind]) {
        self.text = text
        self.kinds = kinds
    }

    /// Whether anything was redacted.
    public var isEmpty: Bool { kinds.isEmpty }

    /// Whether the message held a seed phrase or a private key of some form.
    public var containsWalletSecret: Bool { kinds.contains { $0.isWalletSecret } }
}
