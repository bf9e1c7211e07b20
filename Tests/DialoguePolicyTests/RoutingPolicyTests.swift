import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@Suite("Routing policy, rule by rule, on the fixture content")
struct RoutingPolicyTests {
    private let engine = Fixtures.minimalEngine

    private func play(_ messages: [String], language: Language = .unknown) -> [Reply] {
        var conversation = Conversation(id: "policy", language: language)
        return messages.map { engine.respond(to: $0, in: &conversation) }
    }

    // A valid 12-word BIP-39 phrase (checksum not required by the detector).
    private let seed = "abandon ability able about above absent absorb abstract absurd abuse access accident"

    @Test("Rule 1: a seed phrase gets the secret warning whatever else the message says, and is redacted")
    func secretFirst() throws {
        for message in [
            "my withdrawal is pending, my words are \(seed)",
            "\(seed)",
            "rút tiền chưa về \(seed)",
            "key 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
        ] {
            let reply = try #require(play([message]).first)
            #expect(reply.route == .security, "\(message)")
            #expect(reply.intent == "security.secret_shared")
            #expect(!reply.redactedMessage.contains("abandon ability"))
            #expect(!reply.redactedMessage.contains("4c0883a69102937d"))
            #expect(reply.text.contains("secret hidden"))
        }
    }

    @Test("Rule 1: the reply to a secret is in the message's language")
    func secretLanguage() throws {
        let reply = try #require(play(["rút tiền chưa về, đây là seed \(seed)"]).first)
        #expect(reply.language == .vi)
        #expect(reply.text.hasPrefix("[vi]"))
    }

    @Test("Rule 2: security intents outrank FAQ intents that match too")
    func securityOutranksAnswers() throws {
        let reply = try #require(play(["staff asked me about my pending withdrawal"]).first)
        #expect(reply.route == .security)
        #expect(reply.intent == "scam.impersonation")
    }

    @Test("A security intent marked escalate warns, then hands over with a summary")
    func securityEscalation() throws {
        let reply = try #require(play(["my account was hacked"]).first)
        #expect(reply.route == .security)
        #expect(reply.escalationReason == .security)
        let handoff = try #require(reply.handoff)
        #expect(handoff.intentsSeen == ["security.account_compromised"])
        #expect(reply.text.contains("handing over"))
    }

    @Test("Rule 3: asking for a human hands over at once, with a reason and a summary")
    func humanRequest() throws {
        let replies = play(["my withdrawal is pending", "no", "human please"])
        let last = try #require(replies.last)
        #expect(last.route == .escalate)
        #expect(last.escalationReason == .humanRequest)
        let handoff = try #require(last.handoff)
        #expect(handoff.lastMessages == ["my withdrawal is pending", "no", "human please"])
        #expect(handoff.intentsSeen.contains("withdrawal.pending"))
        #expect(handoff.language == .en)
    }

    @Test("Rule 4: an answer asks 'did this help?'; yes and no are recorded; no offers a human")
    func satisfaction() {
        let yes = play(["my withdrawal is pending", "yes"])
        #expect(yes[0].route == .answer)
        #expect(yes[0].text.hasSuffix("[en] did this help?"))
        #expect(yes[1].satisfaction == true)
        #expect(yes[1].text == "[en] glad to help")

        let no = play(["rút tiền chưa về", "không", "có"])
        #expect(no[1].satisfaction == false)
        #expect(no[1].text == "[vi] sorry; want a human?")
        #expect(no[2].route == .escalate)
        #expect(no[2].escalationReason == .satisfactionNo)
    }

    @Test("Regression: a 'no' made only of a stop word ('ko' → không) still answers 'did this help?'")
    func stopWordReply() {
        let replies = play(["rút tiền chưa về", "ko"])
        #expect(replies[1].satisfaction == false, "\(replies[1].explanation)")
    }

    @Test("Small talk does not ask 'did this help?'")
    func smallTalk() throws {
        let reply = try #require(play(["hello"]).first)
        #expect(reply.intent == "greeting")
        #expect(!reply.text.contains("did this help"))
    }

    @Test("Rule 5: close candidates get a clarifying question; the user answers by number or in words")
    func clarification() throws {
        let first = play(["fee"])
        #expect(first[0].route == .clarify, "\(first[0].explanation)")
        #expect(first[0].clarificationOptions.count == 2)
        #expect(first[0].text.contains("1. ") && first[0].text.contains("2. "))

        let byNumber = play(["fee", "2"])
        #expect(byNumber[1].intent == first[0].clarificationOptions[1])
        #expect(byNumber[1].route == .answer)

        let byWords = play(["fee", "trading"])
        #expect(byWords[1].intent == "fees.trading", "\(byWords[1].explanation)")
    }

    @Test("Rule 6: a fallback suggests topics; a second one in a row escalates as not understood")
    func fallbacks() {
        let replies = play(["what is the weather in hanoi", "tell me a joke"])
        #expect(replies[0].route == .fallback)
        #expect(replies[0].text == "[en] not understood; topics: [en] withdrawals, fees")
        #expect(replies[1].route == .escalate)
        #expect(replies[1].escalationReason == .notUnderstood)
    }

    @Test("A fallback after an understood message does not escalate")
    func fallbackCounterResets() {
        let replies = play(["what is the weather", "how do i withdraw", "tell me a joke"])
        #expect(replies.map(\.route) == [.fallback, .answer, .fallback])
    }

    @Test(
        "Rule 6: frustration offers a human",
        arguments: ["useless bot", "this is a stupid bot", "bot vô dụng", "WHERE IS MY MONEY YOU THIEVES"])
    func frustration(message: String) throws {
        let reply = try #require(play([message]).first)
        #expect(reply.route == .escalate, "\(message): \(reply.explanation)")
        #expect(reply.escalationReason == .frustration)
    }

    @Test("Replies follow the message's language, then the conversation's; language.switch pins it")
    func languages() {
        let replies = play(["rút tiền chưa về", "ok", "speak english", "rút tiền chưa về"])
        #expect(replies[0].language == .vi)
        #expect(replies[2].intent == "language.switch")
        #expect(replies[2].language == .en)
        #expect(replies[3].language == .en)
        #expect(replies[3].text.hasPrefix("[en]"))
    }

    @Test("A message with no clue about its language is answered in the conversation's")
    func unknownLanguage() {
        let replies = play(["rút tiền chưa về", "2fa"])
        #expect(replies[1].language == .vi)
    }

    @Test("An empty or emoji-only message gets a safe reply and no fallback count")
    func emptyMessages() {
        let replies = play(["", "😀😀", "what is the weather"])
        #expect(replies[0].text == "[en] empty")
        #expect(replies[1].text == "[en] empty")
        #expect(replies[2].route == .fallback)
    }

    @Test("A message over the limit is cut before any work, with a note")
    func truncation() throws {
        let long = "my withdrawal is pending " + String(repeating: "x", count: 10_000)
        let reply = try #require(play([long]).first)
        #expect(reply.text.hasPrefix("[en] cut to 4000"))
        #expect(reply.redactedMessage.count == 4_000)
    }

    @Test("The conversation value round-trips through JSON, so a service can store it")
    func conversationIsCodable() throws {
        var conversation = Conversation(id: "stored")
        _ = engine.respond(to: "fee", in: &conversation)
        let data = try JSONEncoder().encode(conversation)
        var restored = try JSONDecoder().decode(Conversation.self, from: data)
        #expect(restored == conversation)
        let reply = engine.respond(to: "1", in: &restored)
        #expect(reply.route == .answer)
    }
}
