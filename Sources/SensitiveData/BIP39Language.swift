/// The ten languages of the official BIP-39 wordlists.
///
/// The word texts live in the generated `BIP39Wordlists.swift`
/// (`Scripts/generate-bip39-wordlists.py`).
enum BIP39Language: Int, CaseIterable, Sendable {
    case english, japanese, korean, spanish, chineseSimplified, chineseTraditional, french, italian, czech,
        portuguese

    /// This language's bit in a word's language mask.
    var bit: UInt16 { 1 << UInt16(rawValue) }

    /// Whether one wrong word may be tolerated inside a phrase: the lists whose words are
    /// several letters long (a one-character Chinese word has no "near miss").
    var allowsNearMiss: Bool {
        switch self {
        case .chineseSimplified, .chineseTraditional: false
        default: true
        }
    }
}
