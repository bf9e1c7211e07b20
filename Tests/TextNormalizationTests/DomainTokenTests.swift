import Testing
import TextNormalization

/// Amounts, tickers, addresses, URLs and emails stay whole, typed, with their text as typed.
@Suite struct DomainTokenTests {
    let normalizer = TestNormalizers.shipped

    /// The one token of `input` that is not a plain word.
    private func domainToken(_ input: String) -> Token? {
        normalizer.normalize(input).tokens.first { $0.kind != .word }
    }

    @Test(
        "Amounts",
        arguments: [
            ("rút 1.000.000đ", "1.000.000đ", "1.000.000d"),
            ("nap 100k", "100k", "100k"),
            ("nap 500K", "500K", "500k"),
            ("rut 2tr", "2tr", "2tr"),
            ("rut 2tr5 nhe", "2tr5", "2tr5"),
            ("chuyen 1,5tr", "1,5tr", "1,5tr"),
            ("gui 50$", "50$", "50$"),
            ("send $50 now", "$50", "$50"),
            ("fee $0.5?", "$0.5", "$0.5"),
            ("phi 20.000 vnd", "20.000", "20.000"),
            ("nap 300usdt", "300usdt", "300usdt"),
            ("rut 500d", "500d", "500d"),
            ("5 triệu", "5", "5"),
            ("5triệu thôi", "5triệu", "5trieu"),
            ("rut 2 ty", "2", "2"),
            ("100u là sao", "100u", "100u"),
            ("(200k)", "200k", "200k"),
            ("1.000.000₫", "1.000.000₫", "1.000.000d"),
        ])
    func amounts(_ input: String, _ text: String, _ plain: String) {
        let token = domainToken(input)
        #expect(token?.text == text)
        #expect(token?.plain == plain)
        #expect(token?.kind == (plain.allSatisfy { $0.isNumber || $0 == "." } ? .number : .amount))
    }

    @Test("Numbers", arguments: ["0.5", "123456", "1,000,000", "3.14", "2024"])
    func numbers(_ number: String) {
        let token = domainToken("ma \(number) nhe")
        #expect(token?.kind == .number)
        #expect(token?.text == number)
    }

    @Test("Not amounts or numbers", arguments: ["2fa", "24h", "4g", "7d", "p2p", "b2b", "mp3"])
    func words(_ word: String) {
        #expect(normalizer.normalize(word).tokens.map(\.kind) == [.word])
    }

    @Test(
        "Tickers and networks",
        arguments: [
            ("USDT", "usdt"), ("trc20", "trc20"), ("TRC20", "trc20"), ("BEP-20", "bep20"), ("ERC-20", "erc20"),
            ("bep20", "bep20"), ("BTC", "btc"), ("eth", "eth"), ("Tron", "tron"), ("ＵＳＤＴ", "usdt"),
        ])
    func tickers(_ input: String, _ plain: String) {
        let tokens = normalizer.normalize("nap \(input) nhe").tokens
        #expect(tokens.count == 3)
        #expect(tokens[1].kind == .ticker)
        #expect(tokens[1].plain == plain)
        #expect(tokens[1].text == input)
    }

    @Test("A coin and its network glued with a hyphen are two tickers") func coinAndNetwork() {
        let tokens = normalizer.normalize("gửi USDT-TRC20 và USDT-BEP-20").tokens
        #expect(tokens.map(\.plain) == ["gui", "usdt", "trc20", "va", "usdt", "bep20"])
        #expect(tokens.map(\.kind) == [.word, .ticker, .ticker, .word, .ticker, .ticker])
    }

    @Test(
        "Wallet addresses and transaction hashes keep their case",
        arguments: [
            "0xAbC123def4567890abcdef1234567890abcdef12",
            "TXyZ9a8b7c6d5e4f3g2h1j1k2m3n4p5q6r",
            "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
            "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
            "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
            "0x12ab...cd34",
            "0x12ab…cd34",
            "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",
        ])
    func addresses(_ address: String) {
        let tokens = normalizer.normalize("vi \(address), kiem tra giup").tokens
        #expect(tokens[1].kind == .address)
        #expect(tokens[1].text == address)
        #expect(tokens[1].plain == address.lowercased())
        #expect(tokens.count == 5)
    }

    @Test(
        "URLs",
        arguments: [
            "https://binance.com/en/support?x=1&y=2", "http://example.org", "www.okx.com/vi", "binance.com",
            "accounts.google.com/signin", "HTTPS://Scam-Site.xyz/Claim",
        ])
    func urls(_ url: String) {
        let tokens = normalizer.normalize("link nay (\(url)) co phai that khong").tokens
        #expect(tokens.filter { $0.kind == .url }.map(\.text) == [url])
        #expect(tokens.count == 7)
    }

    @Test("Emails", arguments: ["support@binance.com", "a.b@x.io", "Nguyen.Van+test@gmail.com", "ho_tro@san.com.vn"])
    func emails(_ email: String) {
        let tokens = normalizer.normalize("email \(email) nhe").tokens
        #expect(tokens.map(\.kind) == [.word, .email, .word])
        #expect(tokens[1].text == email)
    }

    @Test("Dotted words that are not web addresses", arguments: ["v.v", "e.g", "1.5", "a.m."])
    func notURLs(_ text: String) {
        #expect(!normalizer.normalize(text).tokens.contains { $0.kind == .url })
    }

    @Test("Domain tokens are as typed and neutral for language") func neutral() {
        let message = normalizer.normalize("0xAbC123def4567890abcdef1234567890abcdef12 100k USDT")
        #expect(message.language == .unknown)
        #expect(message.tokens.allSatisfy { $0.isAsTyped })
    }
}
