import Testing

@testable import SensitiveData

@Suite("Cards, e-mails and phones")
struct PersonalDataTests {
    let scanner = SensitiveDataScanner()

    @Test(
        "Redacted in English and Vietnamese messages",
        arguments: [
            (
                "card 4111 1111 1111 1111 was charged twice", "card [CARD_NUMBER] was charged twice",
                SensitiveKind.cardNumber
            ),
            ("thẻ 5555-5555-5555-4444 bị trừ tiền", "thẻ [CARD_NUMBER] bị trừ tiền", .cardNumber),
            ("số thẻ:4111111111111111.", "số thẻ:[CARD_NUMBER].", .cardNumber),
            ("amex 3782 822463 10005 ok", "amex [CARD_NUMBER] ok", .cardNumber),
            ("napas 9704 1234 5678 9012 345", "napas [CARD_NUMBER]", .cardNumber),
            ("mail me at nguyen.van.a+crypto@gmail.com.", "mail me at [EMAIL].", .email),
            ("email của tôi là Support-Team@exchange.com.vn nhé", "email của tôi là [EMAIL] nhé", .email),
            ("call 0912345678 now", "call [PHONE] now", .phone),
            ("sđt 0912 345 678", "sđt [PHONE]", .phone),
            ("sdt: 0912.345.678, gọi giúp", "sdt: [PHONE], gọi giúp", .phone),
            ("số 091-234-5678", "số [PHONE]", .phone),
            ("zalo 0388123456 nha", "zalo [PHONE] nha", .phone),
            ("phone +84 912 345 678", "phone [PHONE]", .phone),
            ("(+84)912345678", "([PHONE]", .phone),
            ("gọi 84912345678", "gọi [PHONE]", .phone),
            ("US number +1 (415) 555-2671.", "US number [PHONE].", .phone),
            ("+44 20 7946 0958 is my office", "[PHONE] is my office", .phone),
        ] as [(String, String, SensitiveKind)])
    func redacts(message: String, expected: String, kind: SensitiveKind) {
        let redaction = scanner.redact(message)
        #expect(redaction.text == expected)
        #expect(redaction.kinds == [kind])
        #expect(scanner.walletSecret(in: message) == nil)
    }

    @Test(
        "Amounts, dates, ids and other numbers stay",
        arguments: [
            "I deposited 1.000.000 VND yesterday",
            "nạp 100k mà chưa thấy, rút 2.500.000đ",
            "withdraw 0.05 ETH and 1,250.75 USDT",
            "on 12/05/2024 at 10:30",
            "ngày 05.03.2024 lúc 09:15",
            "date 2024-05-12",
            "order 12345678 and id 98765432",
            "+100 USDT bonus, +10.000.000 đ cashback",
            "4111 1111 1111 1112 is not a valid card",
            "tài khoản 1234 5678 9",
            "@binance_support help",
            "version 1.2.3 build 0912345678901",
            "ref 0912345678x",
            "mã đơn 0912",
        ])
    func keeps(message: String) {
        #expect(scanner.findings(in: message).isEmpty, "\(message)")
    }

    @Test("Multi-byte text around findings stays intact")
    func multiByteNeighbours() {
        #expect(scanner.redact("📱0912345678😢 số của tôi").text == "📱[PHONE]😢 số của tôi")
        #expect(scanner.redact("“an@vi.vn”").text == "“[EMAIL]”")
    }

    @Test("Ranges point at the data in the original string")
    func ranges() {
        let message = "Chào bạn, email mình là an@vi.vn và sđt 0987654321"
        let findings = scanner.findings(in: message)
        #expect(findings.map(\.kind) == [.email, .phone])
        #expect(findings.map { String(message[$0.range]) } == ["an@vi.vn", "0987654321"])
    }
}
