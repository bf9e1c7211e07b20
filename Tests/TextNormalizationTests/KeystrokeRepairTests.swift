import Testing

@testable import TextNormalization

/// Telex and VNI residue, repaired only where it is safe (VIETNAMESE-NOTES §2.4).
@Suite struct KeystrokeRepairTests {
    let normalizer = TestNormalizers.shipped

    @Test(
        "Telex residue is repaired in a Vietnamese message",
        arguments: [
            ("ruts tieenf", "rut tien", ["rút", "tiền"]),
            ("dduowcj", "duoc", ["được"]),
            ("nguoiwf dungf", "nguoi dung", ["người", "dùng"]),
            ("khoong nhaanj dduowcj", "khong nhan duoc", ["không", "nhận", "được"]),
            ("tafi khoanr bij khoas", "tai khoan bi khoa", ["tài", "khoản", "bị", "khóa"]),
            ("maatj khaaur", "mat khau", ["mật", "khẩu"]),
            ("chuyeenr khoanr", "chuyen khoan", ["chuyển", "khoản"]),
            ("phis napj", "phi nap", ["phí", "nạp"]),
            ("twf hoom qua", "tu hom qua", ["từ", "hôm", "qua"]),
            ("nhwng sao", "nhung sao", ["nhưng", "sao"]),
            ("thuwowngf xuyeen", "thuong xuyen", ["thường", "xuyên"]),
            ("quyeets ddinhj", "quyet dinh", ["quyết", "định"]),
            ("hoawcj gif", "hoac gi", ["hoặc", "gì"]),
            ("duocwj khong", "duoc khong", ["dược", "khong"]),
            ("laf sao", "la sao", ["là", "sao"]),
            ("giaf quas", "gia qua", ["già", "quá"]),
            ("RUTS TIEENF", "rut tien", ["rút", "tiền"]),
        ])
    func telex(_ input: String, _ plain: String, _ intended: [String]) {
        let message = normalizer.normalize(input)
        #expect(message.plainWords.joined(separator: " ") == plain)
        #expect(message.tokens.map(\.intended) == intended)
    }

    @Test(
        "VNI residue is repaired in a Vietnamese message",
        arguments: [
            ("ru1t tie6n2", "rut tien", ["rút", "tiền"]),
            ("d9u7o7c5", "duoc", ["được"]),
            ("d9uo7c5 chua", "duoc chua", ["được", "chua"]),
            ("ta2i khoa3n", "tai khoan", ["tài", "khoản"]),
            ("kho6ng nha6n5", "khong nhan", ["không", "nhận"]),
            ("ty3 so61", "ty so", ["tỷ", "số"]),
            ("ma85t tra8ng", "mat trang", ["mặt", "trăng"]),
            ("d9i d9a2 lat5", "di da lat", ["đi", "đà", "lạt"]),
        ])
    func vni(_ input: String, _ plain: String, _ intended: [String]) {
        let message = normalizer.normalize(input)
        #expect(message.plainWords.joined(separator: " ") == plain)
        #expect(message.tokens.map(\.intended) == intended)
    }

    @Test(
        "English and crypto words are never repaired, even in a Vietnamese message",
        arguments: [
            "after", "access", "cross", "usdt", "trc20", "erc20", "bep20", "2fa", "pass", "fee", "tax", "seed",
            "swap", "this", "test", "top1", "vip1", "win10", "4g", "boss", "off", "lost", "best", "post", "taxi",
            "visa", "max",
        ])
    func protectedWords(_ word: String) {
        let message = normalizer.normalize("toi bi \(word) roi")
        #expect(message.language == .vi)
        #expect(message.tokens[2].plain == word)
        #expect(message.tokens[2].isAsTyped)
    }

    @Test(
        "Nothing is repaired in an English message",
        arguments: [
            ("ruts in the road", "ruts in the road"),
            ("the cows are in the barn", "the cows are in the barn"),
            ("my dduowcj is pending", "my dduowcj is pending"),
            ("what does GIF mean", "what does gif mean"),
        ])
    func englishMessages(_ input: String, _ plain: String) {
        let message = normalizer.normalize(input)
        #expect(message.language == .en)
        #expect(message.plainWords.joined(separator: " ") == plain)
    }

    @Test(
        "Tokens that are not residue stay as typed",
        arguments: [
            ("mua xoong noi", "xoong"),  // a real `oo` word
            ("rút tiềnn", "tienn"),  // typed with marks: the IME was on
            ("rut IST", "ist"),  // an acronym among lower-case words
            ("rut duocw", "duocw"),  // no tone on a stop coda: not a syllable
            ("rut beeer", "beeer"),  // tripled vowel is the literal letter
            ("rut whos", "whos"),  // w before a vowel
            ("rut tieenff", "tieenff"),  // doubled tone key
        ])
    func notResidue(_ input: String, _ plain: String) {
        let message = normalizer.normalize(input)
        #expect(message.tokens[1].plain == plain)
        #expect(message.tokens[1].isAsTyped)
    }

    @Test("A repaired token is not as typed; its folded form is the input's") func repairedToken() {
        let token = normalizer.normalize("ruts tieenf").tokens[1]
        #expect(token.text == "tieenf")
        #expect(token.folded == "tieenf")
        #expect(token.plain == "tien")
        #expect(token.intended == "tiền")
        #expect(!token.isAsTyped)
    }

    @Test(
        "Decoder: tone placement, old style",
        arguments: [
            ("hoaf", "hòa"), ("thuyr", "thủy"), ("quys", "quý"), ("khoer", "khỏe"), ("muaf", "mùa"),
            ("thuowr", "thuở"), ("khuyeen", "khuyên"), ("ngoaif", "ngoài"), ("tieeus", "tiếu"), ("giuwax", "giữa"),
            ("gif", "gì"), ("yeeus", "yếu"), ("ddeemf", "đềm"), ("cuoocj", "cuộc"),
        ])
    func tonePlacement(_ keys: String, _ marked: String) {
        var keys = keys
        let decoded = keys.withUTF8 { KeystrokeDecoder.decode(UnsafeRawBufferPointer($0)) }
        #expect(decoded?.marked == marked)
    }

    @Test(
        "Decoder: not a syllable, or no marker",
        arguments: [
            "rut", "tien", "duocw", "ddd", "who", "were", "two", "aaa", "ruts2", "h2o", "mp3", "e2e", "0ab", "rutss",
        ])
    func notDecoded(_ keys: String) {
        var keys = keys
        #expect(keys.withUTF8 { KeystrokeDecoder.decode(UnsafeRawBufferPointer($0)) } == nil)
    }
}
