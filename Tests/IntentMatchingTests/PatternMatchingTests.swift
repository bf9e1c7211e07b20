import SupportBot
import SupportBotTestSupport
import Testing

@Suite("The pattern language, matched through the real engine")
struct PatternMatchingTests {
    @Test(
        "Messages reach the intent whose patterns describe them",
        arguments: [
            // unordered sets with concepts, any order, any gap
            ("my withdrawal is still pending", "withdrawal.pending"),
            ("pending withdrawal", "withdrawal.pending"),
            ("I cashed out yesterday but it is stuck", "withdrawal.pending"),
            // inflections without listing them
            ("withdrawing and it is stuck", "withdrawal.pending"),
            ("I withdrew but not arrived", "withdrawal.pending"),
            // one typo in a long word
            ("withdrawl pending", "withdrawal.pending"),
            ("withdrwal stuck", "withdrawal.pending"),
            // a multi-word concept form
            ("my money has not arrived after withdraw", "withdrawal.pending"),
            // optional words and sequences
            ("how do i withdraw", "withdrawal.how_to"),
            ("how withdraw", "withdrawal.how_to"),
            // Vietnamese with and without diacritics, decomposed, and upper case
            ("rút tiền chưa về", "withdrawal.pending"),
            ("rut tien chua ve", "withdrawal.pending"),
            ("ru\u{301}t tie\u{302}\u{300}n chu\u{31B}a ve\u{302}\u{300}", "withdrawal.pending"),
            ("RÚT TIỀN CHƯA VỀ", "withdrawal.pending"),
            ("cách rút tiền", "withdrawal.how_to"),
            ("phí giao dịch", "fees.trading"),
            ("trading fees", "fees.trading"),
            ("fee to withdraw", "fees.withdrawal"),
        ])
    func routesToIntent(message: String, intent: String) {
        let reply = Fixtures.route(message)
        #expect(reply.intent == intent, "\(message) → \(reply.intent ?? "nil"): \(reply.explanation)")
    }

    @Test(
        "Vetoes, adjacency and short words keep messages out",
        arguments: [
            "how do i withdraw if it is pending",  // veto ~pending on withdrawal.how_to → pending wins instead
            "card fee for withdraw",  // veto ~card on fees.withdrawal
            "withdraw",  // a set needs both items
            "fees",  // typo tolerance never joins short words
            "fess",
            "trading is fun and my fee",  // "trading ~fee" needs the words next to each other
        ])
    func doesNotRouteWrongly(message: String) {
        let reply = Fixtures.route(message)
        switch message {
        case "how do i withdraw if it is pending":
            #expect(reply.intent == "withdrawal.pending", "\(reply.explanation)")
        case "card fee for withdraw":
            #expect(reply.intent != "fees.withdrawal", "\(reply.explanation)")
        case "trading is fun and my fee":
            #expect(!reply.explanation.contains("trading ~fee"), "\(reply.explanation)")
        default:
            #expect(reply.intent == nil || reply.route == .clarify, "\(message) → \(reply.intent ?? "nil")")
        }
    }

    @Test("Typed diacritics that agree with the pattern score higher than ones that do not")
    func diacriticsAgreement() {
        let agreeing = Fixtures.route("rút tiền chưa về")
        let plain = Fixtures.route("rut tien chua ve")
        let disagreeing = Fixtures.route("rụt tiên chựa vê")
        #expect(agreeing.confidence > plain.confidence)
        #expect(plain.confidence > disagreeing.confidence)
    }

    @Test("Every decision explains which pattern and words decided")
    func explanation() {
        let reply = Fixtures.route("withdrawl pending")
        #expect(reply.explanation.contains("{~withdraw ~pending}"))
        #expect(reply.explanation.contains("intents/test.yaml:"))
        #expect(reply.explanation.contains("typos [withdrawl]"))
        #expect(reply.confidence > 0 && reply.confidence <= 1)
    }

    @Test("Confidence grows with how much of the message the pattern explains")
    func coverage() {
        let short = Fixtures.route("withdrawal pending")
        let long = Fixtures.route("withdrawal pending and also my cat and the weather and football tonight")
        #expect(short.confidence > long.confidence)
    }
}
