import Testing
import TextNormalization

/// Chat abbreviations and teencode from `locales/*.lexicon.yaml`.
@Suite struct AbbreviationTests {
    let normalizer = TestNormalizers.shipped

    @Test(
        "Vietnamese abbreviations expand in Vietnamese messages",
        arguments: [
            ("ko rut dc", "khong rut duoc"),
            ("k rut duoc", "khong rut duoc"),
            ("hok biet", "khong biet"),
            ("đc chưa", "duoc chua"),
            ("ĐC CHƯA", "duoc chua"),
            ("tk bi khoa", "tai khoan bi khoa"),
            ("quen mk", "quen mat khau"),
            ("ck roi", "chuyen khoan roi"),
            ("doi sdt", "doi so dien thoai"),
            ("sai stk", "sai so tai khoan"),
            ("chup cccd", "chup can cuoc cong dan"),
            ("mat cmnd", "mat chung minh nhan dan"),
            ("gap nv", "gap nhan vien"),
            ("ad oi", "admin oi"),
            ("ng khac", "nguoi khac"),
            ("phi la j", "phi la gi"),
            ("nap r", "nap roi"),
            ("noi vs ad", "noi voi admin"),
            ("rut ntn", "rut nhu the nao"),
            ("mn oi", "moi nguoi oi"),
            ("nhanh wa", "nhanh qua"),
            ("gd bi treo", "giao dich bi treo"),
            ("ddc ko", "duoc khong"),
            ("acc bi khoa", "tai khoan bi khoa"),
        ])
    func vietnamese(_ input: String, _ expected: String) {
        let message = normalizer.normalize(input)
        #expect(message.language == .vi)
        #expect(normalizer.plain(input) == expected)
    }

    @Test(
        "Ambiguous abbreviations are not expanded",
        arguments: ["phi bn", "dk xong roi", "trc20 hay trc", "tt giao dich"])
    func ambiguous(_ input: String) {
        #expect(normalizer.plain(input) == input)
        #expect(normalizer.normalize(input).language == .vi)
    }

    @Test(
        "English abbreviations expand in English messages",
        arguments: [
            ("pls help", "please help"),
            ("plz check my acc", "please check my account"),
            ("my w/d is pending", "my withdraw is pending"),
            ("r u there", "are you there"),
            ("ur app is broken", "your app is broken"),
            ("thx for the help", "thanks for the help"),
            ("txn still pending", "transaction still pending"),
            ("wrong deposit addr", "wrong deposit address"),
            ("my bal is zero", "my balance is zero"),
            ("i can't login", "i can not login"),
            ("i cant withdraw", "i can not withdraw"),
            ("it’s been 3 days", "it is been 3 days"),
            ("i don't know my pwd", "i do not know my password"),
            ("whats the fee", "what is the fee"),
            ("my account's balance is wrong", "my account balance is wrong"),
        ])
    func english(_ input: String, _ expected: String) {
        #expect(normalizer.normalize(input).language == .en)
        #expect(normalizer.plain(input) == expected)
    }

    @Test(
        "Each language's abbreviations stay out of the other's messages",
        arguments: [
            ("is it safe vs a hardware wallet", "is it safe vs a hardware wallet"),  // vs is với only in Vietnamese
            ("tk bi khoa pls", "tai khoan bi khoa pls"),  // pls only in English
            ("k thanks", "ok thanks"),  // k is không in Vietnamese, ok in English
            ("k rut dc", "khong rut duoc"),
            ("nap r chua", "nap roi chua"),
        ])
    func gating(_ input: String, _ expected: String) {
        #expect(normalizer.plain(input) == expected)
    }

    @Test("A key both languages abbreviate stays as typed when the language is unknown") func conflict() {
        let message = normalizer.normalize("k")
        #expect(message.language == .unknown)
        #expect(message.tokens.map(\.plain) == ["k"])
    }

    @Test("An expanded token keeps its text and folded form") func expandedToken() {
        let token = normalizer.normalize("TK bị khóa").tokens[0]
        #expect(token.text == "TK")
        #expect(token.folded == "tk")
        #expect(token.plain == "tai khoan")
        #expect(token.intended == "tài khoản")
        #expect(!token.isAsTyped)
        #expect(normalizer.normalize("TK bị khóa").plainWords == ["tai", "khoan", "bi", "khoa"])
    }

    @Test("A token of several pieces becomes one token") func multiTokenKey() {
        let tokens = normalizer.normalize("W/D pending").tokens
        #expect(tokens.map(\.text) == ["W/D", "pending"])
        #expect(tokens.map(\.plain) == ["withdraw", "pending"])
        #expect(tokens[0].folded == "w d")
    }

    @Test("A real syllable typed with marks is not an abbreviation") func markedSyllable() {
        #expect(normalizer.plain("đất lún rồi") == "dat lun roi")
        #expect(normalizer.plain("dat lun roi") == "dat luon roi")
    }

    @Test("Inflections are data for the matcher, not applied here") func inflections() {
        #expect(normalizer.lexicon.inflections["withdrew"] == "withdraw")
        #expect(normalizer.lexicon.inflections["stolen"] == "steal")
        #expect(normalizer.plain("i withdrew 5 usdt") == "i withdrew 5 usdt")
    }
}
