import SupportBotTestSupport
import Testing

@testable import SensitiveData

/// Random secrets in random filler sentences: after redaction, none of them may survive.
@Suite("Random secrets are always redacted")
struct RedactionPropertyTests {
    let scanner = SensitiveDataScanner()

    /// A secret as planted in a message, with what must not survive redaction.
    struct Secret {
        var text: String
        var kind: SensitiveKind
        /// Substrings of the secret that must not be in the redacted text.
        var distinctive: [String]
        /// For seed phrases: words of the phrase that must not be in the redacted text.
        var words: [String] = []
    }

    static let englishFiller = [
        "hi support", "please help me", "I need help with my account", "is this safe?", "what should I do now",
        "thanks in advance", "my withdrawal is still pending", "I sent 250 USDT yesterday", "urgent!!",
        "can you check", "hello team,", "I think I was scammed", "the app shows an error.", "ok.", "here it is:",
    ]
    static let vietnameseFiller = [
        "chào ad", "giúp mình với", "tài khoản của tôi bị lỗi", "có an toàn không?", "mình phải làm sao",
        "cảm ơn nhiều", "lệnh rút tiền chưa về", "em nạp 500k hôm qua", "gấp lắm ạ", "kiểm tra giúp em",
        "xin chào,", "hình như mình bị lừa", "app báo lỗi", "ok nhé.", "đây nè:",
    ]

    @Test("Filler alone has no findings")
    func fillerIsClean() {
        for sentence in Self.englishFiller + Self.vietnameseFiller {
            #expect(scanner.findings(in: sentence).isEmpty, "\(sentence)")
        }
    }

    @Test("3,000 random secrets in random sentences")
    func randomSecrets() {
        var random = SeededRandom(seed: 0x5EC2_E7DA_7A00_0001)
        var failures = 0
        for _ in 0..<3000 {
            let secret = Self.makeSecret(using: &random)
            let filler = Bool.random(using: &random) ? Self.englishFiller : Self.vietnameseFiller
            let before = (0..<Int.random(in: 0...2, using: &random)).map { _ in filler.randomElement(using: &random)! }
            let after = (0..<Int.random(in: 0...2, using: &random)).map { _ in filler.randomElement(using: &random)! }
            let message = (before + [secret.text] + after).joined(separator: " ")
            let redaction = scanner.redact(message)
            let leaked = secret.distinctive.filter { redaction.text.contains($0) }
            let fillerWords = Set(
                (before + after).joined(separator: " ").lowercased().split(separator: " ").map(String.init))
            let redactedWords = Set(
                redaction.text.lowercased().split(whereSeparator: { " \n,.\u{3000}".contains($0) }).map(String.init))
            let leakedWords = secret.words.filter { redactedWords.contains($0) && !fillerWords.contains($0) }
            let ok = leaked.isEmpty && leakedWords.isEmpty && redaction.kinds.contains(secret.kind)
            if !ok {
                failures += 1
                if failures <= 10 {
                    Issue.record("\(secret.kind): \(message)\n→ \(redaction.text) \(redaction.kinds)")
                }
            }
            if secret.kind.isWalletSecret {
                #expect(scanner.walletSecret(in: message) == secret.kind)
            }
        }
        #expect(failures == 0)
    }

    static func makeSecret(using random: inout SeededRandom) -> Secret {
        switch Int.random(in: 0..<8, using: &random) {
        case 0, 1: seedPhrase(using: &random)
        case 2: hexKey(using: &random)
        case 3: card(using: &random)
        case 4: email(using: &random)
        case 5: phone(using: &random)
        case 6: oneTimeCode(using: &random)
        default: password(using: &random)
        }
    }

