/// What a token is, beyond a plain word.
public enum TokenKind: String, Sendable, Codable, Hashable {
    case word
    case number
    /// An amount of money: `1.000.000đ`, `100k`, `2tr`, `50$`.
    case amount
    /// A crypto ticker or network: `usdt`, `trc20`, `bep-20`.
    case ticker
    /// A wallet address or a transaction hash.
    case address
    case url
    case email
}

/// One unit of a message as the matcher sees it.
public struct Token: Sendable, Hashable {
    /// The text exactly as typed (case and diacritics kept).
    public var text: String
    /// Case-folded, diacritics kept.
    public var folded: String
    /// Diacritic-free form after Telex/VNI repair and abbreviation expansion; may hold several
    /// words (`tk` → `tai khoan`).
    public var plain: String
    public var kind: TokenKind

    public init(text: String, folded: String, plain: String, kind: TokenKind) {
        self.text = text
        self.folded = folded
        self.plain = plain
        self.kind = kind
    }

    /// Whether `plain` is just `folded` without marks, i.e. the token was neither repaired nor
    /// expanded; only then do the user's diacritics say something about the word.
    public var keepsTypedForm: Bool { ICUText.fold(folded, strippingMarks: true) == plain }
}
