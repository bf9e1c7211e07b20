/// The keys of the system sentences every locale must define (`messages:` in `locales/*.yaml`).
public enum SystemMessage: String, Sendable, CaseIterable {
    case greeting
    case fallback
    case fallbackTopics = "fallback_topics"
    case clarify
    case clarifyOption = "clarify_option"
    case clarifyHint = "clarify_hint"
    case handoff
    case satisfactionQuestion = "satisfaction_question"
    case satisfactionThanks = "satisfaction_thanks"
    case satisfactionSorry = "satisfaction_sorry"
    case humanOfferDeclined = "human_offer_declined"
    case frustration
    case messageTruncated = "message_truncated"
    case emptyMessage = "empty_message"
    case languageSwitched = "language_switched"
    case help
    case secretRedactedNote = "secret_redacted_note"
}

/// Why a conversation went to a human; each has a sentence under `messages.handoff_reasons`.
public enum EscalationReason: String, Sendable, Codable, CaseIterable, Hashable {
    case humanRequest = "human_request"
    case notUnderstood = "not_understood"
    case highRisk = "high_risk"
    case frustration
    case complaint
    case satisfactionNo = "satisfaction_no"
    case security

    /// The key of its sentence in a locale's messages.
    public var messageKey: String { "handoff_reasons." + rawValue }
}
