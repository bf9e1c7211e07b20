import SupportBot

/// What the engine did with one replayed message: the parts of a ``Reply`` that replay scores and reports.
public struct ReplayedTurn: Sendable, Hashable {
    public var intent: String?
    public var route: Route
    public var confidence: Double
    public var language: Language
    public var escalationReason: EscalationReason?
    public var satisfaction: Bool?
    /// Which rule and pattern decided.
    public var explanation: String
    /// The intents a clarifying question offered.
    public var clarificationOptions: [String]
    /// The message as it may be stored (secrets replaced by markers).
    public var redactedMessage: String

    public init(
        intent: String?, route: Route, confidence: Double, language: Language,
        escalationReason: EscalationReason? = nil, satisfaction: Bool? = nil, explanation: String = "",
        clarificationOptions: [String] = [], redactedMessage: String = ""
    ) {
        self.intent = intent
        self.route = route
        self.confidence = confidence
        self.language = language
        self.escalationReason = escalationReason
        self.satisfaction = satisfaction
        self.explanation = explanation
        self.clarificationOptions = clarificationOptions
        self.redactedMessage = redactedMessage
    }

    public init(_ reply: Reply) {
        self.init(
            intent: reply.intent, route: reply.route, confidence: reply.confidence, language: reply.language,
            escalationReason: reply.escalationReason, satisfaction: reply.satisfaction,
            explanation: reply.explanation, clarificationOptions: reply.clarificationOptions,
            redactedMessage: reply.redactedMessage)
    }

    /// The label per-intent scores and confusions use: the intent, `(clarify)` for a clarifying
    /// question, `(none)` when no intent decided.
    public var label: String {
        if route == .clarify { return Self.clarifyLabel }
        return intent ?? Self.noIntentLabel
    }

    public static let clarifyLabel = "(clarify)"
    public static let noIntentLabel = "(none)"

    /// `intent route confidence`, e.g. `withdrawal.pending answer 0.82`.
    public var summary: String {
        "\(intent ?? "-") \(route.rawValue) \(formatConfidence(confidence))"
    }
}

/// Two decimals: enough to tell matches apart in a report.
func formatConfidence(_ value: Double) -> String {
    String(format: "%.2f", value)
}

/// The deflection rule shared by transcript and log replay.
///
/// A conversation is deflected when it got at least one `answer` or `security` route, never an
/// `escalate` route, and no reply with an escalation reason (a security intent marked `escalate`
/// warns and hands over in the same reply).
public func isDeflected(routes: [Route], escalated: Bool) -> Bool {
    !escalated && !routes.contains(.escalate) && routes.contains { $0 == .answer || $0 == .security }
}
