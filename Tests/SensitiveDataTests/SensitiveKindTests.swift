import Testing

@testable import SensitiveData

@Suite("Kinds, markers and the engine's fast path")
struct SensitiveKindTests {
    let scanner = SensitiveDataScanner()

    @Test func markersAndWalletSecrets() {
        #expect(SensitiveKind.seedPhrase.marker == "[SEED_PHRASE]")
        #expect(SensitiveKind.extendedPrivateKey.marker == "[XPRV]")
        #expect(SensitiveKind.oneTimeCode.marker == "[CODE]")
        #expect(
            SensitiveKind.allCases.filter(\.isWalletSecret) == [.seedPhrase, .privateKey, .extendedPrivateKey, .wif])
    }

    @Test("Several kinds in one message: text order, wallet secret first for the engine")
    func severalKinds() {
        let message =
            "email a.b@c.io, card 4111 1111 1111 1111, key 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let redaction = scanner.redact(message)
        #expect(redaction.text == "email [EMAIL], card [CARD_NUMBER], key [PRIVATE_KEY]")
        #expect(redaction.kinds == [.email, .cardNumber, .privateKey])
        #expect(redaction.containsWalletSecret)
        #expect(scanner.walletSecret(in: message) == .privateKey)
    }

    @Test(
        "Messages without sensitive data come back unchanged",
        arguments: [
            "", " ", "hi", "rút tiền chưa về", "Hello, I want to withdraw 500 USDT to my wallet on TRC20",
            "tôi nạp 2.000.000đ qua ngân hàng lúc 10:30 hôm nay mà chưa thấy tiền vào tài khoản, giúp mình với",
            "what is the fee to send BTC? can you help me, I have a question about the deposit limit today",
            "📱 ví của mình bị khóa 😢", "ＯＴＰ không về", "I lost access to my phone and 2FA, what should I do now?",
            "my wallet address is 0x742d35Cc6634C0532925a3b844Bc454e4438f44e and the network is BEP20",
        ])
    func unchanged(message: String) {
        let redaction = scanner.redact(message)
        #expect(redaction.text == message)
        #expect(redaction.isEmpty)
        #expect(scanner.walletSecret(in: message) == nil)
    }

    @Test("Vietnamese folding for keywords")
    func folding() {
        func fold(_ text: String) -> String {
            var text = text
            return text.withUTF8 { WordFolding.fold($0) }
        }
        #expect(fold("Mật") == "mat")
        #expect(fold("ĐƯỢC") == "duoc")
        #expect(fold("ma\u{303}") == "ma")
        #expect(fold("ＯＴＰ") == "otp")
        #expect(fold("khẩu") == "khau")
    }
}
