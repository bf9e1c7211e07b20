import SupportContent
import TextNormalization

extension IntentIndex {
    /// One word of the message as the patterns see it.
    struct MessageWord {
        var plain: String
        /// The user's folded form when they typed diacritics on this very word.
        var markedForm: String?
        var isContent: Bool
        var terms: [Int32]
        var isTypo: Bool
    }

    /// How many of the best candidates carry a full explanation.
    static let explainedCandidates = 3

    /// Matches `message` against every pattern that could match it.
    ///
    /// - Complexity: linear in the message's words, plus the patterns anchored on its words.
    public func match(_ message: NormalizedMessage) -> MatchResult {
        let words = messageWords(message)
        var best = BestPatterns()
        var windowStart = 0
        repeat {
            // Most messages fit one window: it is the words themselves, not a copy.
            let window =
                words.count <= WordPositions.windowSize
                ? words : Array(words[windowStart..<min(words.count, windowStart + WordPositions.windowSize)])
            scoreWindow(window, windowStart: windowStart, into: &best)
            windowStart += WordPositions.windowSize / 2
        } while windowStart + WordPositions.windowSize / 2 < words.count

        var candidates: [IntentCandidate] = []
        var phrases: [PhraseSet: Double] = [:]
        var decidingPatterns: [Int32] = []
        var windows: [Int] = []
        for found in best.found {
            let target = targets[Int(found.target)]
            if let set = target.phraseSet {
                phrases[set] = found.score
                continue
            }
            let source = self.source(of: found.pattern)
            candidates.append(
                IntentCandidate(
                    intentID: target.intentID, route: target.route, priority: target.priority,
                    confidence: found.score,
                    explanation: MatchExplanation(pattern: source.text, location: source.location)))
            decidingPatterns.append(found.pattern)
            windows.append(found.window)
        }
        let order = candidates.indices.sorted {
            let (a, b) = (candidates[$0], candidates[$1])
            return (a.confidence, a.priority, b.intentID) > (b.confidence, b.priority, a.intentID)
        }
        // Only the candidates a decision can name get the full account of their words.
        for (rank, position) in order.enumerated() where rank < Self.explainedCandidates {
            let start = windows[position]
            let windowWords =
                words.count <= WordPositions.windowSize
                ? words : Array(words[start..<min(words.count, start + WordPositions.windowSize)])
            candidates[position].explanation = explain(decidingPatterns[position], windowWords)
        }
        candidates = order.map { candidates[$0] }
        let unmatched = words.filter { $0.isContent && $0.terms.isEmpty }.map(\.plain)
        return MatchResult(candidates: candidates, phrases: phrases, unmatchedWords: unmatched)
    }

    private func messageWords(_ message: NormalizedMessage) -> [MessageWord] {
        var words: [MessageWord] = []
        words.reserveCapacity(message.tokens.count + 4)
        let space = UInt8(ascii: " ")
        // By index, reading fields in place: a `for token in` loop copied every token's strings.
        for index in message.tokens.indices {
            let plain = message.tokens[index].plain
            let kind = message.tokens[index].kind
            // A token is several words when an abbreviation expanded ("ko" → "khong", "dont" → "do not").
            let isSeveralWords =
                plain.utf8.withContiguousStorageIfAvailable { $0.contains(space) } ?? plain.utf8.contains(space)
            guard isSeveralWords else {
                let folded = message.tokens[index].folded
                let marked = message.tokens[index].isAsTyped && folded != plain
                words.append(messageWord(plain, kind: kind, markedForm: marked ? folded : nil))
                continue
            }
            for part in plain.split(separator: " ") {
                words.append(messageWord(String(part), kind: kind, markedForm: nil))
            }
        }
        return words
    }

