import TextNormalization

/// Encoded as a conversation always was, with `intentsSeen` and `recentMessages` as lists,
/// whatever `Conversation` keeps them in.
extension Conversation: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, language, pinnedLanguage, turn, consecutiveFallbacks, pendingQuestion, intentsSeen, recentMessages
        case isEscalated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        language = try container.decode(Language.self, forKey: .language)
        pinnedLanguage = try container.decodeIfPresent(Language.self, forKey: .pinnedLanguage)
        turn = try container.decode(Int.self, forKey: .turn)
        consecutiveFallbacks = try container.decode(Int.self, forKey: .consecutiveFallbacks)
        pendingQuestion = try container.decodeIfPresent(Question.self, forKey: .pendingQuestion)
        intentsSeen = try container.decode([String].self, forKey: .intentsSeen)
        recentMessages = try container.decode([String].self, forKey: .recentMessages)
        isEscalated = try container.decode(Bool.self, forKey: .isEscalated)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(language, forKey: .language)
        try container.encodeIfPresent(pinnedLanguage, forKey: .pinnedLanguage)
        try container.encode(turn, forKey: .turn)
        try container.encode(consecutiveFallbacks, forKey: .consecutiveFallbacks)
        try container.encodeIfPresent(pendingQuestion, forKey: .pendingQuestion)
        try container.encode(intentsSeen, forKey: .intentsSeen)
        try container.encode(recentMessages, forKey: .recentMessages)
        try container.encode(isEscalated, forKey: .isEscalated)
    }
}
