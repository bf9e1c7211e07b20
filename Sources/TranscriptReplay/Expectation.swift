import SupportBot

/// What a transcript line says should happen; each part is optional and lists the acceptable values.
public struct Expectation: Sendable, Hashable {
    /// `expect_intent`: any of these intents is correct.
    public var intents: [String]?
    /// `expect_route`: any of these routes is correct.
    public var routes: [Route]?
    /// `expect_language`: any of these reply languages is correct.
    public var languages: [Language]?

    public init(intents: [String]? = nil, routes: [Route]? = nil, languages: [Language]? = nil) {
        self.intents = intents
        self.routes = routes
        self.languages = languages
    }

    /// True when the line expects nothing: the turn is only played.
    public var isEmpty: Bool { intents == nil && routes == nil && languages == nil }

    /// How a reply fares against this expectation.
    public func verdict(for reply: ReplayedTurn) -> Verdict {
        Verdict(
            intent: intents.map { reply.route != .clarify && reply.intent.map($0.contains) == true },
            route: routes.map { $0.contains(reply.route) },
            language: languages.map { $0.contains(reply.language) })
    }
}

/// Which expectations of one turn were met: `nil` where the line expected nothing.
public struct Verdict: Sendable, Hashable {
    /// The intent is one of `expect_intent` and the bot did not answer with a clarifying question.
    public var intent: Bool?
    public var route: Bool?
    public var language: Bool?

    /// True when every expectation present was met.
    public var passed: Bool { intent != false && route != false && language != false }

    /// How many expectations were met.
    public var metCount: Int { [intent, route, language].count { $0 == true } }

    /// The kinds that failed, in the order intent, route, language.
    public var failedKinds: [ExpectationKind] {
        ExpectationKind.allCases.filter { self[$0] == false }
    }

    public subscript(kind: ExpectationKind) -> Bool? {
        switch kind {
        case .intent: intent
        case .route: route
        case .language: language
        }
    }
}

/// The three things a transcript line can expect.
public enum ExpectationKind: String, Sendable, Hashable, CaseIterable {
    case intent, route, language

    /// The transcript field: `expect_intent`, `expect_route`, `expect_language`.
    public var field: String { "expect_" + rawValue }
}