    private func messageWord(_ plain: String, kind: TokenKind, markedForm: String?) -> MessageWord {
        let isContentKind = kind == .word || kind == .ticker
        let known = knownWords[plain]
        let isContent = isContentKind && !(known?.isStopWord ?? false)
        if let known, !known.terms.isEmpty {
            return MessageWord(
                plain: plain, markedForm: markedForm, isContent: isContent, terms: known.terms, isTypo: false)
        }
        var terms: [Int32] = []
        var isTypo = false
        let allowTypo = isContent && kind == .word && !(known?.isTypoExempt ?? false)
        switch vocabulary.lookup(plain, allowTypo: allowTypo) {
        case .none: break
        case .exact(let term): terms = [term]
        case .typo(let found):
            terms = found
            isTypo = true
        }
        return MessageWord(plain: plain, markedForm: markedForm, isContent: isContent, terms: terms, isTypo: isTypo)
    }

    private func scoreWindow(
        _ words: [MessageWord], windowStart: Int, into best: inout BestPatterns
    ) {
        let termOccurrences = words.reduce(0) { $0 + $1.terms.count }
        guard termOccurrences > 0 else { return }
        let capacity = TermPositionTable.capacity(for: termOccurrences)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { keys in
            withUnsafeTemporaryAllocation(of: WordPositions.self, capacity: capacity) { positions in
                windowScratch.withScratch(
                    conceptCount: conceptLongerForms.count, rememberedCount: code.rememberedCount,
                    patternCount: entries.count
                ) { scratch in
                    defer { scratch.clearTouched() }
                    let table = TermPositionTable(keys: keys, positions: positions)
                    scoreWindow(words, windowStart: windowStart, table, scratch, into: &best)
                }
            }
        }
    }

    private func scoreWindow(
        _ words: [MessageWord], windowStart: Int, _ table: TermPositionTable, _ scratch: WindowScratch,
        into best: inout BestPatterns
    ) {
        let singles = scratch.conceptSingles
        let conceptState = scratch.conceptState
        var contentMask: WordPositions = 0
        var typoMask: WordPositions = 0
        var windowTerms: [Int32] = []
        windowTerms.reserveCapacity(words.count)
        for (position, word) in words.enumerated() {
            let bit: WordPositions = 1 << WordPositions(position)
            for term in word.terms where table.insert(term, bit) { windowTerms.append(term) }
            if word.isContent { contentMask |= bit }
            if word.isTypo { typoMask |= bit }
        }
        windowTerms.sort()
        var windowSignature: UInt64 = 0
        for term in windowTerms { windowSignature |= RequirementSignature.bit(term) }
        var runs: [WindowEvaluator.ConceptRun] = []
        var candidates: [Int32] = []
        // Grown once rather than doubling from empty: most windows have dozens of candidates.
        runs.reserveCapacity(16)
        candidates.reserveCapacity(128)
        for term in windowTerms {
            let mask = table[term]
            for concept in conceptsBySingleTerm[term] {
                // State bytes start each window at zero; masks are only read once their bit says so.
                if conceptState[Int(concept)] & WindowScratch.hasSingles == 0 {
                    scratch.markConcept(Int(concept), WindowScratch.hasSingles)
                    windowSignature |= RequirementSignature.bit(-1 - concept)
                    singles[Int(concept)] = mask
                } else {
                    singles[Int(concept)] |= mask
                }
            }
            let root = conceptTrie.root(term)
            if root >= 0 {
                conceptTrie.forms(
                    from: root, starts: mask, positions: { table[$0] },
                    terms: { $0 < words.count ? words[$0].terms : [] }
                ) { concept, length, starts in
                    runs.append(WindowEvaluator.ConceptRun(concept: concept, length: length, starts: starts))
                    scratch.markConcept(Int(concept), WindowScratch.hasRuns)
                    windowSignature |= RequirementSignature.bit(-1 - concept)
                }
            }
        }
        // Once every concept bit is set, candidates that lack a required word or concept are
        // dropped before they cost an evaluation.
        for term in windowTerms {
            for anchored in patternsByAnchor[term] {
                // Most candidates lack a required word or concept: the signature beside them in
                // the posting list says so without reading their requirements.
                let pattern = anchored.pattern
                guard RequirementSignature.mayBeMet(anchored.signature, in: windowSignature),
                    anchored.mayMeetFirstGroup({ isPresent($0, table, scratch) }),
                    scratch.markSeen(pattern)
                else { continue }
                if meetsRequirements(entries[Int(pattern)], table, scratch) { candidates.append(pattern) }
            }
            if anchorPairs.isPaired(term) {
                windowTerms.withUnsafeBufferPointer { windowTerms in
                    collectPairedCandidates(
                        anchor: term, windowTerms: windowTerms, windowSignature: windowSignature, table, scratch,
                        into: &candidates)
                }
            }
        }
        // Each concept's runs side by side, so the evaluator reads only its own.
        runs.sort { ($0.concept, $0.length) < ($1.concept, $1.length) }
        for (number, run) in runs.enumerated().reversed() { scratch.conceptFirstRun[Int(run.concept)] = Int32(number) }
        let everywhere = WordPositions.all(below: words.count)
        let contentCount = max(1, contentMask.nonzeroBitCount)
        code.words.withUnsafeBufferPointer { code in
            conceptLongerForms.withUnsafeBufferPointer { longer in
                runs.withUnsafeBufferPointer { runs in
                    let evaluator = WindowEvaluator(
                        code: code, conceptLongerForms: longer, terms: table, scratch: scratch, runs: runs,
                        everywhere: everywhere)
                    for number in candidates {
                        let entry = entries[Int(number)]
                        guard evaluator.ends(Int(entry.items), from: everywhere) != 0,
                            entry.vetoes < 0 || !evaluator.occurs(Int(entry.vetoes))
                        else { continue }
                        score(
                            number, entry, words, windowStart: windowStart, table: table, windowTerms: windowTerms,
                            contentMask: contentMask, typoMask: typoMask, contentCount: contentCount,
                            everywhere: everywhere, into: &best)
                    }
                }
            }
        }
    }

