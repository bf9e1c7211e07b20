/// A kind of secret or personal data that the scanner finds and redacts.
///
/// The raw value is the word inside the redaction marker, so `"[\(kind.rawValue)]"` is
/// what replaces the data in redacted text.
public enum SensitiveKind: String, Sendable, Codable, CaseIterable {
    /// 12 or more consecutive words of one BIP-39 wordlist.
    case seedPhrase = "SEED_PHRASE"
    /// 64 hexadecimal digits (optionally `0x`-prefixed) outside a transaction-hash context.
    case privateKey = "PRIVATE_KEY"
    /// A BIP-32 extended private key: `xprv`, `yprv`, `zprv`, `tprv`... then base58.
    case extendedPrivateKey = "XPRV"
    /// A Wallet Import Format private key: base58, 51 characters from `5` or 52 from `K`/`L`.
    case wif = "WIF"
    /// 13–19 digits that pass the Luhn check, grouped by spaces or dashes or not at all.
    case cardNumber = "CARD_NUMBER"
    case email = "EMAIL"
    /// A Vietnamese mobile number or an international number written with `+`.
    case phone = "PHONE"
    /// A one-time code (4–8 digits) given after a word like "code", "OTP" or "mã".
    case oneTimeCode = "CODE"
    /// A password given after a word like "password", "mật khẩu" or "mk".
    case password = "PASSWORD"

    /// Whether this kind gives control of funds: a message holding one must trigger the security
    /// warning, whatever else it asks.
    public var isWalletSecret: Bool {
        switch self {
        case .seedPhrase, .privateKey, .extendedPrivateKey, .wif: true
        case .cardNumber, .email, .phone, .oneTimeCode, .password: false
        }
    }

    /// The text that replaces data of this kind in a redaction: `[SEED_PHRASE]`, `[EMAIL]`...
    public var marker: String { "[\(rawValue)]" }
}
