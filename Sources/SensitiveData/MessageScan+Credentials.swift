extension MessageScan {
    private enum CredentialKeyword: Sendable {
        /// code, OTP, 2FA, PIN, mã, mã OTP, mã xác nhận: the value must be a 4–8 digit code.
        case code
        /// password, pass, pw, mật khẩu: a value after an explicit "is"/"là"/":" or one that
        /// looks like a password.
        case password
        /// mk: also teencode for "mình" (I), so only a value that looks like a password counts.
        case ambiguousPassword
    }

    /// Finds one-time codes and passwords given after a keyword: `code: 123456`, `mã OTP là
    /// 123 456`, `password is hunter2`, `mật khẩu của mình là Abc@123`, `mk: abc12345`.
    ///
    /// Between the keyword and the value there may be up to three filler words (`my`, `của`,
    /// `tôi`, `sms`...) and a connector (`:`, `=`, `is`, `was`, `là`). A code is 4–8 digits (or
    /// `123 456`). A password is what follows a connector, unless it is an ordinary word
    /// ("my password is wrong", "mật khẩu là gì"); without a connector the next token must look
    /// like a password: 4+ characters with a digit, a symbol, or upper case after the first
    /// letter. So "I forgot my password", "reset password for my account" stay, and "error code
    /// 1001", "referral code 12345678" stay too.
    mutating func findCredentials() {
        for index in tokens.indices where mayBeCredentialKeyword(tokens[index]) {
            guard let (keyword, last) = credentialKeyword(at: index), !tokens[last].flags.contains(.endsSentence)
            else { continue }
            if index > 0, !tokens[index - 1].flags.contains(.endsSentence), folded(index) == "code",
                Self.codeExclusions.contains(folded(index - 1))
            {
                continue
            }
            var cursor = last + 1
            var connector = false
            var fillers = 0
            while cursor < tokens.count {
                if !tokens[cursor].flags.isDisjoint(with: .valueStart) {
                    connector = connector || tokens[cursor].flags.contains(.colonBefore)
                    break
                }
                let word = folded(cursor)
                if Self.connectors.contains(word) {
                    connector = true
                    cursor += 1
                    break
                }
                guard fillers < 3, Self.fillers.contains(word), !tokens[cursor].flags.contains(.endsSentence) else {
                    break
                }
                fillers += 1
                cursor += 1
            }
            guard cursor < tokens.count else { continue }
            switch keyword {
            case .code:
                if let value = codeValue(at: cursor) { add(.oneTimeCode, value.lowerBound, value.upperBound) }
            case .password, .ambiguousPassword:
                if let value = passwordValue(at: cursor, connector: connector && keyword == .password) {
                    add(.password, value.lowerBound, value.upperBound)
                }
            }
        }
    }

    /// The keyword at token `index`, if any, and the index of its last token (`mật khẩu`, `mã
    /// xác nhận` take several). Only asked for tokens that pass `mayBeCredentialKeyword`.
    private func credentialKeyword(at index: Int) -> (CredentialKeyword, Int)? {
        // Packed words, not strings: no allocation for the tokens that are not keywords.
        let word = packedFold(index)
        guard word != 0 else { return nil }
        if let keyword = Self.keyword(word) { return (keyword, index) }
        let ma = Packed.word("ma")
        guard word == ma || word == Packed.word("mat"), index + 1 < tokens.count else {
            return word == ma && WordFolding.isMaWithTilde(slice(tokens[index])) ? (.code, index) : nil
        }
        let next = packedFold(index + 1)
        if word != ma { return next == Packed.word("khau") ? (.password, index + 1) : nil }  // mật khẩu
        if next == Packed.word("xac") {  // mã xác nhận, mã xác thực, mã xác minh
            let third = index + 2 < tokens.count ? packedFold(index + 2) : 0
            let confirmed = third == Packed.word("nhan") || third == Packed.word("thuc") || third == Packed.word("minh")
            return (.code, confirmed ? index + 2 : index + 1)
        }
        if Self.keyword(next) == .code || next == Packed.word("sms") { return (.code, index + 1) }  // mã OTP
        return WordFolding.isMaWithTilde(slice(tokens[index])) ? (.code, index) : nil  // mã
    }

    /// Cheap rejections, inlined into the caller's loop: this runs on every token of every
    /// message, and the call to the rest of `credentialKeyword(at:)` cost more than the checks.
    /// The first two letters and the lengths are those of the keywords from each ASCII letter
    /// (a byte a letter: `code`, `totp`; `otp`, `otpcode`; `2fa`; `pass`, `pin`, `pw` to
    /// `password`; `ma`, `mat`, `matkhau`, `mk`, `mfa`), so that common words such as `the`, `my`,
    /// `can` or `please` stop here; those from `m` beyond ASCII (`mã`, `mật`) go on.
    @inline(__always)
    private func mayBeCredentialKeyword(_ token: MessageToken) -> Bool {
        // Every keyword has two bytes or more: so has the token whose second byte is read.
        guard token.length >= 2, token.length <= 10, token.flags.isDisjoint(with: .notKeyword) else { return false }
        let length = token.length
        let second = bytes[token.start + 1] | 0x20
        switch bytes[token.start] | 0x20 {
        case 0x63, 0x74: return token.isASCII && length == 4 && second == 0x6F  // c t: co, to
        case 0x6F: return token.isASCII && (length == 3 || length == 7) && second == 0x74  // o: ot
        case 0x32 | 0x20: return token.isASCII && length == 3 && second == 0x66  // 2: 2f
        case 0x70:  // p: pa pi pw
            return token.isASCII && length <= 8 && (second == 0x61 || second == 0x69 || second == 0x77)
        case 0x6D:  // m: ma mk mf
            return !token.isASCII || (length <= 7 && (second == 0x61 || second == 0x6B || second == 0x66))
        case 0xEF: return true  // full-width letters
        default: return false
        }
    }

    /// The keyword a whole packed word is. A `switch` on `Packed.word` literals, which the
    /// compiler folds into constants: the table of pairs it replaces was searched on every call.
    /// A keyword added here needs its first two letters and its length in `mayBeCredentialKeyword`.
    private static func keyword(_ packed: UInt64) -> CredentialKeyword? {
        switch packed {
        case Packed.word("code"), Packed.word("otp"), Packed.word("2fa"), Packed.word("pin"), Packed.word("passcode"),
            Packed.word("mfa"), Packed.word("totp"), Packed.word("otpcode"):
            .code
        case Packed.word("password"), Packed.word("passwd"), Packed.word("pwd"), Packed.word("matkhau"),
            Packed.word("pass"), Packed.word("pw"):
            .password
        case Packed.word("mk"): .ambiguousPassword
        default: nil
        }
    }

    /// 4–8 digits, or two groups of three (`123 456`, `123-456`).
    private func codeValue(at index: Int) -> Range<Int>? {
        let token = tokens[index]
        guard token.isNumber else { return nil }
        if (4...8).contains(token.length) { return token.start..<token.end }
        if token.length == 3, index + 1 < tokens.count, tokens[index + 1].isNumber, tokens[index + 1].length == 3,
            tokens[index + 1].start == token.end + 1, bytes[token.end] == 0x20 || bytes[token.end] == 0x2D
        {
            return token.start..<tokens[index + 1].end
        }
        return nil
    }

    /// The password starting at token `index`: up to the next white space (passwords hold
    /// symbols that split tokens), or the whole quoted text when it is in quotes.
    private func passwordValue(at index: Int, connector: Bool) -> Range<Int>? {
        let token = tokens[index]
        let lower = token.start
        if token.flags.contains(.quoteBefore), let close = closingQuote(from: lower) {
            return lower < close ? lower..<close : nil
        }
        var upper = lower
        while upper < count {
            let (separator, width) = MessageTokenizer.separator(in: bytes, at: upper)
            if bytes[upper] < 0x80 ? ASCII.isWhitespace(bytes[upper]) : separator == .space { break }
            upper += width
        }
        while upper > lower, Self.trailingPunctuation.utf8.contains(bytes[upper - 1]) { upper -= 1 }
        for (opener, closer) in [(UInt8(0x28), UInt8(0x29)), (0x5B, 0x5D), (0x7B, 0x7D), (0x22, 0x22), (0x27, 0x27)]
        where upper > lower && bytes[upper - 1] == closer && !slice(lower, upper - 1).contains(opener) {
            upper -= 1
        }
        guard upper > lower else { return nil }
        if looksLikePassword(lower, upper) { return lower..<upper }
        let word = folded(index)
        guard connector, token.length >= 3, !Self.ordinaryWords.contains(word), !Self.fillers.contains(word),
            !Self.connectors.contains(word)
        else { return nil }
        return lower..<upper
    }

    /// 4+ characters with a digit, an ASCII symbol, or an upper-case letter after the first one
    /// next to lower case (`hunter2`, `Abc@123`, `pAssWord`), not `Reset`, `and` or `doesn't`.
    private func looksLikePassword(_ lower: Int, _ upper: Int) -> Bool {
        var characters = 0
        var digit = false
        var symbol = false
        var innerUpper = false
        var lowerCase = false
        for index in lower..<upper {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 { characters += 1 }
            if byte >= 0x80 { continue }
            if ASCII.isDigit(byte) {
                digit = true
            } else if ASCII.isUppercase(byte) {
                if index > lower { innerUpper = true }
            } else if ASCII.isLowercase(byte) {
                lowerCase = true
            } else if !(byte == 0x27 && index > lower && index + 1 < upper && ASCII.isLetter(bytes[index + 1])) {
                symbol = true  // but not the apostrophe of "doesn't"
            }
        }
        return characters >= 4 && (digit || symbol || (innerUpper && lowerCase))
    }

    /// The offset of the quote closing the one right before `lower`, on the same line.
    private func closingQuote(from lower: Int) -> Int? {
        guard lower > 0 else { return nil }
        let open = bytes[lower - 1]
        let close: [UInt8]
        switch open {
        case 0x22, 0x27, 0x60: close = [open]
        case 0x9C where lower >= 3 && bytes[lower - 3] == 0xE2: close = [0xE2, 0x80, 0x9D]  // “ … ”
        default: return nil
        }
        var index = lower
        while index < count, index - lower <= 128, bytes[index] != 0x0A {
            if bytes[index] == close[0], index + close.count <= count,
                close.indices.allSatisfy({ bytes[index + $0] == close[$0] })
            {
                return index
            }
            index += 1
        }
        return nil
    }

    private static let trailingPunctuation = ".,;:?"

    /// Words that may sit between a keyword and its value.
    private static let fillers: Set<String> = [
        "my", "the", "your", "a", "an", "new", "this", "sms", "email", "mail", "google", "authenticator", "i", "got",
        "received", "just", "verification", "2fa", "otp", "code", "login", "one", "time", "onetime", "pin",
        "cua", "toi", "minh", "em", "anh", "chi", "t", "m", "e", "ban", "nhan", "duoc", "dc", "vua", "moi", "gui",
        "ve", "xac", "thuc", "cho", "cu",
    ]

    private static let connectors: Set<String> = ["is", "was", "la", "are", "=", "l"]

    /// What may follow "password is" or "mật khẩu là" without being a password.
    private static let ordinaryWords: Set<String> = [
        // English
        "not", "wrong", "incorrect", "invalid", "correct", "right", "too", "still", "very", "so", "also", "already",
        "expired", "expiring", "locked", "required", "needed", "empty", "blank", "forgotten", "forgot", "lost",
        "same", "changed", "changing", "reset", "weak", "strong", "long", "short", "ok", "okay", "fine", "what",
        "it", "that", "and", "or", "but", "for", "to", "in", "on", "at", "of", "with", "being", "been", "no", "none",
        "missing", "gone", "different", "there", "here", "saved", "stored", "hidden", "unknown", "accepted",
        "rejected", "working", "broken", "stolen", "leaked", "compromised", "set", "sent", "asked", "requested",
        "case", "sensitive", "more", "less", "please", "how", "why", "when", "where", "which", "who", "because",
        "only", "really", "definitely", "probably", "actually", "valid", "showing", "shown", "displayed",
        "hacked", "blocked", "disabled", "enabled", "needs", "need", "has", "have", "had", "does", "did", "doesnt",
        "isnt", "wasnt", "will", "would", "should", "can", "cant", "could", "must", "might", "may", "all", "any",
        "some", "every", "something", "nothing", "anything", "everything", "wrongly", "mine", "his", "her", "their",
        "our", "we", "you", "he", "she", "they", "me", "us", "them", "these", "those", "correctly", "now", "then",
        "never", "always", "sometimes", "again", "somehow", "apparently", "supposedly", "just", "literally",
        // Vietnamese, folded
        "khong", "ko", "k", "kg", "hok", "sai", "dung", "bi", "gi", "j", "da", "roi", "cu", "qua", "nhe", "vay",
        "sao", "s", "the", "dau", "bao", "nhieu", "nao", "phai", "co", "chua", "het", "han", "loi", "mat",
        "quen", "nhu", "ntn", "nay", "do", "kia", "ai", "hong", "bay", "gio", "dai", "ngan", "yeu", "manh", "gom",
        "vao", "doi", "lai", "trung", "giong", "van", "luon", "cung", "rat", "hay", "hoac", "va", "nhung", "vi",
        "neu", "thi", "o", "tai", "tren", "duoi", "trong", "ngoai", "mk", "khau", "pass", "password",
    ]

    /// Words before "code" that make it something other than a one-time code.
    private static let codeExclusions: Set<String> = [
        "referral", "ref", "promo", "promotion", "promotional", "invite", "invitation", "reference", "voucher",
        "coupon", "discount", "gift", "order", "error", "country", "zip", "postal", "post", "area", "swift", "bank",
        "qr", "source", "tracking", "bonus", "affiliate", "status", "http", "response", "exit", "bar", "dial",
        "region", "currency", "product", "item", "sort", "routing", "branch", "tax", "iban", "bic", "color",
        "colour", "network", "chain", "memo", "tag",
    ]
}
