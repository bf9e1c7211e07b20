import SupportBot
import SupportBotTestSupport
import Testing

@testable import DialoguePolicy

@Suite("Reply texts read once from the content say what the content says")
struct ReplyTextsTests {
    private let policy = Fixtures.minimalEngine.policy

    @Test("Language slots follow Language.allCases")
    func slots() {
        for (position, language) in Language.allCases.enumerated() {
            #expect(ReplyTexts.slot(language) == position)
        }
    }

    @Test("Every system message, hand-off and fallback, in every language, as BotContent gives it")
    func systemMessages() {
        let content = policy.content
        for language in Language.allCases {
            for key in SystemMessage.allCases {
                #expect(policy.texts.message(key, in: language) == content.message(key, in: language))
            }
            for reason in EscalationReason.allCases {
                let filled = content.message(
                    .handoff, in: language, ["reason": content.message(reason.messageKey, in: language)])
                #expect(policy.texts.handoff(reason, in: language) == filled)
            }
            let topics = content.message(.fallbackTopics, in: language)
            #expect(policy.texts.fallback(in: language) == content.message(.fallback, in: language, ["topics": topics]))
        }
    }

    @Test("Every intent's answers and facts")
    func intents() throws {
        let content = policy.content
        #expect(!content.intents.isEmpty)
        for intent in content.intents {
            let facts = try #require(policy.texts.intent(intent.id))
            #expect(facts.asksSatisfaction == intent.asksSatisfaction)
            #expect(facts.escalates == intent.escalates)
            for language in Language.allCases {
                #expect(policy.texts.answer(intent.id, in: language) == content.answers[intent.id]?[language] ?? "")
            }
        }
        #expect(policy.texts.answer("no.such.intent", in: .en) == "")
    }
}
