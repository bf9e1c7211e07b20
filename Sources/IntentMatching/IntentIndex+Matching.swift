import SupportContent
import TextNormalization

extension IntentIndex {
    /// One word of the message as the patterns see it: plain values only, so that lists of
    /// words are copied and dropped without reference counting.
    struct MessageWord: BitwiseCopyable {
        /// The token it comes from; for a word of an expansion ("ko" → "khong") its bytes in the
        /// token's `plain`, otherwise a negative `partStart`.
        var token: Int32
        var partStart: Int32
        var partEnd: Int32
        /// Its terms, a run of the message's terms.
        var termsStart: Int32
        var termsCount: Int32
        var isContent: Bool
        var isTypo: Bool
        /// The user typed diacritics on this very word: its token's `folded` says which.
        var isMarked: Bool
    }

    /// The words of one window and the message's terms they point into.
    struct WindowWords {
        let words: UnsafeBufferPointer<MessageWord>
        let terms: UnsafePointer<Int32>

        var count: Int { words.count }

        @inline(__always)
        func terms(at position: Int) -> UnsafeBufferPointer<Int32> {
            let word = words[position]
            return UnsafeBufferPointer(start: terms + Int(word.termsStart), count: Int(word.termsCount))
        }
    }

    /// An intent's best pattern with what ranks it.
    private struct RankedTarget {
        var found: BestPatterns.Found
        var priority: Int
    }

    /// How many of the best candidates carry a full explanation.
    static let explainedCandidates = 3

    /// Matches `message` against every pattern that could match it.
    ///
    /// - Complexity: linear in the message's words, plus the patterns anchored on its words.
    public func match(_ message: NormalizedMessage) -> MatchResult {
        windowScratch.withScratch(
            termCount: termCount, conceptCount: conceptLongerForms.count, rememberedCount: code.rememberedCount,
            patternCount: entries.count
        ) { scratch in
            match(message, scratch)
        }
    }

    private func match(_ message: NormalizedMessage, _ scratch: WindowScratch) -> MatchResult {
        let lists = scratch.lists
        messageWords(message, lists)
        let wordCount = lists.pointee.words.count
        var spare: [BestPatterns.Found] = []
        swap(&spare, &lists.pointee.found)
        var best = BestPatterns(reusing: consume spare)
        defer { lists.pointee.found = best.takeFound() }
        var windowStart = 0
        repeat {
            // Most messages fit one window: it is all their words.
            let end = min(wordCount, windowStart + WordPositions.windowSize)
            scoreWindow(window(windowStart, end, lists), windowStart: windowStart, message.tokens, scratch, into: &best)
            windowStart += WordPositions.windowSize / 2
            // A full last window gets one more after it: a match ending on its last word ends at
            // the position just past the window, which no bit of the window's positions holds.
        } while windowStart + WordPositions.windowSize / 2 <= wordCount

        var phrases = MatchResult.PhraseScores()
        var intentCount = 0
        for found in best.found {
            if let set = targets[Int(found.target)].phraseSet {
                phrases[set] = found.score
            } else {
                intentCount += 1
            }
        }
        var candidates: [IntentCandidate] = []
        if intentCount > 0 {
            candidates.reserveCapacity(intentCount)
            let targets = self.targets
            withUnsafeTemporaryAllocation(of: RankedTarget.self, capacity: intentCount) { buffer in
                let order = buffer
                var count = 0
                for found in best.found {
                    let target = Int(found.target)
                    guard targets[target].phraseSet == nil else { continue }
                    order[count] = RankedTarget(found: found, priority: targets[target].priority)
                    count += 1
                }
                // Best first: by confidence, then priority, then intent id. By insertion, which is
                // stable as `sort` is: a message has a few candidates, and `sort` with a closure
                // over `targets` had retained and released it, a tenth of the cost of a match.
                for sorted in stride(from: 1, to: count, by: 1) {
                    let next = order[sorted]
                    var place = sorted
                    while place > 0, Self.ranksBefore(next, order[place - 1], targets) {
                        order[place] = order[place - 1]
                        place -= 1
                    }
                    order[place] = next
                }
                // Only the candidates a decision can name get the full account of their words.
                for (rank, ranked) in order.enumerated() {
                    let found = ranked.found
                    let target = targets[Int(found.target)]
                    // Made in the candidate, not in a variable first: that had copied each explanation.
                    if rank < Self.explainedCandidates {
                        candidates.append(
                            IntentCandidate(
                                intentID: target.intentID, intentNumber: found.target, route: target.route,
                                priority: target.priority, confidence: found.score,
                                explanation: explain(found, message.tokens)))
                    } else {
                        candidates.append(
                            IntentCandidate(
                                intentID: target.intentID, intentNumber: found.target, route: target.route,
                                priority: target.priority, confidence: found.score,
                                explanation: MatchExplanation(source: explanationSource(of: found.pattern))))
                    }
                }
            }
        }
        var unmatched: [String] = []
        // Counted as the words were made, so that the list is allocated once rather than grown
        // word by word, and the words are read again only when some are unmatched.
        let unmatchedCount = lists.pointee.unmatchedWordCount
        if unmatchedCount > 0 {
            unmatched.reserveCapacity(unmatchedCount)
            for word in lists.pointee.words.elements where word.isContent && word.termsCount == 0 {
                unmatched.append(plain(of: word, message.tokens))
            }
        }
        return MatchResult(candidates: candidates, phraseScores: phrases, unmatchedWords: unmatched)
    }