    /// The candidates of a crowded anchor that ``AnchorPairs`` holds: only the pairs of it and a
    /// word of the window are read.
    private func collectPairedCandidates(
        anchor: Int32, windowTerms: UnsafeBufferPointer<Int32>, windowSignature: UInt64, _ table: TermPositionTable,
        _ scratch: WindowScratch, into candidates: inout [Int32]
    ) {
        anchorPairs.forEachPair(anchor: anchor, words: windowTerms) { anchored in
            let pattern = anchored.pattern
            guard RequirementSignature.mayBeMet(anchored.signature, in: windowSignature), scratch.markSeen(pattern)
            else { return }
            if meetsRequirements(entries[Int(pattern)], table, scratch) { candidates.append(pattern) }
        }
    }

    /// Scores a pattern that matched the window and keeps it when it is its intent's best.
    private func score(
        _ number: Int32, _ entry: PatternEntry, _ words: [MessageWord], windowStart: Int, table: TermPositionTable,
        windowTerms: [Int32], contentMask: WordPositions, typoMask: WordPositions, contentCount: Int,
        everywhere: WordPositions, into best: inout BestPatterns
    ) {
        var covered: WordPositions = 0
        let termsOfPattern = terms(of: entry)
        for term in windowTerms where Self.sortedContains(termsOfPattern, term) { covered |= table[term] }
        var coveredContent = (covered & contentMask).nonzeroBitCount
        var coverage = Double(coveredContent) / Double(contentCount)
        let target = Int(entry.target)
        if contentMask == 0, targets[target].phraseSet != nil {
            // A short reply of stop words only ("ko", "yes it is") is measured on all its words.
            coveredContent = (covered & everywhere).nonzeroBitCount
            coverage = Double(coveredContent) / Double(max(1, words.count))
        }
        let typos = (covered & typoMask).nonzeroBitCount
        let (agreeing, disagreeing) = diacriticAgreement(number, words, covered)
        // Leave headroom under 1 so agreeing diacritics can still rank a pattern higher.
        var score = 0.4 + 0.33 * coverage + 0.22 * min(1, Double(max(coveredContent, 1)) / 3)
        score -= 0.05 * Double(min(typos, 3))
        score += 0.015 * Double(min(agreeing, 3)) - 0.15 * Double(disagreeing)
        score = min(1, max(0, score))
        // Ties go to the earliest pattern, so explanations do not depend on the order of candidates.
        best.offer(target: Int32(target), score: score, pattern: number, window: windowStart)
    }

