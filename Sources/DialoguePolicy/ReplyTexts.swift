import SupportContent
import TextNormalization

/// The sentences and intent facts replies are made of, read from the content once when the
/// policy is built.
///
/// Reading them from `BotContent` on every message copied the intent's whole definition and the
/// locale, and filled the same templates again: thousands of instructions per reply.
struct ReplyTexts: Sendable {
    /// What a reply needs of an intent.
    struct IntentFacts: Sendable {
        var asksSatisfaction: Bool
        var escalates: Bool
        var route: IntentRoute
        var priority: Int
        var location: SourceLocation
        /// The hand-off reason the intent gives when it escalates by its route (`.highRisk` for
        /// an intent of another route, which never reads it).
        var escalationReason: EscalationReason
    }

    /// Intent id → its position in `facts`: a byte-hashed table, then the dictionary for an id
    /// spelled in other but equivalent bytes (the table found about a quarter of the cost).
    private let table: WordTable
    private let positions: [String: Int]
    /// Per intent of the content, in its order (`IntentCandidate.intentNumber`): its id and its
    /// position in `facts`, so that a candidate's answer is found without hashing its id.
    private let intentIDs: [String]
    private let positionsOfIntents: [Int32]
    private let facts: [IntentFacts]
    /// Per intent position, per language slot (`position * slotCount + slot`): its answer, or
    /// nil when it has none in that language. One flat array rather than one per intent, which
    /// had cost an allocation per intent (10,000 of them in the largest benchmark content).
    private let answers: [String?]
    /// Per intent position below `replies.count / slotCount`, per language slot: the text of
    /// the reply the intent gives by its route when matching decides for it (`routeReply`): an
    /// answer already joined with "did this help?" when the intent asks, a security warning with
    /// its hand-off when it escalates, an escalation with the hand-off for its reason. Only for
    /// the first intents whose joined copies fit `joinedReplyBudget`: joining per reply was
    /// about 900 instructions (an allocation and two copies), and joining every intent up front
    /// took 6.5 MB at 10,000 intents.
    private let replies: [String]
    /// Per language slot: the security warning for a message holding a wallet secret.
    private let secretWarnings: [String]
    /// The position in `facts` of the language switch intent, or -1.
    private let languageSwitchPosition: Int32
    /// Per language slot, per `SystemMessage` (in `allCases` order): the sentence as
    /// `BotContent.message` gives it without values.
    private let messages: [[String]]
    /// `messages` after a blank line, for sentences added after another text ("did this help?"
    /// after an answer): one join per reply rather than two.
    private let messageSuffixes: [[String]]
    /// Per language slot, per `EscalationReason` (in `allCases` order): the hand-off sentence, filled.
    private let handoffs: [[String]]
    /// `handoffs` after a blank line.
    private let handoffSuffixes: [[String]]
    /// Per language slot: what follows an answer that asks "did this help?" (in
    /// `messageSuffixes` too, but found there by a search of `SystemMessage.allCases`).
    private let satisfactionSuffixes: [String]
    /// Per language slot: the fallback sentence with its topics filled.
    private let fallbacks: [String]

