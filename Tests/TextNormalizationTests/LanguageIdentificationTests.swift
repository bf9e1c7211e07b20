import Testing
import TextNormalization

/// Short messages, with or without diacritics (VIETNAMESE-NOTES §6).
@Suite struct LanguageIdentificationTests {
    let normalizer = TestNormalizers.shipped

    @Test(
        "Vietnamese",
        arguments: [
            "rut tien", "toi khong rut duoc tien", "tk bi khoa", "ruts tieenf", "ru1t tie6n2", "Rút tiền",
            "phí nạp bao nhiêu", "ko dc", "sao chua ve", "nap usdt trc20", "quen mk", "cho minh hoi", "ad oi",
            "tôi", "khoa tk", "chuyen khoan nham", "GIO LA 5 TIENG R", "the atm bi nuot", "hello ad", "xin chaof aj",
        ])
    func vietnamese(_ text: String) {
        #expect(normalizer.normalize(text).language == .vi)
    }

    @Test(
        "English",
        arguments: [
            "withdraw", "withdrawal pending", "i cant login", "how do i reset my 2fa", "my deposit has not arrived",
            "hello", "thanks", "pls help", "where is my money", "is this a scam", "can u check my acc",
            "WHY IS MY ACCOUNT LOCKED", "what is the fee to send usdt on trc20", "lost my phone", "this is a test",
            "book me a taxi", "hang on", "I need help with KYC",
        ])
    func english(_ text: String) {
        #expect(normalizer.normalize(text).language == .en)
    }

    @Test(
        "No evidence either way",
        arguments: [
            "", "usdt", "123456", "ok", "👍", "binance", "0xAbC123def4567890abcdef1234567890abcdef12", "???", "2fa",
            "https://binance.com", "100k",
        ])
    func unknown(_ text: String) {
        #expect(normalizer.normalize(text).language == .unknown)
    }

    @Test(
        "Mixed messages pick the majority and say so",
        arguments: [
            ("tôi muốn withdraw", Language.vi),
            ("rút tiền pending lâu quá", .vi),
            ("my account bị khóa", .vi),
            ("i want to rút tiền now please", .en),
            ("please help, tài khoản bị khóa rồi", .vi),
            ("order chua fill", .en),
        ])
    func mixed(_ text: String, _ language: Language) {
        let message = normalizer.normalize(text)
        #expect(message.language == language)
        #expect(message.isMixed)
    }

    @Test(
        "One language is not mixed",
        arguments: ["toi muon rut tien", "this is a test", "rút tiền", "my withdrawal is pending", "the may"])
    func notMixed(_ text: String) {
        #expect(!normalizer.normalize(text).isMixed)
    }

    @Test("Scores are reported in points") func scores() {
        let message = normalizer.normalize("rút tiền")
        #expect(message.scores == LanguageScores(vietnamese: 6, english: 0))
        #expect(normalizer.normalize("the").scores == LanguageScores(vietnamese: 0.5, english: 0.5))
    }

    @Test("Marks that are not Vietnamese are not Vietnamese evidence") func foreignMarks() {
        #expect(normalizer.normalize("naïve façade").language != .vi)
        #expect(normalizer.normalize("groß").scores.vietnamese == 0)
    }
}