    static func seedPhrase(using random: inout SeededRandom) -> Secret {
        let language = BIP39Language.allCases.randomElement(using: &random)!
        let list = BIP39Index.shared.words[language.rawValue]
        let count = [12, 15, 18, 21, 24].randomElement(using: &random)!
        var words = (0..<count).map { _ in list.randomElement(using: &random)! }
        let cased: [String] =
            switch Int.random(in: 0..<3, using: &random) {
            case 0: words.map { $0.uppercased() }
            case 1: words.map { $0.prefix(1).uppercased() + $0.dropFirst() }
            default: words
            }
        let text: String
        switch Int.random(in: 0..<5, using: &random) {
        case 0: text = cased.joined(separator: ", ")
        case 1: text = cased.joined(separator: "\n")
        case 2: text = cased.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: " ")
        case 3: text = cased.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "\n")
        default: text = cased.joined(separator: language == .japanese ? "\u{3000}" : " ")
        }
        words = words.map { $0.lowercased() }
        return Secret(text: text, kind: .seedPhrase, distinctive: [], words: words)
    }

    static func hexKey(using random: inout SeededRandom) -> Secret {
        let hex = String((0..<64).map { _ in "0123456789abcdef".randomElement(using: &random)! })
        let text = Bool.random(using: &random) ? "0x" + hex : hex
        return Secret(text: text, kind: .privateKey, distinctive: [String(hex.prefix(16)), String(hex.suffix(16))])
    }

    static func card(using random: inout SeededRandom) -> Secret {
        let prefix = ["4", "51", "55", "9704", "3528"].randomElement(using: &random)!
        let length = [16, 16, 16, 19].randomElement(using: &random)!
        var digits = prefix.map { Int(String($0))! }
        while digits.count < length - 1 { digits.append(Int.random(in: 0...9, using: &random)) }
        digits.append(luhnCheckDigit(digits))
        let plain = digits.map(String.init).joined()
        let separator = ["", " ", "-"].randomElement(using: &random)!
        var groups: [String] = []
        var rest = Substring(plain)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        let text = groups.joined(separator: separator)
        return Secret(
            text: text, kind: .cardNumber,
            distinctive: [text, String(plain.suffix(8)), groups[1] + separator + groups[2]])
    }

    static func luhnCheckDigit(_ digits: [Int]) -> Int {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            var value = digit
            if offset % 2 == 0 {
                value *= 2
                if value > 9 { value -= 9 }
            }
            sum += value
        }
        return (10 - sum % 10) % 10
    }

    static func email(using random: inout SeededRandom) -> Secret {
        let letters = "abcdefghijklmnopqrstuvwxyz"
        let name = String(
            (0..<Int.random(in: 5...10, using: &random)).map { _ in letters.randomElement(using: &random)! })
        let separator = ["", ".", "_", "+", "-"].randomElement(using: &random)!
        let local = name + separator + String(Int.random(in: 10...9999, using: &random))
        let domain = ["gmail.com", "yahoo.com.vn", "company.io", "mail.example.org"].randomElement(using: &random)!
        return Secret(text: "\(local)@\(domain)", kind: .email, distinctive: [local, "\(local)@"])
    }

    static func phone(using random: inout SeededRandom) -> Secret {
        let subscriber = (0..<8).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
        let mobile = ["3", "5", "7", "8", "9"].randomElement(using: &random)!
        let national = mobile + subscriber  // 9 digits after the 0 or the 84
        let separator = ["", " ", ".", "-"].randomElement(using: &random)!
        let grouped = [national.prefix(3), national.dropFirst(3).prefix(3), national.suffix(3)].joined(
            separator: separator)
        let text: String
        switch Int.random(in: 0..<4, using: &random) {
        case 0: text = "0" + national
        case 1: text = "0" + grouped
        case 2: text = "+84 " + grouped
        default: text = "+84" + national
        }
        return Secret(text: text, kind: .phone, distinctive: [text, String(national.suffix(6))])
    }

    static func oneTimeCode(using random: inout SeededRandom) -> Secret {
        let code = (0..<Int.random(in: 4...8, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random))
        }
        .joined()
        let lead = [
            "code:", "code", "OTP", "otp:", "my 2fa code is", "verification code:", "mã OTP là", "mã:",
            "mã xác nhận", "Mã OTP của tôi là",
        ].randomElement(using: &random)!
        return Secret(text: "\(lead) \(code)", kind: .oneTimeCode, distinctive: [code])
    }

    static func password(using random: inout SeededRandom) -> Secret {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ")
        let symbols = Array("!@#$%^&*_-+=?")
        var characters = (0..<Int.random(in: 6...12, using: &random)).map { _ in alphabet.randomElement(using: &random)!
        }
        characters.insert(
            Character(String(Int.random(in: 0...9, using: &random))),
            at: Int.random(in: 0...characters.count, using: &random))
        if Bool.random(using: &random) {
            characters.insert(
                symbols.randomElement(using: &random)!, at: Int.random(in: 1...characters.count, using: &random))
        }
        let value = String(characters)
        let lead = ["password:", "my password is", "Password", "mật khẩu là", "mat khau:", "mk:", "pass là", "pw ="]
            .randomElement(using: &random)!
        return Secret(text: "\(lead) \(value)", kind: .password, distinctive: [value])
    }
}
