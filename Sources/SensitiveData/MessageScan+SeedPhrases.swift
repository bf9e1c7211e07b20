extension MessageScan {
    /// Where a run of one language's words stands while the tokens go by.
    private struct LanguageRun {
        /// The current run of consecutive list words.
        var count = 0
        var startByte = 0
        var endByte = 0
        /// The run before one unknown word, when the current run follows that word.
        var countBeforeGap = 0
        var startBeforeGap = 0
        var gapWord: Range<Int>? = nil
    }

    /// The minimum number of words that makes a seed phrase.
    static let seedPhraseMinimumWords = 12

    /// Finds seed phrases: 12 or more consecutive words of one BIP-39 list, in any of the ten
    /// languages, separated by spaces, commas, new lines or numbering (`1.`, `1)`, `(1)`, `1.word`).
    ///
    /// One unknown word is tolerated inside a run (not at either end) when it is one edit away
    /// from a word of the same list and the run holds 11 known words: a pasted phrase with a
    /// typo. `.`, `!`, `?` and symbols end a run, so two sentences do not join. Unseparated
    /// Chinese text is not split into characters: only spaced Chinese words are checked.
    mutating func findSeedPhrases(index: BIP39Index) {
        guard tokens.count >= Self.seedPhraseMinimumWords else { return }
        withUnsafeTemporaryAllocation(of: LanguageRun.self, capacity: BIP39Language.allCases.count) { runs in
            runs.initialize(repeating: LanguageRun())
            findSeedPhrases(index: index, runs: runs)
        }
    }

    private mutating func findSeedPhrases(index: BIP39Index, runs: UnsafeMutableBufferPointer<LanguageRun>) {
        var active: UInt16 = 0  // languages with a run or a gap in progress
        var phrases: [Range<Int>] = []

        func finish(_ language: Int) {
            let run = runs[language]
            if run.count >= Self.seedPhraseMinimumWords {
                phrases.append(run.startByte..<run.endByte)
            }
            if let gap = run.gapWord, run.count >= 1, run.countBeforeGap + run.count >= Self.seedPhraseMinimumWords - 1,
                let bip39 = BIP39Language(rawValue: language), bip39.allowsNearMiss,
                index.isNearMiss(
                    String(decoding: slice(gap.lowerBound, gap.upperBound), as: UTF8.self).lowercased(), in: bip39)
            {
                phrases.append(run.startBeforeGap..<run.endByte)
            }
        }
        func finishAll() {
            var remaining = active
            while remaining != 0 {
                let language = remaining.trailingZeroBitCount
                remaining &= remaining - 1
                finish(language)
                runs[language] = LanguageRun()
            }
            active = 0
        }

        var afterWord = false
        for position in tokens.indices {
            // With no run and no gap in progress, a phrase could only start here, and takes twelve
            // tokens or more (eleven words of a list and a typo at least): the last eleven tokens
            // of most messages are not looked up.
            if active == 0, tokens.count - position < Self.seedPhraseMinimumWords { break }
            let token = tokens[position]
            // "seed: abandon ...": a label before a colon is not part of the phrase; "1: abandon" is.
            if afterWord, token.flags.contains(.colonBefore) { finishAll() }
            afterWord = false
            let word: Range<Int>
            if token.isWord {
                word = token.start..<token.end
            } else if token.isNumber, token.length <= 2 {
                continue  // numbering: "1", "1." (the dot ends the token), "(1)"
            } else if let numbered = numberedWord(token) {
                word = numbered
            } else {
                finishAll()
                continue
            }
            afterWord = true
            let mask = index.mask(of: slice(word.lowerBound, word.upperBound), isASCII: token.isASCII)
            var languages = mask | active  // the word's languages, and those whose run it breaks
            while languages != 0 {
                let language = languages.trailingZeroBitCount
                let bit: UInt16 = 1 << UInt16(language)
                languages &= languages - 1
                if mask & bit != 0 {
                    if runs[language].count == 0 { runs[language].startByte = word.lowerBound }
                    runs[language].count += 1
                    runs[language].endByte = word.upperBound
                    active |= bit
                    continue
                }
                finish(language)
                let run = runs[language]
                if run.count > 0 {  // this word may be the one tolerated typo
                    runs[language] = LanguageRun(
                        countBeforeGap: run.count, startBeforeGap: run.startByte, gapWord: word)
                } else {
                    runs[language] = LanguageRun()
                    active &= ~bit
                }
            }
            if token.flags.contains(.endsSentence) { finishAll() }
        }
        finishAll()

        guard !phrases.isEmpty else { return }
        phrases.sort { $0.lowerBound < $1.lowerBound }
        var merged = phrases[0]
        for phrase in phrases.dropFirst() {
            if phrase.lowerBound <= merged.upperBound {
                merged = merged.lowerBound..<max(merged.upperBound, phrase.upperBound)
            } else {
                add(.seedPhrase, merged.lowerBound, merged.upperBound)
                merged = phrase
            }
        }
        add(.seedPhrase, merged.lowerBound, merged.upperBound)
    }

    /// The word of a numbered token such as `1.abandon` or `12.zoo`.
    private func numberedWord(_ token: MessageToken) -> Range<Int>? {
        var index = token.start
        while index < token.end, index - token.start < 2, ASCII.isDigit(bytes[index]) { index += 1 }
        guard index > token.start, index < token.end, bytes[index] == 0x2E else { return nil }  // .
        index += 1
        guard index < token.end else { return nil }
        for position in index..<token.end where bytes[position] < 0x80 && !ASCII.isLetter(bytes[position]) {
            return nil
        }
        return index..<token.end
    }
}