    init(_ content: BotContent) {
        let languages = Language.allCases
        // When every id is different (always, in content that loads), each intent's facts are at
        // its own position, and the content's dictionary of positions is this one: shared rather
        // than built again, a fifth of this initializer at 10,000 intents.
        let idsAreUnique = content.intentPositions.count == content.intents.count
        var positions: [String: Int] = idsAreUnique ? content.intentPositions : [:]
        var facts: [IntentFacts] = []
        var answers: [String?] = []
        var intentIDs: [String] = []
        var positionsOfIntents: [Int32] = []
        if !idsAreUnique { positions.reserveCapacity(content.intents.count) }
        facts.reserveCapacity(content.intents.count)
        answers.reserveCapacity(content.intents.count * Self.slotCount)
        intentIDs.reserveCapacity(content.intents.count)
        positionsOfIntents.reserveCapacity(content.intents.count)
        // By index, the fields read in place: a copy of each intent's whole definition retained
        // and released every one of its strings and arrays (a sixth of this initializer).
        for index in content.intents.indices {
            let id = content.intents[index].id
            intentIDs.append(id)
            // The first intent of an id keeps it: one lookup when the id is new.
            if !idsAreUnique, let earlier = positions.updateValue(facts.count, forKey: id) {
                positions[id] = earlier
                positionsOfIntents.append(Int32(earlier))
                continue
            }
            positionsOfIntents.append(Int32(facts.count))
            // Filled by walking the few entries of each dictionary rather than asking it for every
            // language slot: hashing the languages was a third of this initializer.
            let first = answers.count
            for _ in 0..<Self.slotCount { answers.append(nil) }
            for (language, answer) in content.answers[id] ?? [:] { answers[first + Self.slot(language)] = answer }
            facts.append(
                IntentFacts(
                    asksSatisfaction: content.intents[index].asksSatisfaction,
                    escalates: content.intents[index].escalates, route: content.intents[index].route,
                    priority: content.intents[index].priority, location: content.intents[index].location,
                    // Only escalation intents give one: comparing every id with the catalog's cost
                    // compiling two string comparisons an intent.
                    escalationReason: content.intents[index].route == .escalate
                        ? DialoguePolicy.escalationReason(of: id) : .highRisk))
        }
        var ids = [String](repeating: "", count: facts.count)
        for (id, position) in positions { ids[position] = id }
        table = WordTable(ids)
        self.positions = positions
        self.facts = facts
        self.answers = answers
        self.intentIDs = intentIDs
        self.positionsOfIntents = positionsOfIntents
        let messages = languages.map { language in
            SystemMessage.allCases.map { content.message($0, in: language) }
        }
        self.messages = messages
        let messageSuffixes = messages.map { $0.map { "\n\n" + $0 } }
        self.messageSuffixes = messageSuffixes
        let question = SystemMessage.allCases.firstIndex(of: .satisfactionQuestion)!
        satisfactionSuffixes = messageSuffixes.map { $0[question] }
        let handoffs = languages.map { language in
            EscalationReason.allCases.map { reason in
                content.message(.handoff, in: language, ["reason": content.message(reason.messageKey, in: language)])
            }
        }
        self.handoffs = handoffs
        handoffSuffixes = handoffs.map { $0.map { "\n\n" + $0 } }
        fallbacks = languages.map { language in
            content.message(.fallback, in: language, ["topics": content.message(.fallbackTopics, in: language)])
        }
        var replies: [String] = []
        var joinedBytes = 0
        for position in facts.indices {
            let first = replies.count
            for slot in 0..<Self.slotCount {
                let answer = answers[position * Self.slotCount + slot]
                let text = Self.routeReply(
                    answer ?? "", route: facts[position].route, asksSatisfaction: facts[position].asksSatisfaction,
                    escalates: facts[position].escalates, escalationReason: facts[position].escalationReason,
                    slot: slot, satisfactionSuffixes: satisfactionSuffixes, handoffs: handoffs,
                    handoffSuffixes: handoffSuffixes)
                // What a joined copy costs; an answer used as it is shares the content's text.
                if text.utf8.count != answer?.utf8.count { joinedBytes += text.utf8.count }
                replies.append(text)
            }
            if joinedBytes > Self.joinedReplyBudget {
                replies.removeSubrange(first...)
                break
            }
        }
        self.replies = replies
        languageSwitchPosition = positions[DialoguePolicy.CatalogIntent.languageSwitch].map { Int32($0) } ?? -1
        let secretShared = positions[DialoguePolicy.CatalogIntent.secretShared]
        secretWarnings = languages.map { language in
            let slot = Self.slot(language)
            let answer = secretShared.flatMap { answers[$0 * Self.slotCount + slot] } ?? ""
            return answer + messageSuffixes[slot][SystemMessage.allCases.firstIndex(of: .secretRedactedNote)!]
        }
    }

    /// How many bytes of joined replies `replies` may hold: all of a content of a few hundred
    /// intents (the shipped one's are about 100 KB), a small part of one of 10,000.
    static let joinedReplyBudget = 512 * 1024

    /// The text of the reply an intent gives by its route when matching decides for it, from
    /// its answer in a language slot: as `reply`, `securityReply` and `escalationReply` join
    /// them. Given the intent's fields, not its `IntentFacts`, whose copy retained its file name.
    private static func routeReply(
        _ answer: String, route: IntentRoute, asksSatisfaction: Bool, escalates: Bool,
        escalationReason: EscalationReason, slot: Int, satisfactionSuffixes: [String], handoffs: [[String]],
        handoffSuffixes: [[String]]
    ) -> String {
        switch route {
        case .answer:
            return asksSatisfaction ? answer + satisfactionSuffixes[slot] : answer
        case .security:
            let security = EscalationReason.allCases.firstIndex(of: .security)!
            return escalates ? answer + handoffSuffixes[slot][security] : answer
        case .escalate:
            let reason = EscalationReason.allCases.firstIndex(of: escalationReason)!
            return answer.isEmpty ? handoffs[slot][reason] : answer + handoffSuffixes[slot][reason]
        }
    }

    func intent(_ id: String) -> IntentFacts? { position(id).map { facts[$0] } }

    @inline(__always)
    private func position(_ id: String) -> Int? { table[id] ?? positions[id] }

    /// `position(id)` for a candidate's intent (`IntentCandidate.intentNumber`): read by its
    /// number when the id there is `id` (the same string, compared in a few instructions), so
    /// that a number from other content, or -1, falls back to the lookup.
    @inline(__always)
    private func position(_ id: String, intentNumber: Int32) -> Int? {
        let number = Int(intentNumber)
        guard number >= 0, number < intentIDs.count, intentIDs[number] == id else { return position(id) }
        return Int(positionsOfIntents[number])
    }

