import Testing

@testable import SensitiveData

@Suite("Private keys, WIF and extended keys")
struct KeyMaterialTests {
    let scanner = SensitiveDataScanner()

    static let hex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    static let wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
    static let compressedWIF = "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617"
    static let xprv =
        "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi"

    @Test(
        "Keys in English and Vietnamese messages",
        arguments: [
            (
                "my private key is \(hex) is it safe?", "my private key is [PRIVATE_KEY] is it safe?",
                SensitiveKind.privateKey
            ),
            ("key: 0x\(hex)", "key: [PRIVATE_KEY]", .privateKey),
            ("\(hex)", "[PRIVATE_KEY]", .privateKey),
            (
                "khóa riêng của mình là \(hex.uppercased()) giúp với", "khóa riêng của mình là [PRIVATE_KEY] giúp với",
                .privateKey
            ),
            ("wif \(wif).", "wif [WIF].", .wif),
            ("ví cũ của tôi: \(compressedWIF)", "ví cũ của tôi: [WIF]", .wif),
            ("exported \(xprv) from my wallet", "exported [XPRV] from my wallet", .extendedPrivateKey),
            ("zprvAWgYBBk7JR8Gj", "zprvAWgYBBk7JR8Gj", nil),  // too short to be a key
            (
                "khóa mở rộng: zprvAWgYBBk7JR8Gjrh4UJQ2uJdG1r3WNRRfURiABBE3RvMXYSrRJL62", "khóa mở rộng: [XPRV]",
                .extendedPrivateKey
            ),
            ("not the txid, my private key: \(hex)", "not the txid, my private key: [PRIVATE_KEY]", .privateKey),
        ] as [(String, String, SensitiveKind?)])
    func detectsKeys(message: String, expected: String, kind: SensitiveKind?) {
        #expect(scanner.redact(message).text == expected)
        #expect(scanner.walletSecret(in: message) == kind)
    }

    @Test(
        "Transaction hashes and addresses stay",
        arguments: [
            "txid: \(hex)",
            "TxID 0x\(hex) chưa về",
            "my tx hash is 0x\(hex), the deposit is missing",
            "transaction \(hex) pending for 3 hours",
            "mã giao dịch: \(hex)",
            "hash giao dịch 0x\(hex) nè",
            "giao dịch \(hex) chưa được xác nhận",
            "https://etherscan.io/tx/0x\(hex)",
            "\(hex) is the txid",
            "txids: \(hex), \(hex)",
            "send to 0x742d35Cc6634C0532925a3b844Bc454e4438f44e please",
            "địa chỉ ví TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7 mạng TRC20",
            "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
            "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",
            "\(hex)ab is 66 hex digits, not a key",
        ])
    func keepsTransactionHashes(message: String) {
        #expect(scanner.findings(in: message).isEmpty, "\(message)")
        #expect(scanner.walletSecret(in: message) == nil)
    }

    @Test("Base58 runs of the WIF length with a letter outside the alphabet stay")
    func invalidBase58() {
        let withZero = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvy0J"
        #expect(scanner.findings(in: withZero).isEmpty)
        let wrongLead = "7HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
        #expect(scanner.findings(in: wrongLead).isEmpty)
    }
}
