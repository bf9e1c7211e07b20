import IntentMatching
import SupportContent

/// Why a reply was chosen, kept in parts and put into words only when someone reads it: most
/// replies are never explained, and the words cost as much as matching a short message.
///
/// Only the rarer cases are boxed: `match`, which most replies carry, is stored in place, for
/// boxing it allocated (and later freed) a box on every answer.
public enum ReplyExplanation: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    case text(String)
    /// The pattern that decided.
    case match(MatchExplanation)
    /// Nothing was confident enough; the best candidate, if any, is named.
    indirect case notReached(String, nearest: IntentCandidate?)
    /// The candidates a clarifying question offers.
    case closeCandidates([IntentCandidate])
    indirect case escalated(EscalationReason, ReplyExplanation)

    public init(stringLiteral text: String) {
        self = .text(text)
    }

    public var description: String {
        switch self {
        case .text(let text):
            return text
        case .match(let match):
            return match.description
        case .notReached(let text, let nearest):
            guard let nearest else { return text }
            return text + " (nearest: \(nearest.intentID) \(Self.twoDecimals(nearest.confidence)))"
        case .closeCandidates(let candidates):
            return "close candidates: "
                + candidates.map { "\($0.intentID) \(Self.twoDecimals($0.confidence))" }.joined(separator: ", ")
        case .escalated(let reason, let explanation):
            return "escalated (\(reason.rawValue)): " + explanation.description
        }
    }

    /// "0.83": without Foundation's `String(format:)`, which is slow and locale-bound.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((max(0, value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