    /// Whether `id` is the language switch intent: by its number when it has one (as
    /// `position(_:intentNumber:)`), for comparing the ids cost an answer about 50 instructions.
    func isLanguageSwitch(_ id: String, intentNumber: Int32) -> Bool {
        let number = Int(intentNumber)
        guard number >= 0, number < intentIDs.count, intentIDs[number] == id else {
            return id == DialoguePolicy.CatalogIntent.languageSwitch
        }
        return positionsOfIntents[number] == languageSwitchPosition
    }

    /// The intent's answer in `language`, or "" when it has none.
    func answer(_ id: String, in language: Language) -> String {
        guard let position = position(id) else { return "" }
        return answers[position * Self.slotCount + Self.slot(language)] ?? ""
    }

    /// An answer as a reply gives it: with "did this help?" after it when the intent asks, and
    /// whether it does; nil for an intent the content does not have.
    ///
    /// Joined up front for the intents `replies` covers, per reply for the others.
    func reply(_ id: String, intentNumber: Int32 = -1, in language: Language) -> (
        text: String, asksSatisfaction: Bool
    )? {
        guard let position = position(id, intentNumber: intentNumber) else { return nil }
        // Fields read in place: a copy of the whole `IntentFacts` retained and released its arrays.
        let slot = Self.slot(language)
        if facts[position].route == .answer, position * Self.slotCount < replies.count {
            return (replies[position * Self.slotCount + slot], facts[position].asksSatisfaction)
        }
        let answer = answers[position * Self.slotCount + slot] ?? ""
        guard facts[position].asksSatisfaction else { return (answer, false) }
        return (answer + satisfactionSuffixes[slot], true)
    }

    /// A security warning's text: the answer, then the security hand-off when the intent
    /// escalates, and whether it does; "" and false for an intent the content does not have.
    func securityReply(_ id: String, intentNumber: Int32 = -1, in language: Language) -> (
        text: String, escalates: Bool
    ) {
        guard let position = position(id, intentNumber: intentNumber) else { return ("", false) }
        let slot = Self.slot(language)
        if facts[position].route == .security, position * Self.slotCount < replies.count {
            return (replies[position * Self.slotCount + slot], facts[position].escalates)
        }
        let answer = answers[position * Self.slotCount + slot] ?? ""
        guard facts[position].escalates else { return (answer, false) }
        return (answer + handoffSuffix(.security, in: language), true)
    }

    /// An escalation's text: the intent's answer, then the hand-off sentence for `reason`; the
    /// hand-off alone when the intent has no answer in `language` (or is not in the content).
    func escalationReply(
        _ id: String, intentNumber: Int32 = -1, reason: EscalationReason, in language: Language
    ) -> String {
        guard let position = position(id, intentNumber: intentNumber) else { return handoff(reason, in: language) }
        let slot = Self.slot(language)
        if facts[position].route == .escalate, facts[position].escalationReason == reason,
            position * Self.slotCount < replies.count
        {
            return replies[position * Self.slotCount + slot]
        }
        let answer = answers[position * Self.slotCount + slot] ?? ""
        return answer.isEmpty ? handoff(reason, in: language) : answer + handoffSuffix(reason, in: language)
    }

    /// The warning for a message holding a wallet secret: the secret-shared intent's answer, then
    /// a note that the message was redacted.
    func secretWarning(in language: Language) -> String { secretWarnings[Self.slot(language)] }

    /// Whether the intent is known and escalates.
    func escalates(_ id: String) -> Bool {
        guard let position = position(id) else { return false }
        return facts[position].escalates
    }

    /// Whether the intent is known and does not ask "did this help?" (thanks, greetings).
    func isSmallTalk(_ id: String) -> Bool {
        guard let position = position(id) else { return false }
        return !facts[position].asksSatisfaction
    }

    func message(_ key: SystemMessage, in language: Language) -> String {
        messages[Self.slot(language)][SystemMessage.allCases.firstIndex(of: key)!]
    }

    /// The message after a blank line, to follow another text.
    func suffix(_ key: SystemMessage, in language: Language) -> String {
        messageSuffixes[Self.slot(language)][SystemMessage.allCases.firstIndex(of: key)!]
    }

    func handoff(_ reason: EscalationReason, in language: Language) -> String {
        handoffs[Self.slot(language)][EscalationReason.allCases.firstIndex(of: reason)!]
    }

    /// The hand-off sentence after a blank line, to follow another text.
    func handoffSuffix(_ reason: EscalationReason, in language: Language) -> String {
        handoffSuffixes[Self.slot(language)][EscalationReason.allCases.firstIndex(of: reason)!]
    }

    func fallback(in language: Language) -> String { fallbacks[Self.slot(language)] }

    /// How many language slots there are: `Language.allCases.count`.
    static let slotCount = 3

    /// A language's position in `Language.allCases`, without searching it.
    static func slot(_ language: Language) -> Int {
        switch language {
        case .vi: 0
        case .en: 1
        case .unknown: 2
        }
    }
}
