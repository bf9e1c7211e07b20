/// The languages SupportBot answers in.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    case vi
    case en
    case unknown
}
