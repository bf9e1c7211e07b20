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
    /// The text exactly as typed (case and diacritics kept). Take addresses, codes and amounts
    /// from here: Tron and other base58 addresses are case-sensitive.
    public var text: String
    /// Case-folded (NFKC case fold), diacritics kept: `Rút` → `rút`, `ＵＳＤＴ` → `usdt`.
    public var folded: String
    /// Lower case, diacritic-free (`đ` → `d`), after Telex/VNI repair and abbreviation expansion;
    /// may hold several words separated by single spaces (`tk` → `tai khoan`). What patterns match.
    public var plain: String
    /// The word as the user meant it, with diacritics where they are known: the repair
    /// (`ruts` → `rút`), the expansion (`tk` → `tài khoản`), otherwise `folded`.
    public var intended: String
    public var kind: TokenKind
    /// True when `plain` is exactly `folded` without marks: the token was neither repaired nor
    /// expanded, so the diacritics in `folded` are the user's own and say which word they meant.
    public var isAsTyped: Bool

    public init(
        text: String, folded: String, plain: String, kind: TokenKind, intended: String? = nil, isAsTyped: Bool = true
    ) {
        self.text = text
        self.folded = folded
        self.plain = plain
        self.intended = intended ?? folded
        self.kind = kind
        self.isAsTyped = isAsTyped
    }

    /// The former name of ``isAsTyped``.
    public var keepsTypedForm: Bool { isAsTyped }
}
