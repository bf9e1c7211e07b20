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
        var best: [Int: (score: Double, pattern: Int32, window: Int)] = [:]
        var windowStart = 0
        repeat {
            let window = Array(words[windowStart..<min(words.count, windowStart + WordPositions.windowSize)])
            scoreWindow(window, windowStart: windowStart, into: &best)
            windowStart += WordPositions.windowSize / 2
        } while windowStart + WordPositions.windowSize / 2 < words.count

        var candidates: [IntentCandidate] = []
        var phrases: [PhraseSet: Double] = [:]
        var decidingPatterns: [Int32] = []
        var windows: [Int] = []
        for (targetIndex, found) in best {
            let target = targets[targetIndex]
            if let set = target.phraseSet {
                phrases[set] = found.score
                continue
            }
            let pattern = patterns[Int(found.pattern)]
            candidates.append(
                IntentCandidate(
                    intentID: target.intentID, route: target.route, priority: target.priority,
                    confidence: found.score,
                    explanation: MatchExplanation(pattern: pattern.source.text, location: pattern.source.location)))
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
            let windowWords = Array(words[start..<min(words.count, start + WordPositions.windowSize)])
            candidates[position].explanation = explain(patterns[Int(decidingPatterns[position])], windowWords)
        }
        candidates = order.map { candidates[$0] }
        let unmatched = words.filter { $0.isContent && $0.terms.isEmpty }.map(\.plain)
        return MatchResult(candidates: candidates, phrases: phrases, unmatchedWords: unmatched)
    }

    private func messageWords(_ message: NormalizedMessage) -> [MessageWord] {
        var words: [MessageWord] = []
        words.reserveCapacity(message.tokens.count + 4)
        for token in message.tokens {
            let isContentKind = token.kind == .word || token.kind == .ticker
            let parts = token.plain.split(separator: " ")
            let marked = parts.count == 1 && token.folded != token.plain && token.isAsTyped
            for part in parts {
                let plain = String(part)
                let isContent = isContentKind && !stopWords.contains(plain)
                var terms: [Int32] = []
                var isTypo = false
                let allowTypo = isContent && token.kind == .word && !typoExempt.contains(plain)
                switch vocabulary.lookup(plain, allowTypo: allowTypo) {
                case .none: break
                case .exact(let term): terms = [term]
                case .typo(let found):
                    terms = found
                    isTypo = true
                }
                words.append(
                    MessageWord(
                        plain: plain, markedForm: marked ? token.folded : nil, isContent: isContent, terms: terms,
                        isTypo: isTypo))
            }
        }
        return words
    }

    private func scoreWindow(
        _ words: [MessageWord], windowStart: Int, into best: inout [Int: (score: Double, pattern: Int32, window: Int)]
    ) {
        var table = TermPositionTable(capacity: words.count + 8)
        var contentMask: WordPositions = 0
        var typoMask: WordPositions = 0
        for (position, word) in words.enumerated() {
            let bit: WordPositions = 1 << WordPositions(position)
            for term in word.terms { table.insert(term, bit) }
            if word.isContent { contentMask |= bit }
            if word.isTypo { typoMask |= bit }
        }
        guard table.count > 0 else { return }
        let masks = table.entries
        var conceptMasks = TermPositionTable(capacity: 32)
        var conceptRuns: [Int32: [(length: Int, starts: WordPositions)]] = [:]
        var conceptsWithRuns = TermPositionTable(capacity: 8)
        for (term, mask) in masks {
            for concept in conceptsBySingleTerm[term] ?? [] { conceptMasks.insert(concept, mask) }
            for sequence in conceptSequencesByFirstTerm[term] ?? [] {
                var starts = mask
                for (offset, next) in sequence.terms.enumerated().dropFirst() {
                    starts &= (table[next] ?? 0) >> WordPositions(offset)
                    if starts == 0 { break }
                }
                if starts != 0 {
                    conceptRuns[sequence.concept, default: []].append((sequence.terms.count, starts))
                    conceptsWithRuns.insert(sequence.concept, 1)
                }
            }
        }
        let window = WindowMasks(
            terms: table, concepts: conceptMasks, runs: conceptRuns, conceptsWithRuns: conceptsWithRuns)
        var candidates = Set<Int32>()
        for (term, _) in masks {
            if let anchored = patternsByAnchor[term] { candidates.formUnion(anchored) }
        }
        let everywhere = WordPositions.all(below: words.count)
        let contentCount = max(1, contentMask.nonzeroBitCount)
        for number in candidates {
            let pattern = patterns[Int(number)]
            guard matches(pattern, window, everywhere: everywhere) else { continue }
            var covered: WordPositions = 0
            for (term, mask) in masks where pattern.terms.contains(term) { covered |= mask }
            var coveredContent = (covered & contentMask).nonzeroBitCount
            var coverage = Double(coveredContent) / Double(contentCount)
            if contentMask == 0, targets[pattern.intentIndex].phraseSet != nil {
                // A short reply of stop words only ("ko", "yes it is") is measured on all its words.
                coveredContent = (covered & everywhere).nonzeroBitCount
                coverage = Double(coveredContent) / Double(max(1, words.count))
            }
            let typos = (covered & typoMask).nonzeroBitCount
            let (agreeing, disagreeing) = diacriticAgreement(pattern, words, covered)
            // Leave headroom under 1 so agreeing diacritics can still rank a pattern higher.
            var score = 0.4 + 0.33 * coverage + 0.22 * min(1, Double(max(coveredContent, 1)) / 3)
            score -= 0.05 * Double(min(typos, 3))
            score += 0.015 * Double(min(agreeing, 3)) - 0.15 * Double(disagreeing)
            score = min(1, max(0, score))
            let target = pattern.intentIndex
            // Ties go to the earliest pattern, so explanations do not depend on set order.
            if let current = best[target],
                current.score > score || (current.score == score && current.pattern <= number)
            {
                continue
            }
            best[target] = (score, number, windowStart)
        }
    }

    /// One window's word positions by term and by concept (one-word forms only).
    struct WindowMasks {
        var terms: TermPositionTable
        /// Where each concept's one-word forms are.
        var concepts: TermPositionTable
        /// Where each concept's several-word forms start, with their lengths.
        var runs: [Int32: [(length: Int, starts: WordPositions)]]
        /// The concepts that have entries in `runs`: a cheap check before the dictionary.
        var conceptsWithRuns: TermPositionTable
    }

    func matches(_ pattern: CompiledPattern, _ masks: WindowMasks, everywhere: WordPositions) -> Bool {
        for veto in pattern.vetoes where ends(veto, from: everywhere, masks) != 0 { return false }
        switch pattern.shape {
        case .sequence:
            var positions = everywhere
            for item in pattern.items {
                positions = ends(item, from: positions, masks)
                if positions == 0 { return false }
            }
            return true
        case .unordered:
            for item in pattern.items where ends(item, from: everywhere, masks) == 0 { return false }
            return true
        }
    }

    /// Where `node` can end when it starts at any of `starts`: bit i means "the next word is i".
    private func ends(_ node: PatternNode, from starts: WordPositions, _ masks: WindowMasks) -> WordPositions {
        switch node {
        case .term(let term):
            guard let mask = masks.terms[term] else { return 0 }
            return (starts & mask) << 1
        case .sequence(let nodes):
            var positions = starts
            for node in nodes {
                positions = ends(node, from: positions, masks)
                if positions == 0 { return 0 }
            }
            return positions
        case .alternatives(let nodes):
            var positions: WordPositions = 0
            for node in nodes { positions |= ends(node, from: starts, masks) }
            return positions
        case .optional(let node):
            return starts | ends(node, from: starts, masks)
        case .gap(let maximum):
            var positions = starts
            var shifted = starts
            for _ in 0..<maximum {
                shifted <<= 1
                positions |= shifted
            }
            return positions
        case .concept(let index):
            var positions = (starts & (masks.concepts[Int32(index)] ?? 0)) << 1
            for run in masks.conceptsWithRuns[Int32(index)] == nil ? [] : masks.runs[Int32(index)] ?? [] {
                positions |= (starts & run.starts) << WordPositions(run.length)
            }
            for form in conceptLongerForms[index] { positions |= ends(form, from: starts, masks) }
            return positions
        }
    }

    private func diacriticAgreement(_ pattern: CompiledPattern, _ words: [MessageWord], _ covered: WordPositions)
        -> (Int, Int)
    {
        guard !pattern.markedForms.isEmpty else { return (0, 0) }
        var agreeing = 0
        var disagreeing = 0
        for (position, word) in words.enumerated() {
            guard let typed = word.markedForm, covered & (1 << WordPositions(position)) != 0 else { continue }
            for term in word.terms {
                guard let expected = pattern.markedForms[term] else { continue }
                if expected.contains(typed) { agreeing += 1 } else { disagreeing += 1 }
            }
        }
        return (agreeing, disagreeing)
    }

    private func explain(_ pattern: CompiledPattern, _ words: [MessageWord]) -> MatchExplanation {
        let termSet = pattern.terms
        var matched: [String] = []
        var typos: [String] = []
        var covered: WordPositions = 0
        var contentCount = 0
        var coveredContent = 0
        for (position, word) in words.enumerated() {
            if word.isContent { contentCount += 1 }
            guard word.terms.contains(where: termSet.contains) else { continue }
            covered |= 1 << WordPositions(position)
            matched.append(word.plain)
            if word.isTypo { typos.append(word.plain) }
            if word.isContent { coveredContent += 1 }
        }
        let (agreeing, disagreeing) = diacriticAgreement(pattern, words, covered)
        return MatchExplanation(
            pattern: pattern.source.text, location: pattern.source.location, matchedWords: matched, typos: typos,
            coverage: Double(coveredContent) / Double(max(contentCount, 1)), requiredItems: pattern.requiredItemCount,
            diacriticsAgreeing: agreeing, diacriticsDisagreeing: disagreeing)
    }
}