    /// Whether `ranked` comes before `other` among a message's candidates: by confidence, then
    /// priority, then intent id.
    private static func ranksBefore(_ ranked: RankedTarget, _ other: RankedTarget, _ targets: [Target]) -> Bool {
        if ranked.found.score != other.found.score { return ranked.found.score > other.found.score }
        if ranked.priority != other.priority { return ranked.priority > other.priority }
        return targets[Int(other.found.target)].intentID > targets[Int(ranked.found.target)].intentID
    }

    /// The message's words `start..<end`.
    private func window(_ start: Int, _ end: Int, _ lists: UnsafeMutablePointer<MessageLists>) -> WindowWords {
        WindowWords(
            words: UnsafeBufferPointer(start: lists.pointee.words.base + start, count: end - start),
            terms: lists.pointee.terms.base)
    }

    /// A word's plain form: its token's, or its part of an expansion.
    private func plain(of word: MessageWord, _ tokens: [Token]) -> String {
        let plain = tokens[Int(word.token)].plain
        guard word.partStart >= 0 else { return plain }
        let utf8 = plain.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(word.partStart))
        let end = utf8.index(start, offsetBy: Int(word.partEnd - word.partStart))
        return String(plain[start..<end])
    }

    private func messageWords(_ message: NormalizedMessage, _ lists: UnsafeMutablePointer<MessageLists>) {
        lists.pointee.words.reserve(message.tokens.count + 4)
        // By index, reading fields in place: a `for token in` loop copied every token's strings.
        for index in message.tokens.indices {
            let kind = message.tokens[index].kind
            var plain = message.tokens[index].plain
            // Only a token of one word can be marked: the words of an expansion are not as typed.
            // Both forms are in NFC, so forms of different lengths differ: the count is read first,
            // for comparing a word typed with diacritics to its plain form took a Unicode-aware pass.
            let isMarked =
                message.tokens[index].isAsTyped
                && (message.tokens[index].folded.utf8.count != plain.utf8.count
                    || message.tokens[index].folded != plain)
            // Looked up by their bytes: a `String` per word, and hashing it, cost more than the lookups.
            plain.withUTF8 { bytes in
                Self.forEachWord(of: bytes) { part, range in
                    let word = messageWord(
                        part, kind: kind, token: index, part: range, isMarked: range == nil && isMarked, lists)
                    if word.isContent && word.termsCount == 0 { lists.pointee.unmatchedWordCount += 1 }
                    lists.pointee.words.append(word)
                }
            }
        }
    }

    /// Calls `body` with each word of a token's plain form (`bytes`) and where it is in the form
    /// (nil: the whole form). A token is several words when an abbreviation expanded ("ko" →
    /// "khong", "dont" → "do not"). Explanations spell the words they name with it.
    ///
    /// Inlined: called, its closure captured the whole index, a copy of it per token.
    @inline(__always)
    static func forEachWord(
        of bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeRawBufferPointer, Range<Int>?) -> Void
    ) {
        let space = UInt8(ascii: " ")
        guard bytes.contains(space) else {
            body(UnsafeRawBufferPointer(bytes), nil)
            return
        }
        // ASCII splits on its bytes (a space there is always a character of its own); anything
        // else by characters.
        guard bytes.contains(where: { $0 >= 0x80 }) else {
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == space {
                if end > start {
                    body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])), start..<end)
                }
                start = end + 1
            }
            return
        }
        let plain = String(decoding: bytes, as: UTF8.self)
        for part in plain.split(separator: " ") {
            let start = plain.utf8.distance(from: plain.startIndex, to: part.startIndex)
            let end = start + part.utf8.count
            body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<end])), start..<end)
        }
    }

    private func messageWord(
        _ plain: UnsafeRawBufferPointer, kind: TokenKind, token: Int, part: Range<Int>?, isMarked: Bool,
        _ lists: UnsafeMutablePointer<MessageLists>
    ) -> MessageWord {
        let isContentKind = kind == .word || kind == .ticker
        let known = knownWords[plain]
        let isContent = isContentKind && !(known?.isStopWord ?? false)
        var word = MessageWord(
            token: Int32(token), partStart: Int32(part?.lowerBound ?? -1), partEnd: Int32(part?.upperBound ?? -1),
            termsStart: Int32(lists.pointee.terms.count), termsCount: 0, isContent: isContent, isTypo: false,
            isMarked: isMarked)
        if let known, known.term >= 0 {
            lists.pointee.terms.append(known.term)
            word.termsCount = 1
            return word
        }
        let allowTypo = isContent && kind == .word && !(known?.isTypoExempt ?? false)
        // A known word without a term was looked up exactly when the index was built: only a typo
        // lookup could find it a term.
        guard known == nil || allowTypo else { return word }
        switch vocabulary.lookup(String(decoding: plain, as: UTF8.self), allowTypo: allowTypo) {
        case .none: break
        case .exact(let term):
            lists.pointee.terms.append(term)
            word.termsCount = 1
        case .typo(let found):
            for term in found { lists.pointee.terms.append(term) }
            word.termsCount = Int32(found.count)
            word.isTypo = true
        }
        return word
    }

    private func scoreWindow(
        _ words: WindowWords, windowStart: Int, _ tokens: [Token], _ scratch: WindowScratch,
        into best: inout BestPatterns
    ) {
        // A window without terms matches nothing.
        guard words.words.contains(where: { $0.termsCount > 0 }) else { return }
        defer { scratch.clearTouched() }
        scoreWindow(words, windowStart: windowStart, tokens, scratch.terms, scratch, into: &best)
    }

    private func scoreWindow(
        _ words: WindowWords, windowStart: Int, _ tokens: [Token], _ table: WindowTermPositions,
        _ scratch: WindowScratch, into best: inout BestPatterns
    ) {
        let lists = scratch.lists
        var contentMask: WordPositions = 0
        // Counted as the words go by: counting the mask's bits afterwards took a few dozen
        // instructions on 128 bits.
        var contentWords = 0
        var typoMask: WordPositions = 0
        var markedMask: WordPositions = 0
        lists.pointee.windowTerms.count = 0
        lists.pointee.runs.count = 0
        lists.pointee.candidates.count = 0
        // Each word's bit is the one before shifted by one: shifting 1 by a variable count is a
        // dozen instructions on 128 bits.
        var bit: WordPositions = 1
        for position in 0..<words.count {
            defer { bit <<= 1 }
            // Kept sorted as they come: a window has a handful, and sorting them afterwards took
            // the standard library's merge sort, three times the cost.
            for term in words.terms(at: position) where table.insert(term, bit) {
                lists.pointee.windowTerms.insertSorted(term)
            }
            if words.words[position].isContent {
                contentMask |= bit
                contentWords += 1
            }
            if words.words[position].isTypo { typoMask |= bit }
            if words.words[position].isMarked { markedMask |= bit }
        }
        let windowTerms = UnsafeBufferPointer(lists.pointee.windowTerms.elements)
        var windowSignature: UInt64 = 0
        for term in windowTerms { windowSignature |= RequirementSignature.bit(term) }
        // Concepts' one-word forms first, then their forms of several words: the order of the
        // runs found is the order of the window's terms either way.
        // Concepts' one-word forms: marked now, except those of crowded words, which are looked
        // up when a pattern asks; the signature bits of all are set here.
        conceptsBySingleTerm.withReader { conceptsByTerm in
            for term in windowTerms {
                windowSignature |= conceptBitsBySingleTerm[Int(term)]
                scratch.addSingles(conceptsByTerm[term], at: table[term])
            }
        }
        conceptTrie.withWalker(positions: table, words: words) { walker in
            for term in windowTerms {
                walker.forms(startingWith: term) { concept, length, starts in
                    // Each concept's runs are chained from its slot, newest first, so the evaluator
                    // reads only its own without the runs being sorted.
                    let index = Int(concept)
                    let hasRuns = scratch.conceptState[index] & WindowScratch.hasRuns != 0
                    lists.pointee.runs.append(
                        ConceptRun(
                            concept: concept, length: length, starts: starts,
                            next: hasRuns ? scratch.conceptFirstRun[index] : -1))
                    scratch.conceptFirstRun[index] = Int32(lists.pointee.runs.count - 1)
                    scratch.markConcept(index, WindowScratch.hasRuns)
                    windowSignature |= RequirementSignature.bit(-1 - concept)
                }
            }
        }
        let crowded = crowdedSingleTermsByConcept
        // Once every concept bit is set, candidates that lack a required word or concept are
        // dropped before they cost an evaluation. Read from a constant: the variable, which the
        // closure below captures, was read from memory again for every posting.
        let signature = windowSignature
        // Entries and requirements read in place: through the arrays, every read of a group and
        // of its options was checked against their bounds.
        entries.withUnsafeBufferPointer { entries in
            patternRequirements.withUnsafeBufferPointer { requirements in
                patternsByAnchor.withReader { patternsByAnchor in
                    for term in windowTerms {
                        for anchored in patternsByAnchor[term] {
                            // Most candidates lack a required word or concept: the signature beside
                            // them in the posting list says so without reading their requirements.
                            let pattern = anchored.pattern
                            guard RequirementSignature.mayBeMet(anchored.signature, in: signature),
                                anchored.mayMeetFirstGroup({ Self.isPresent($0, table, scratch, crowded) }),
                                scratch.markSeen(pattern)
                            else { continue }
                            // A third of candidates require nothing more than the group just checked:
                            // their entries and requirements, scattered over the index, are not read.
                            if anchored.requirementsAreComplete
                                || Self.meetsRequirements(
                                    entries[Int(pattern)], afterFirstGroup: anchored.hasInlineFirstGroup,
                                    requirements, table, scratch, crowded)
                            {
                                lists.pointee.candidates.append(pattern)
                            }
                        }
                        if anchorPairs.isPaired(term) {
                            collectPairedCandidates(
                                anchor: term, windowTerms: windowTerms, windowSignature: signature, entries,
                                requirements, table, scratch, into: &lists.pointee.candidates)
                        }
                    }
                }
            }
        }
        let runs = lists.pointee.runs.elements
        let everywhere = WordPositions.all(below: words.count)
        let contentCount = max(1, contentWords)
        let candidates = lists.pointee.candidates.elements
        withUnsafePointer(to: crowdedSingleTermsByConcept) { crowdedPointer in
            code.words.withUnsafeBufferPointer { code in
                conceptLongerForms.withUnsafeBufferPointer { longer in
                    // Read in place: a slice of the array per scored pattern retained and released it.
                    patternTerms.withUnsafeBufferPointer { patternTerms in
                        // Most windows are evaluated in 64 bits (`WindowEvaluator`).
                        let isNarrow = words.count < UInt64.bitWidth
                        let narrow = WindowEvaluator<UInt64>(
                            code: code, conceptLongerForms: longer, terms: table, scratch: scratch,
                            crowdedSingleTerms: crowdedPointer, runs: UnsafeBufferPointer(runs),
                            everywhere: UInt64(truncatingIfNeeded: everywhere))
                        let wide = WindowEvaluator<WordPositions>(
                            code: code, conceptLongerForms: longer, terms: table, scratch: scratch,
                            crowdedSingleTerms: crowdedPointer, runs: UnsafeBufferPointer(runs), everywhere: everywhere)
                        for number in candidates {
                            let entry = entries[Int(number)]
                            let termsOfPattern = patternTerms[
                                Int(entry.termsStart)..<Int(entry.termsStart + entry.termsCount)]
                            // A score does not depend on how the pattern matches, only on the words it
                            // covers: a pattern that cannot beat its target's best so far is not
                            // evaluated. Diacritics are left out of the bound, taken as all agreeing.
                            var measured: Measured?
                            let standing = best.standing(of: entry.target)
                            if let standing {
                                let early = measure(
                                    entry, termsOfPattern, wordCount: words.count, table: table,
                                    windowTerms: windowTerms, contentMask: contentMask, typoMask: typoMask,
                                    contentCount: contentCount, everywhere: everywhere)
                                let bound = early.confidence(agreeing: early.covered & markedMask != 0 ? 3 : 0)
                                guard best.wouldTake(score: bound, pattern: number, over: standing) else { continue }
                                measured = early
                            }
                            let (items, vetoes) = (Int(entry.items), Int(entry.vetoes))
                            let matches =
                                isNarrow
                                ? narrow.matches(items: items, vetoes: vetoes)
                                : wide.matches(items: items, vetoes: vetoes)
                            guard matches else { continue }
                            let measuredNow =
                                measured
                                ?? measure(
                                    entry, termsOfPattern, wordCount: words.count, table: table,
                                    windowTerms: windowTerms, contentMask: contentMask, typoMask: typoMask,
                                    contentCount: contentCount, everywhere: everywhere)
                            // Only covered words typed with diacritics can agree or disagree.
                            let (agreeing, disagreeing) =
                                measuredNow.covered & markedMask == 0
                                ? (0, 0) : diacriticAgreement(number, words, measuredNow.covered, tokens)
                            // Ties go to the earliest pattern, so explanations do not depend on the
                            // order of candidates.
                            best.offer(
                                BestPatterns.Found(
                                    target: entry.target,
                                    score: measuredNow.confidence(agreeing: agreeing, disagreeing: disagreeing),
                                    pattern: number, window: windowStart, covered: measuredNow.covered,
                                    typos: measuredNow.covered & typoMask, coverage: measuredNow.coverage,
                                    agreeing: Int32(agreeing), disagreeing: Int32(disagreeing)),
                                at: standing)
                        }
                    }
                }
            }
        }
    }

    /// The candidates of a crowded anchor that ``AnchorPairs`` holds: only the pairs of it and a
    /// word of the window are read.
    private func collectPairedCandidates(
        anchor: Int32, windowTerms: UnsafeBufferPointer<Int32>, windowSignature: UInt64,
        _ entries: UnsafeBufferPointer<PatternEntry>, _ requirements: UnsafeBufferPointer<Int32>,
        _ table: WindowTermPositions, _ scratch: WindowScratch, into candidates: inout ScratchList<Int32>
    ) {
        anchorPairs.forEachPair(anchor: anchor, words: windowTerms) { anchored in
            let pattern = anchored.pattern
            guard RequirementSignature.mayBeMet(anchored.signature, in: windowSignature), scratch.markSeen(pattern)
            else { return }
            // The pair was found through a word of the window: the first group is met.
            if anchored.requirementsAreComplete
                || Self.meetsRequirements(
                    entries[Int(pattern)], afterFirstGroup: true, requirements, table, scratch,
                    crowdedSingleTermsByConcept)
            {
                candidates.append(pattern)
            }
        }
    }

    /// What a candidate scores on before diacritics: the window's words it covers.
    private struct Measured {
        var covered: WordPositions
        var coveredContent: Int
        var coverage: Double
        var typos: Int

        /// The candidate's score once `agreeing` and `disagreeing` words of it are known; more
        /// agreeing words never lower it, so it bounds the score before they are counted.
        func confidence(agreeing: Int, disagreeing: Int = 0) -> Double {
            // Leave headroom under 1 so agreeing diacritics can still rank a pattern higher.
            var score = 0.4 + 0.33 * coverage + 0.22 * min(1, Double(max(coveredContent, 1)) / 3)
            score -= 0.05 * Double(min(typos, 3))
            score += 0.015 * Double(min(agreeing, 3)) - 0.15 * Double(disagreeing)
            return min(1, max(0, score))
        }
    }

    /// Measures which words of the window a candidate pattern covers.
    private func measure(
        _ entry: PatternEntry, _ termsOfPattern: Slice<UnsafeBufferPointer<Int32>>, wordCount: Int,
        table: WindowTermPositions, windowTerms: UnsafeBufferPointer<Int32>, contentMask: WordPositions,
        typoMask: WordPositions, contentCount: Int, everywhere: WordPositions
    ) -> Measured {
        var covered: WordPositions = 0
        // The words of the window with a term of the pattern: read term by term when the pattern
        // has few, otherwise the window's terms are looked up among the pattern's. A term read
        // costs about four instructions, a binary search about seven a step: past some 16 terms
        // per window term the searches are cheaper (patterns of big concepts have hundreds).
        if termsOfPattern.count <= 16 * windowTerms.count {
            for term in termsOfPattern { covered |= table[term] }
        } else {
            for term in windowTerms where Self.sortedContains(termsOfPattern, term) { covered |= table[term] }
        }
        var coveredContent = (covered & contentMask).nonzeroBitCount
        var coverage = Double(coveredContent) / Double(contentCount)
        if contentMask == 0, targets[Int(entry.target)].phraseSet != nil {
            // A short reply of stop words only ("ko", "yes it is") is measured on all its words.
            coveredContent = (covered & everywhere).nonzeroBitCount
            coverage = Double(coveredContent) / Double(max(1, wordCount))
        }
        // Counting bits of 128 takes a few dozen instructions here, and most windows have no typo.
        let typos = covered & typoMask
        return Measured(
            covered: covered, coveredContent: coveredContent, coverage: coverage,
            typos: typos == 0 ? 0 : typos.nonzeroBitCount)
    }

    /// Whether the window holds something of every group of the pattern's requirements (in
    /// `requirements`, the index's `patternRequirements`); from the second group when the first
    /// is known to be met.
    @inline(__always)
    private static func meetsRequirements(
        _ entry: PatternEntry, afterFirstGroup: Bool, _ requirements: UnsafeBufferPointer<Int32>,
        _ table: WindowTermPositions, _ scratch: WindowScratch, _ crowded: PostingLists<Int32>
    ) -> Bool {
        var start = Int(entry.requirementsStart)
        let end = start + Int(entry.requirementsCount)
        if afterFirstGroup && start < end { start += 1 + Int(requirements[start]) }
        return PatternRequirements.areMet(requirements[start..<end]) { isPresent($0, table, scratch, crowded) }
    }

    /// Whether a requirement option (a term, or `-1 - concept`) is in the window.
    @inline(__always)
    private static func isPresent(
        _ option: Int32, _ table: WindowTermPositions, _ scratch: WindowScratch, _ crowded: PostingLists<Int32>
    ) -> Bool {
        option >= 0 ? table[option] != 0 : scratch.hasPlainForm(Int(-1 - option), crowded)
    }

    /// Whether `term` is among `terms`, sorted.
    static func sortedContains(_ terms: Slice<UnsafeBufferPointer<Int32>>, _ term: Int32) -> Bool {
        let found = terms.lowerBound { $0 < term }
        return found < terms.endIndex && terms[found] == term
    }

    private func diacriticAgreement(
        _ number: Int32, _ words: WindowWords, _ covered: WordPositions, _ tokens: [Token]
    ) -> (Int, Int) {
        let detail = details[Int(number)]
        guard detail.marksCount > 0 else { return (0, 0) }
        // Marks read in place: a slice of the array per run searched retained and released it.
        return marks.withUnsafeBufferPointer { marks in
            let patternMarks = marks[Int(detail.marksStart)..<Int(detail.marksStart + detail.marksCount)]
            var agreeing = 0
            var disagreeing = 0
            var bit: WordPositions = 1
            for position in 0..<words.count {
                defer { bit <<= 1 }
                let word = words.words[position]
                guard word.isMarked, covered & bit != 0 else { continue }
                let typed = tokens[Int(word.token)].folded
                for term in words.terms(at: position) {
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
    }

    /// Whether a mark of `term` in `run` (sorted by term) has the form `typed`; sets `marked`
    /// when there is a mark of `term` at all.
    private func scanMarks(
        _ run: Slice<UnsafeBufferPointer<PatternMark>>, _ term: Int32, _ typed: String, _ marked: inout Bool
    ) -> Bool {
        // Concepts' runs can be long (a mark per marked form): the term's marks are found by
        // a binary search rather than a scan from the start.
        for mark in run[run.lowerBound { $0.term < term }...] {
            if mark.term > term { break }
            marked = true
            if markedForms[Int(mark.form)] == typed { return true }
        }
        return false
    }

    /// The account of the words `found` explains, from what scoring measured: the words it
    /// covers, their typos, the share of the window's content words they are and how their
    /// diacritics agree. The words are spelled when the account is read.
    private func explain(_ found: BestPatterns.Found, _ tokens: [Token]) -> MatchExplanation {
        MatchExplanation(
            source: explanationSource(of: found.pattern),
            words: .positions(
                tokens: tokens, firstWord: Int32(found.window), covered: .init(found.covered),
                typos: .init(found.typos)),
            coverage: found.coverage, requiredItems: Int(details[Int(found.pattern)].requiredItemCount),
            diacriticsAgreeing: Int(found.agreeing), diacriticsDisagreeing: Int(found.disagreeing))
    }
}