    /// Whether the window holds something of every group of the pattern's requirements.
    @inline(__always)
    private func meetsRequirements(_ entry: PatternEntry, _ table: TermPositionTable, _ scratch: WindowScratch) -> Bool
    {
        let start = Int(entry.requirementsStart)
        return PatternRequirements.areMet(patternRequirements[start..<start + Int(entry.requirementsCount)]) {
            isPresent($0, table, scratch)
        }
    }

    /// Whether a requirement option (a term, or `-1 - concept`) is in the window.
    @inline(__always)
    private func isPresent(_ option: Int32, _ table: TermPositionTable, _ scratch: WindowScratch) -> Bool {
        option >= 0 ? table[option] != 0 : scratch.hasPlainForm(Int(-1 - option))
    }

    /// The sorted terms of a pattern.
    private func terms(of entry: PatternEntry) -> ArraySlice<Int32> {
        patternTerms[Int(entry.termsStart)..<Int(entry.termsStart + entry.termsCount)]
    }

    static func sortedContains(_ terms: ArraySlice<Int32>, _ term: Int32) -> Bool {
        let found = terms.lowerBound { $0 < term }
        return found < terms.endIndex && terms[found] == term
    }

    private func diacriticAgreement(_ number: Int32, _ words: [MessageWord], _ covered: WordPositions) -> (Int, Int) {
        let detail = details[Int(number)]
        guard detail.marksCount > 0 else { return (0, 0) }
        let patternMarks = marks[Int(detail.marksStart)..<Int(detail.marksStart + detail.marksCount)]
        var agreeing = 0
        var disagreeing = 0
        for (position, word) in words.enumerated() {
            guard let typed = word.markedForm, covered & (1 << WordPositions(position)) != 0 else { continue }
            for term in word.terms {
                var marked = false
                var agrees = scanMarks(patternMarks, term, typed, &marked)
                // References to concepts' marks come first in the run.
                for mark in patternMarks {
                    guard !agrees, mark.term < 0 else { break }
                    let start = Int(-1 - mark.term)
                    agrees = scanMarks(marks[start..<start + Int(mark.form)], term, typed, &marked)
                }
                guard marked else { continue }
                if agrees { agreeing += 1 } else { disagreeing += 1 }
            }
        }
        return (agreeing, disagreeing)
    }

    /// Whether a mark of `term` in `run` (sorted by term) has the form `typed`; sets `marked`
    /// when there is a mark of `term` at all. A pattern has a few marks: a scan beats any lookup.
    private func scanMarks(_ run: ArraySlice<PatternMark>, _ term: Int32, _ typed: String, _ marked: inout Bool)
        -> Bool
    {
        for mark in run {
            if mark.term < term { continue }
            if mark.term > term { break }
            marked = true
            if markedForms[Int(mark.form)] == typed { return true }
        }
        return false
    }

    private func explain(_ number: Int32, _ words: [MessageWord]) -> MatchExplanation {
        let source = self.source(of: number)
        let termsOfPattern = terms(of: entries[Int(number)])
        var matched: [String] = []
        matched.reserveCapacity(words.count)
        var typos: [String] = []
        var covered: WordPositions = 0
        var contentCount = 0
        var coveredContent = 0
        for (position, word) in words.enumerated() {
            if word.isContent { contentCount += 1 }
            guard word.terms.contains(where: { Self.sortedContains(termsOfPattern, $0) }) else { continue }
            covered |= 1 << WordPositions(position)
            matched.append(word.plain)
            if word.isTypo { typos.append(word.plain) }
            if word.isContent { coveredContent += 1 }
        }
        let (agreeing, disagreeing) = diacriticAgreement(number, words, covered)
        return MatchExplanation(
            pattern: source.text, location: source.location, matchedWords: matched, typos: typos,
            coverage: Double(coveredContent) / Double(max(contentCount, 1)),
            requiredItems: Int(details[Int(number)].requiredItemCount),
            diacriticsAgreeing: agreeing, diacriticsDisagreeing: disagreeing)
    }
}
