import Testing

@testable import SensitiveData

@Suite("One-time codes and passwords")
struct CredentialTests {
    let scanner = SensitiveDataScanner()

    @Test(
        "Redacted after their keyword",
        arguments: [
            ("code: 123456", "code: [CODE]", SensitiveKind.oneTimeCode),
            ("my 2fa code is 482913, it failed", "my 2fa code is [CODE], it failed", .oneTimeCode),
            ("OTP 1234", "OTP [CODE]", .oneTimeCode),
            ("the verification code I got was 12345678.", "the verification code I got was [CODE].", .oneTimeCode),
            ("mã OTP là 123 456 nhé", "mã OTP là [CODE] nhé", .oneTimeCode),
            ("Mã xác nhận: 654321", "Mã xác nhận: [CODE]", .oneTimeCode),
            ("mã là 987654", "mã là [CODE]", .oneTimeCode),
            ("ma otp cua toi la 246810", "ma otp cua toi la [CODE]", .oneTimeCode),
            ("ma\u{303} OTP la\u{300} 135790", "ma\u{303} OTP la\u{300} [CODE]", .oneTimeCode),  // NFD
            ("ＯＴＰ： 864200", "ＯＴＰ： [CODE]", .oneTimeCode),  // full width
            ("password: Hunter2!", "password: [PASSWORD]", .password),
            ("my password is hunter2 pls help", "my password is [PASSWORD] pls help", .password),
            ("password is dragonfly", "password is [PASSWORD]", .password),
            ("mật khẩu của mình là Abc@12345 nhé", "mật khẩu của mình là [PASSWORD] nhé", .password),
            ("mat khau: matkhau2024", "mat khau: [PASSWORD]", .password),
            ("mk: abc12345", "mk: [PASSWORD]", .password),
            ("pass là dragonfly", "pass là [PASSWORD]", .password),
            ("pass là x-y/z(9)", "pass là [PASSWORD]", .password),
            ("pw \"my secret phrase\" ok", "pw \"[PASSWORD]\" ok", .password),
            ("login with password P@ssw0rd", "login with password [PASSWORD]", .password),
        ] as [(String, String, SensitiveKind)])
    func redacts(message: String, expected: String, kind: SensitiveKind) {
        let redaction = scanner.redact(message)
        #expect(redaction.text == expected)
        #expect(redaction.kinds == [kind])
    }

    @Test(
        "Every keyword, in lower and upper case, leads a value",
        arguments: [
            ("code", SensitiveKind.oneTimeCode), ("otp", .oneTimeCode), ("2fa", .oneTimeCode), ("pin", .oneTimeCode),
            ("passcode", .oneTimeCode), ("mfa", .oneTimeCode), ("totp", .oneTimeCode), ("otpcode", .oneTimeCode),
            ("password", .password), ("passwd", .password), ("pwd", .password), ("matkhau", .password),
            ("pass", .password), ("pw", .password), ("mk", .password),
        ] as [(String, SensitiveKind)])
    func everyKeyword(keyword: String, kind: SensitiveKind) {
        for spelled in [keyword, keyword.uppercased()] {
            let redaction = scanner.redact("\(spelled): 482913")
            #expect(redaction.text == "\(spelled): [\(kind.rawValue)]")
            #expect(redaction.kinds == [kind])
        }
    }

    @Test(
        "Ordinary talk about codes and passwords stays",
        arguments: [
            "I forgot my password",
            "I forgot my password and can't log in",
            "reset password",
            "how do I reset password for my account",
            "my password is wrong",
            "My password doesn't work.",
            "the password isn’t accepted",
            "password is not working. Please help",
            "password reset link expired",
            "mật khẩu là gì",
            "quên mật khẩu rồi",
            "đổi mật khẩu 2 lần vẫn lỗi",
            "mk muốn rút tiền về ngân hàng",
            "mk là người mới",
            "pass kyc chưa được",
            "I can't pass the verification",
            "error code 1001 when I withdraw",
            "referral code 12345678",
            "mã giới thiệu 12345678",
            "scan the QR code 123456",
            "code 12",
            "my code is not working",
            "2fa code",
            "mã đơn hàng là 12345678",
        ])
    func keeps(message: String) {
        #expect(scanner.findings(in: message).isEmpty, "\(message)")
    }
}
