import Foundation

/// One turn of one conversation, as the engine saw it: the unit of the analytics log.
///
/// Every event is stored as one JSON object on one line (JSON Lines). The schema, version 1:
///
/// | key                 | type            | meaning                                                              |
/// |---------------------|-----------------|----------------------------------------------------------------------|
/// | `time`              | string          | when the turn was handled, ISO-8601 UTC, milliseconds: `2025-01-02T03:04:05.678Z` |
/// | `conversation`      | string          | conversation id, opaque                                              |
/// | `turn`              | integer         | 1-based turn number within the conversation                          |
/// | `language`          | string          | `vi`, `en` or `unknown`                                              |
/// | `route`             | string          | `answer`, `security`, `escalate`, `clarify` or `fallback`            |
/// | `intent`            | string, opt.    | matched intent id; absent when none matched                          |
/// | `confidence`        | number          | match confidence, 0...1                                              |
/// | `response_time_us`  | integer         | the engine's response time in microseconds                           |
/// | `escalation_reason` | string, opt.    | `human_request`, `not_understood`, `high_risk`, `frustration`, `complaint`, `satisfaction_no`, `security` |
/// | `satisfaction`      | string, opt.    | `yes` or `no` when this turn answered "did this help?"               |
/// | `message`           | string          | the user's message **after redaction**                               |
///
/// Optional keys are omitted when absent; readers also accept `null`. Unknown keys are ignored, so
/// later versions may add keys without breaking older readers.
///
/// ```json
/// {"time":"2025-01-02T03:04:05.678Z","conversation":"c1","turn":1,"language":"vi","route":"answer",
///  "intent":"withdrawal.pending","confidence":0.92,"response_time_us":180,"message":"rút tiền chưa về"}
/// ```
public struct ConversationEvent: Codable, Sendable, Hashable {
    /// When the turn was handled. Stored with millisecond precision.
    public var time: Date
    /// The conversation id.
    public var conversation: String
    /// The turn number within the conversation, starting at 1.
    public var turn: Int
    /// `vi`, `en` or `unknown`.
    public var language: String
    /// `answer`, `security`, `escalate`, `clarify` or `fallback`.
    public var route: String
    /// The matched intent id, if any.
    public var intent: String?
    /// The match confidence, 0...1.
    public var confidence: Double
    /// The engine's response time in microseconds (JSON key `response_time_us`).
    public var responseTimeMicroseconds: Int
    /// Why the conversation was handed to a human, on the turn that did it.
    public var escalationReason: String?
    /// `yes` or `no` when this turn answered "did this help?".
    public var satisfaction: String?
    /// The user's message after redaction.
    public var message: String

    public init(
        time: Date, conversation: String, turn: Int, language: String, route: String, intent: String? = nil,
        confidence: Double = 0, responseTimeMicroseconds: Int = 0, escalationReason: String? = nil,
        satisfaction: String? = nil, message: String
    ) {
        self.time = time
        self.conversation = conversation
        self.turn = turn
        self.language = language
        self.route = route
        self.intent = intent
        self.confidence = confidence
        self.responseTimeMicroseconds = responseTimeMicroseconds
        self.escalationReason = escalationReason
        self.satisfaction = satisfaction
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case time, conversation, turn, language, route, intent, confidence
        case responseTimeMicroseconds = "response_time_us"
        case escalationReason = "escalation_reason"
        case satisfaction, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let timeText = try container.decode(String.self, forKey: .time)
        guard let time = EventTimeFormat.parse(timeText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .time, in: container, debugDescription: "'\(timeText)' is not an ISO-8601 time")
        }
        self.time = time
        conversation = try container.decode(String.self, forKey: .conversation)
        turn = try container.decode(Int.self, forKey: .turn)
        language = try container.decode(String.self, forKey: .language)
        route = try container.decode(String.self, forKey: .route)
        intent = try container.decodeIfPresent(String.self, forKey: .intent)
        confidence = try container.decode(Double.self, forKey: .confidence)
        responseTimeMicroseconds = try container.decode(Int.self, forKey: .responseTimeMicroseconds)
        escalationReason = try container.decodeIfPresent(String.self, forKey: .escalationReason)
        satisfaction = try container.decodeIfPresent(String.self, forKey: .satisfaction)
        message = try container.decode(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(EventTimeFormat.format(time), forKey: .time)
        try container.encode(conversation, forKey: .conversation)
        try container.encode(turn, forKey: .turn)
        try container.encode(language, forKey: .language)
        try container.encode(route, forKey: .route)
        try container.encodeIfPresent(intent, forKey: .intent)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(responseTimeMicroseconds, forKey: .responseTimeMicroseconds)
        try container.encodeIfPresent(escalationReason, forKey: .escalationReason)
        try container.encodeIfPresent(satisfaction, forKey: .satisfaction)
        try container.encode(message, forKey: .message)
    }
}

extension ConversationEvent {
    /// The event as one JSON Lines record: compact JSON in the schema's key order, then `"\n"`.
    ///
    /// Written by hand rather than with `JSONEncoder` so the keys keep the documented order
    /// (`time` first) and a line costs one string build.
    /// Whether this turn handed the conversation to a human: an `escalate` route, or a security
    /// warning that also hands over (it carries an escalation reason).
    public var handsOver: Bool { route == "escalate" || escalationReason != nil }

    public func jsonLine() -> Data {
        var line = "{\"time\":\"\(EventTimeFormat.format(time))\""
        line += ",\"conversation\":" + JSONStringLiteral.quoted(conversation)
        line += ",\"turn\":\(turn)"
        line += ",\"language\":" + JSONStringLiteral.quoted(language)
        line += ",\"route\":" + JSONStringLiteral.quoted(route)
        if let intent { line += ",\"intent\":" + JSONStringLiteral.quoted(intent) }
        line += ",\"confidence\":" + (confidence.isFinite ? "\(confidence)" : "0")
        line += ",\"response_time_us\":\(responseTimeMicroseconds)"
        if let escalationReason { line += ",\"escalation_reason\":" + JSONStringLiteral.quoted(escalationReason) }
        if let satisfaction { line += ",\"satisfaction\":" + JSONStringLiteral.quoted(satisfaction) }
        line += ",\"message\":" + JSONStringLiteral.quoted(message) + "}\n"
        return Data(line.utf8)
    }
}
