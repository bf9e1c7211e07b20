extension MessageScan {
    /// Finds raw private keys (64 hex digits), WIF keys and extended private keys.
    ///
    /// Each is a whole run of ASCII letters and digits, so `0x…` addresses (40 hex digits),
    /// Tron `T…` and `bc1…` addresses, which have other lengths or alphabets, stay. A 64-hex run
    /// in a transaction context (`txid`, `hash`, `giao dịch`, `/tx/` in a URL) is a transaction
    /// hash: agents need it, so it stays too.
    mutating func findKeyMaterial() {
        guard summary.longestToken >= 24 else { return }
        for tokenIndex in tokens.indices where tokens[tokenIndex].length >= 24 {
            let token = tokens[tokenIndex]
            var index = token.start
            while index < token.end {
                guard ASCII.isAlphanumeric(bytes[index]) else {
                    index += 1
                    continue
                }
                let start = index
                while index < token.end, ASCII.isAlphanumeric(bytes[index]) { index += 1 }
                guard let kind = keyMaterialKind(start, index) else { continue }
                if kind == .privateKey, isTransactionHashContext(around: tokenIndex) { continue }
                add(kind, start, index)
            }
        }
    }

    /// The kind of key the alphanumeric run `lower..<upper` is, if any.
    func keyMaterialKind(_ lower: Int, _ upper: Int) -> SensitiveKind? {
        let length = upper - lower
        let first = bytes[lower]
        switch length {
        case 64 where all(lower, upper, ASCII.isHexDigit):
            return .privateKey
        case 66 where first == 0x30 && bytes[lower + 1] | 0x20 == 0x78 && all(lower + 2, upper, ASCII.isHexDigit):
            return .privateKey
        case 51 where first == 0x35 && all(lower, upper, ASCII.isBase58),  // 5…
            52 where (first == 0x4B || first == 0x4C) && all(lower, upper, ASCII.isBase58):  // K… L…
            return .wif
        default:
            break
        }
        // xprv yprv zprv tprv uprv vprv Yprv Zprv Uprv Vprv + base58; full keys have 111 characters,
        // a pasted part of one is still a secret.
        if length >= 24, "xyztuvYZUV".utf8.contains(first), bytes[lower + 1] == 0x70, bytes[lower + 2] == 0x72,
            bytes[lower + 3] == 0x76, all(lower + 4, upper, ASCII.isBase58)
        {
            return .extendedPrivateKey
        }
        return nil
    }

    private func all(_ lower: Int, _ upper: Int, _ predicate: (UInt8) -> Bool) -> Bool {
        for index in lower..<upper where !predicate(bytes[index]) { return false }
        return true
    }

    /// Whether the words before the token (up to six) or right after it (up to three) say it is a
    /// transaction or block hash. Words about keys win over it: "not the txid, my private key: …".
    func isTransactionHashContext(around tokenIndex: Int) -> Bool {
        var words = 0
        var index = tokenIndex - 1
        while index >= 0, words < 6 {
            defer { index -= 1 }
            if tokens[index].length >= 60 { continue }  // another hash of a list
            words += 1
            let word = folded(index)
            if Self.keyWords.contains(word) { return false }
            if Self.transactionWords.contains(word) { return true }
            if word == "dich", index > 0, folded(index - 1) == "giao" { return true }
        }
        for index in (tokenIndex + 1)..<min(tokenIndex + 4, tokens.count) {
            let word = folded(index)
            if Self.keyWords.contains(word) { return false }
            if Self.transactionWords.contains(word) { return true }
            if word == "giao", index + 1 < tokens.count, folded(index + 1) == "dich" { return true }
        }
        return false
    }

    static let transactionWords: Set<String> = [
        "tx", "txid", "txids", "txhash", "txn", "txs", "hash", "hashes", "transaction", "transactions", "trx",
        "trxid", "block", "blockhash", "gd", "magd", "hashgd", "explorer", "etherscan", "bscscan", "tronscan",
    ]

    static let keyWords: Set<String> = [
        "key", "keys", "private", "privkey", "privatekey", "priv", "pk", "secret", "khoa", "seed",
    ]
}
