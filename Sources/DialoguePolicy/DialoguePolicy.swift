import IntentMatching
import SensitiveData
import SupportContent
import TextNormalization

/// Decides what to do with a message, in this order: wallet secrets, a pending question
/// (clarification, "did this help?", an offer of a human), frustration, security intents,
/// escalation intents, a clear answer, close candidates, and finally the fallback.
public struct DialoguePolicy: Sendable {
    /// The fixed catalog ids the policy itself acts on.
    public enum CatalogIntent {
        public static let secretShared = "security.secret_shared"
        public static let humanRequest = "human.request"
        public static let complaint = "complaint"
        public static let languageSwitch = "language.switch"
    }

    public let content: BotContent
    public let index: IntentIndex
    public let normalizer: TextNormalizer
    public let scanner: SensitiveDataScanner
    /// Longer messages are cut to this many Unicode scalars before any expensive work.
    public var maximumMessageLength: Int
    /// The reply language when neither the message nor the conversation says.
    public var defaultLanguage: Language
    let texts: ReplyTexts

    public init(
        content: BotContent, index: IntentIndex, scanner: SensitiveDataScanner = SensitiveDataScanner(),
        maximumMessageLength: Int = 4_000, defaultLanguage: Language = .en
    ) {
        self.content = content
        self.index = index
        self.normalizer = TextNormalizer(lexicon: content.lexicon)
        self.texts = ReplyTexts(content)
        self.scanner = scanner
        self.maximumMessageLength = maximumMessageLength
        self.defaultLanguage = defaultLanguage
    }

    /// Answers one message and advances `conversation`.
    public func respond(to rawText: String, in conversation: inout Conversation) -> Reply {
        // Most messages are short enough and are read as given: returning them from `truncate`
        // with a flag, as before, retained and released every one. A scalar is at least one
        // byte, so a message of no more bytes than the limit needs no counting, and the test is
        // made here rather than in a call (about 20 instructions a message).
        if rawText.utf8.count > maximumMessageLength, let cut = Self.truncated(rawText, to: maximumMessageLength) {
            return respond(to: cut, truncated: true, in: &conversation)
        }
        return respond(to: rawText, truncated: false, in: &conversation)
    }

    /// Inlined into both calls: called, it passed the reply through one more frame, which cost
    /// more than the retain it saves.
    @inline(__always)
    private func respond(to text: String, truncated: Bool, in conversation: inout Conversation) -> Reply {
        conversation.turn += 1
        let (redaction, possibleCapitals) = scanner.redactCountingCapitals(text)
        let redacted = redaction.text
        conversation.remember(message: redacted)
        let secret = redaction.kinds.first(where: \.isWalletSecret)
        let message = normalizer.normalize(text)
        if message.language != .unknown { conversation.language = message.language }
        let language = replyLanguage(message.language, conversation)
        var reply = firstReply(
            message, possibleCapitals: possibleCapitals, secret: secret, language: language, conversation: &conversation
        )
        finish(&reply, redacted: redacted, truncated: truncated, message, &conversation)
        return reply
    }

    /// Adds the truncation note, the redacted message and a hand-off to `reply`, and advances
    /// `conversation` by it. Apart from `respond`, where these steps had copied every reply
    /// before returning it.
    @inline(never)
    private func finish(
        _ reply: inout Reply, redacted: String, truncated: Bool, _ message: NormalizedMessage,
        _ conversation: inout Conversation
    ) {
        if truncated {
            let note = content.message(.messageTruncated, in: reply.language, ["limit": String(maximumMessageLength)])
            reply.text = note + "\n\n" + reply.text
        }
        reply.redactedMessage = redacted
        if let intent = reply.intent { conversation.remember(intent: intent) }
        if reply.route == .fallback, !message.tokens.isEmpty {
            conversation.consecutiveFallbacks += 1
        } else if reply.route != .fallback {
            conversation.consecutiveFallbacks = 0
        }
        if let reason = reply.escalationReason, reply.handoff == nil, reply.route == .escalate || reason == .security {
            conversation.isEscalated = true
            reply.handoff = HandoffSummary(
                language: reply.language, reason: reason, intentsSeen: conversation.intentsSeen,
                lastMessages: conversation.recentMessages)
        }
    }

    /// The reply before truncation notes, redaction and hand-off are added. Not inlined: merged
    /// into `respond`, its branches' replies were built in place and then copied.
    @inline(never)
    private func firstReply(
        _ message: NormalizedMessage, possibleCapitals: Int, secret: SensitiveKind?, language: Language,
        conversation: inout Conversation
    ) -> Reply {
        if let secret { return secretWarning(secret, language: language, conversation: &conversation) }
        if message.tokens.isEmpty {
            return Reply(
                text: texts.message(.emptyMessage, in: language), route: .fallback, intent: nil, confidence: 0,
                language: language, explanation: "empty message")
        }
        return decide(message, possibleCapitals: possibleCapitals, language: language, conversation: &conversation)
    }

    /// `text` cut to `limit` Unicode scalars, or nil when it has no more: scalars, not
    /// characters, so a letter carrying thousands of combining marks cannot slip a huge message
    /// past the limit.
    static func truncated(_ text: String, to limit: Int) -> String? {
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex),
            end != scalars.endIndex
        else { return nil }
        return String(scalars[..<end])
    }

    private func replyLanguage(_ detected: Language, _ conversation: Conversation) -> Language {
        if let pinned = conversation.pinnedLanguage { return pinned }
        if detected != .unknown { return detected }
        if conversation.language != .unknown { return conversation.language }
        return defaultLanguage
    }

    // MARK: - Rules

    private func secretWarning(_ kind: SensitiveKind, language: Language, conversation: inout Conversation) -> Reply {
        conversation.pendingQuestion = nil
        let id = CatalogIntent.secretShared
        return Reply(
            text: texts.secretWarning(in: language), route: .security, intent: id, confidence: 1, language: language,
            explanation: "the message holds a wallet secret (\(kind.rawValue)); it is redacted before storage")
    }

    private func decide(
        _ message: NormalizedMessage, possibleCapitals: Int, language: Language, conversation: inout Conversation
    ) -> Reply {
        // A variable, so that the reply can take the deciding candidate's explanation out of it
        // (`MatchResult.takeExplanation`): nothing reads the result after the reply is made.
        var result = index.match(message)
        let thresholds = index.thresholds
        // Candidates come best first, so the confident ones lead: counted, not copied. Read as
        // `result.candidates` throughout: a local `let candidates` retained the array and released
        // it through the generic value witness (about 200 instructions a message).
        var confidentCount = 0
        while confidentCount < result.candidates.count,
            result.candidates[confidentCount].confidence >= thresholds.answer
        {
            confidentCount += 1
        }
        let pending = conversation.pendingQuestion
        conversation.pendingQuestion = nil

        if let pending, let reply = answerPending(pending, result, message, language, &conversation) {
            return reply
        }
        if result.phraseConfidence(.frustration) >= thresholds.phrase
            || Self.isShouting(message, possibleCapitals: possibleCapitals)
        {
            if confidentCount > 0, result.candidates[0].route == .answer, !isSmallTalk(result.candidates[0].intentID) {
                var reply = answer(at: 0, of: &result, language: language, conversation: &conversation)
                reply.text += texts.suffix(.frustration, in: language)
                conversation.pendingQuestion = .humanOffer(reason: .frustration)
                return reply
            }
            return escalation(
                .frustration, intent: confidentCount > 0 ? result.candidates[0].intentID : nil,
                confidence: confidentCount > 0 ? result.candidates[0].confidence : 1,
                text: texts.message(.frustration, in: language), language: language,
                explanation: "the user is frustrated")
        }
        var firstAnswer = -1
        var secondAnswer = -1
        for position in 0..<confidentCount {
            switch result.candidates[position].route {
            case .security:
                let explanation = result.takeExplanation(at: position)
                return securityWarning(
                    result.candidates[position].intentID, intentNumber: result.candidates[position].intentNumber,
                    confidence: result.candidates[position].confidence, explanation: explanation, language: language)
            case .answer where firstAnswer < 0: firstAnswer = position
            case .answer where secondAnswer < 0: secondAnswer = position
            default: break
            }
        }
        if confidentCount > 0, result.candidates[0].route == .escalate {
            // Read in place, like the answers: `let handover = candidates[0]` copied the candidate.
            let reason = Self.escalationReason(of: result.candidates[0].intentID)
            let text = texts.escalationReply(
                result.candidates[0].intentID, intentNumber: result.candidates[0].intentNumber, reason: reason,
                in: language)
            let explanation = result.takeExplanation(at: 0)
            return handover(
                reason, intent: result.candidates[0].intentID, confidence: result.candidates[0].confidence, text: text,
                language: language, explanation: .match(explanation))
        }
        if secondAnswer >= 0,
            result.candidates[firstAnswer].confidence - result.candidates[secondAnswer].confidence
                < thresholds.clarifyMargin,
            result.candidates[firstAnswer].priority == result.candidates[secondAnswer].priority
        {
            return clarification(
                [result.candidates[firstAnswer], result.candidates[secondAnswer]], language: language,
                conversation: &conversation)
        }
        if firstAnswer >= 0 {
            return answer(at: firstAnswer, of: &result, language: language, conversation: &conversation)
        }
        return fallback(result, language: language, conversation: &conversation)
    }

    private func answerPending(
        _ question: Conversation.Question, _ result: MatchResult, _ message: NormalizedMessage, _ language: Language,
        _ conversation: inout Conversation
    ) -> Reply? {
        let thresholds = index.thresholds
        let bestIntent = result.bestConfidence
        let yes = result.phraseConfidence(.yes)
        let no = result.phraseConfidence(.no)
        let saysYes = yes >= thresholds.phrase && yes >= bestIntent && yes >= no
        let saysNo = no >= thresholds.phrase && no >= bestIntent && no > yes
        switch question {
        case .clarification(let options):
            if let choice = Self.chosenNumber(message, options: options) ?? chosenByWords(options, result, message) {
                guard
                    let candidate = result.candidates.first(where: { $0.intentID == choice })
                        ?? syntheticCandidate(choice)
                else { return nil }
                return route(candidate, result, language: language, conversation: &conversation)
            }
            return nil
        case .satisfaction(let intent):
            if saysYes {
                var reply = Reply(
                    text: texts.message(.satisfactionThanks, in: language), route: .answer, intent: nil,
                    confidence: yes, language: language, explanation: "a yes to \"did this help?\" about \(intent)")
                reply.satisfaction = true
                return reply
            }
            if saysNo {
                conversation.pendingQuestion = .humanOffer(reason: .satisfactionNo)
                var reply = Reply(
                    text: texts.message(.satisfactionSorry, in: language), route: .answer, intent: nil,
                    confidence: no, language: language, explanation: "a no to \"did this help?\" about \(intent)")
                reply.satisfaction = false
                return reply
            }
            return nil
        case .humanOffer(let reason):
            if saysYes {
                return escalation(
                    reason, intent: nil, text: "", language: language,
                    explanation: "the user accepted the offer of a human")
            }
            if saysNo {
                return Reply(
                    text: texts.message(.humanOfferDeclined, in: language), route: .answer, intent: nil,
                    confidence: no, language: language, explanation: "the user declined the offer of a human")
            }
            return nil
        }
    }

    /// Routes a chosen candidate the way `decide` would have.
    private func route(
        _ candidate: IntentCandidate, _ result: MatchResult, language: Language, conversation: inout Conversation
    ) -> Reply {
        switch candidate.route {
        case .security:
            return securityWarning(
                candidate.intentID, confidence: candidate.confidence, explanation: candidate.explanation,
                language: language)
        case .escalate:
            return escalation(
                .highRisk, intent: candidate.intentID, confidence: candidate.confidence,
                text: texts.answer(candidate.intentID, in: language),
                language: language, explanation: "chosen from a clarifying question")
        case .answer:
            return answer(
                candidate.intentID, confidence: candidate.confidence, explanation: candidate.explanation, result,
                language: language, conversation: &conversation)
        }
    }

    private func syntheticCandidate(_ id: String) -> IntentCandidate? {
        guard let intent = texts.intent(id) else { return nil }
        return IntentCandidate(
            intentID: id, route: intent.route, priority: intent.priority, confidence: 1,
            explanation: MatchExplanation(
                pattern: "(chosen by number)", location: intent.location, matchedWords: [], typos: [], coverage: 1,
                requiredItems: 0, diacriticsAgreeing: 0, diacriticsDisagreeing: 0))
    }

    /// An option the reply names: its intent matched, or the reply shares words with only its title.
    private func chosenByWords(_ options: [String], _ result: MatchResult, _ message: NormalizedMessage) -> String? {
        if let matched = result.candidates.first(where: {
            options.contains($0.intentID) && $0.confidence >= index.thresholds.answer * 0.8
        }) {
            return matched.intentID
        }
        let words = Set(message.plainWords.map(String.init)).subtracting(index.stopWords)
        let overlaps = options.map { id -> Int in
            let titles = content.intent(id)?.titles.values.joined(separator: " ") ?? ""
            return Set(ICUText.fold(titles, strippingMarks: true).split(separator: " ").map(String.init))
                .intersection(words).count
        }
        guard let best = overlaps.max(), best > 0, overlaps.filter({ $0 == best }).count == 1 else { return nil }
        return options[overlaps.firstIndex(of: best)!]
    }

    /// "2" or "#2" as the whole reply picks the second option.
    static func chosenNumber(_ message: NormalizedMessage, options: [String]) -> String? {
        guard message.tokens.count == 1, let number = Int(message.tokens[0].plain), number >= 1,
            number <= options.count
        else { return nil }
        return options[number - 1]
    }

    /// The answer of the candidate at `position` in `result`: named by its position, for
    /// passing `candidates[position]` had copied the whole candidate (five reference counts up
    /// and down again) when the reply keeps only its id and its explanation. The explanation
    /// is taken out of `result` (`MatchResult.takeExplanation`).
    private func answer(
        at position: Int, of result: inout MatchResult, language: Language, conversation: inout Conversation
    ) -> Reply {
        let explanation = result.takeExplanation(at: position)
        return answer(
            result.candidates[position].intentID, intentNumber: result.candidates[position].intentNumber,
            confidence: result.candidates[position].confidence, explanation: explanation, result,
            language: language, conversation: &conversation)
    }

    /// `intentNumber` is the intent's position in the content when known (`IntentCandidate`'s),
    /// which finds its answer without hashing its id.
    private func answer(
        _ intentID: String, intentNumber: Int32 = -1, confidence: Double, explanation: MatchExplanation,
        _ result: MatchResult, language: Language, conversation: inout Conversation
    ) -> Reply {
        var language = language
        if texts.isLanguageSwitch(intentID, intentNumber: intentNumber) {
            language = requestedLanguage(result) ?? language
            conversation.pinnedLanguage = language
            conversation.language = language
        }
        // The answer and "did this help?" come joined from the texts, not joined per reply.
        let reply = texts.reply(intentID, intentNumber: intentNumber, in: language)
        let text = reply?.text ?? ""
        if reply?.asksSatisfaction == true {
            conversation.pendingQuestion = .satisfaction(intent: intentID)
        }
        return Reply(
            text: text, route: .answer, intent: intentID, confidence: confidence, language: language,
            reasoning: .match(explanation))
    }

    private func requestedLanguage(_ result: MatchResult) -> Language? {
        let english = result.phraseConfidence(.english)
        let vietnamese = result.phraseConfidence(.vietnamese)
        if english == 0 && vietnamese == 0 { return nil }
        return english >= vietnamese ? .en : .vi
    }

    /// A security intent's warning. Given the candidate's fields rather than the candidate, which
    /// callers had copied out of the match result for it (as for `answer`).
    private func securityWarning(
        _ intentID: String, intentNumber: Int32 = -1, confidence: Double, explanation: MatchExplanation,
        language: Language
    ) -> Reply {
        let (text, escalates) = texts.securityReply(intentID, intentNumber: intentNumber, in: language)
        return Reply(
            text: text, route: .security, intent: intentID, confidence: confidence, language: language,
            escalationReason: escalates ? .security : nil, reasoning: .match(explanation))
    }

    /// A hand-off to a human, after `text` if there is one; `intent` and `confidence` are those
    /// of the candidate that decided, if any (its fields, not the candidate: see `securityWarning`).
    private func escalation(
        _ reason: EscalationReason, intent: String?, confidence: Double = 1, text: String, language: Language,
        explanation: ReplyExplanation
    ) -> Reply {
        handover(
            reason, intent: intent, confidence: confidence,
            text: text.isEmpty ? texts.handoff(reason, in: language) : text + texts.handoffSuffix(reason, in: language),
            language: language, explanation: explanation)
    }

    /// `escalation` with its text already ending in the hand-off sentence.
    private func handover(
        _ reason: EscalationReason, intent: String?, confidence: Double, text: String, language: Language,
        explanation: ReplyExplanation
    ) -> Reply {
        Reply(
            text: text, route: .escalate, intent: intent, confidence: confidence, language: language,
            escalationReason: reason, reasoning: .escalated(reason, explanation))
    }

    /// The hand-off reason of an escalation intent that decides by itself.
    static func escalationReason(of intentID: String) -> EscalationReason {
        switch intentID {
        case CatalogIntent.humanRequest: .humanRequest
        case CatalogIntent.complaint: .complaint
        default: .highRisk
        }
    }

    private func clarification(
        _ candidates: [IntentCandidate], language: Language, conversation: inout Conversation
    ) -> Reply {
        let ids = candidates.map(\.intentID)
        var lines = [content.message(.clarify, in: language)]
        for (number, id) in ids.enumerated() {
            let title = content.intent(id)?.titles[language] ?? id
            lines.append(content.message(.clarifyOption, in: language, ["number": String(number + 1), "title": title]))
        }
        lines.append(content.message(.clarifyHint, in: language))
        conversation.pendingQuestion = .clarification(options: ids)
        var reply = Reply(
            text: lines.joined(separator: "\n"), route: .clarify, intent: nil, confidence: candidates[0].confidence,
            language: language, reasoning: .closeCandidates(candidates))
        reply.clarificationOptions = ids
        return reply
    }

    private func fallback(_ result: MatchResult, language: Language, conversation: inout Conversation) -> Reply {
        if conversation.consecutiveFallbacks >= 1 {
            return escalation(
                .notUnderstood, intent: nil, text: "", language: language,
                explanation: .notReached("second message in a row not understood", nearest: result.best))
        }
        let text = texts.fallback(in: language)
        return Reply(
            text: text, route: .fallback, intent: nil, confidence: result.bestConfidence, language: language,
            reasoning: .notReached("no intent reached the answer threshold", nearest: result.best))
    }

    private func isSmallTalk(_ id: String) -> Bool {
        texts.isSmallTalk(id)
    }

    /// `isShouting(message)` for a message with at most `possibleCapitals` capital letters (the
    /// secret scan counts them: `SensitiveDataScanner.redactCountingCapitals`). It needs ten (four
    /// fifths of twelve letters) and three tokens, which rule out most messages before their
    /// tokens are read.
    static func isShouting(_ message: NormalizedMessage, possibleCapitals: Int) -> Bool {
        possibleCapitals >= 10 && message.tokens.count >= 3 && isShouting(message)
    }

    /// Mostly capital letters over several words: the typed equivalent of shouting.
    static func isShouting(_ message: NormalizedMessage) -> Bool {
        guard message.tokens.count >= 3 else { return false }
        // A letter takes at least a byte, so the bytes bound the letters: once the lower-case
        // letters pass a fifth of that bound, capitals cannot reach four fifths. Most messages
        // stop after a few letters.
        let tokens = message.tokens
        // By index, reading fields in place: a `for token in` loop copied every token's strings.
        var mostLetters = 0
        for index in tokens.indices where tokens[index].kind == .word { mostLetters += tokens[index].text.utf8.count }
        guard mostLetters >= 12 else { return false }
        var upper = 0
        var letters = 0
        for index in tokens.indices where tokens[index].kind == .word {
            for scalar in tokens[index].text.unicodeScalars {
                // ASCII without the Unicode property tables: most messages are all ASCII.
                if scalar.isASCII {
                    let value = scalar.value
                    if value >= 0x41 && value <= 0x5A {
                        letters += 1
                        upper += 1
                    } else if value >= 0x61 && value <= 0x7A {
                        letters += 1
                    }
                } else if scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { upper += 1 }
                }
                if (letters - upper) * 5 > mostLetters { return false }
            }
        }
        return letters >= 12 && upper * 10 >= letters * 8
    }
}
