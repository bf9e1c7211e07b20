import SupportContent
import TextNormalization

extension IntentIndex {
    /// Compiles every pattern of `content`; throws every problem at once.
    public static func compile(
        _ content: BotContent, thresholds: MatchingThresholds = MatchingThresholds()
    ) throws(ContentError) -> IntentIndex {
        let (index, diagnostics) = compileReporting(content, thresholds: thresholds)
        guard let index else { throw ContentError(diagnostics: diagnostics) }
        return index
    }

    /// Compiles what compiles and reports every problem, warnings included.
    public static func compileReporting(
        _ content: BotContent, thresholds: MatchingThresholds = MatchingThresholds()
    ) -> (IntentIndex?, [ContentDiagnostic]) {
        var compiler = PatternCompiler(content: content)
        let index = compiler.compile(thresholds: thresholds)
        let hasErrors = compiler.diagnostics.contains { $0.severity == .error }
        return (hasErrors ? nil : index, compiler.diagnostics)
    }
}

/// Turns parsed patterns into terms and nodes, resolving concepts and reporting problems.
///
/// Each pattern goes into the code as soon as it compiles and keeps only what the index needs
/// (its terms, the first words of its required items): its nodes, flat in one array that
/// serves every pattern (``DraftNodes``), are overwritten by the next pattern's.
struct PatternCompiler {
    let content: BotContent
    private(set) var diagnostics: [ContentDiagnostic] = []
    private var vocabulary: TermVocabulary
    private var conceptForms: [String: [(form: SourceText, language: Language)]] = [:]
    /// The language of the pattern being compiled: its abbreviations apply to its words.
    private var language = Language.en
    private var conceptIndices: [String: Int] = [:]
    /// Concept names resolved so far, found by their bytes in the pattern text, and the concept
    /// each one is: a `String` made and hashed for each of tens of thousands of references cost
    /// more than the rest of compiling them.
    private var conceptNames = PatternWordTable()
    private var conceptNameIndices: [Int] = []
    private var concepts: [PatternNode] = []
    /// Each concept's marked words, sorted, without repeats.
    private var conceptMarks: [[PatternMark]] = []
    /// Per concept: the reference to its marks in `marks` once a pattern has used them.
    private var conceptMarkReferences: [PatternMark?] = []
    /// Where each concept's requirement options (``appendRequirementOptions(of:to:)``) are in
    /// `conceptOptionList` once worked out, empty when it has none; by concept. One list for
    /// all: an array per concept, tens of thousands of them at 10,000 intents, cost 15 million
    /// instructions to allocate and free.
    private var conceptOptionRanges: [Range<Int32>?] = []
    private var conceptOptionList: [Int32] = []
    /// Folded forms of marked words, each once, and their numbers.
    private var markedForms: [String] = []
    private var markedFormNumbers: [String: Int32] = [:]
    private var compiling: [String] = []
    /// Each concept's words and first words (sorted, no repeats), once worked out; by concept.
    private var conceptTerms = TermSets()
    private var conceptFirstTerms = TermSets()
    /// A concept's words or first words while they are worked out, its capacity kept from concept
    /// to concept (a concept met while another's are worked out takes an array of its own).
    private var conceptTermsScratch: [Int32] = []
    /// Choices met in patterns, by their key (``PatternNode/key``): the unnamed concept a choice
    /// of word runs was lifted into, or -1 for a choice that is not one (so that it is not
    /// spelled out again).
    private var choices = PatternKeyTable(capacity: 0)
    /// The key of the choice being looked up, its capacity kept from choice to choice.
    private var choiceKey: [Int32] = []
    /// Pattern words as written, compiled once per language: the same few thousand words
    /// recur across tens of thousands of patterns, and segmenting and stemming them again was
    /// a fifth of the compile. Numbered by `wordTable`, which finds them by their bytes.
    private var compiledWords: [CompiledWord] = []
    /// The terms of every compiled word, one run per word (``CompiledWord/terms``).
    private var compiledWordTerms: [Int32] = []
    /// The marks of every compiled word, one run per word (``CompiledWord/marks``).
    private var compiledWordMarks: [PatternMark] = []
    private var wordTable = PatternWordTable()
    private var targets: [IntentIndex.Target] = []

    /// A word that is a one-word form of more concepts than this is looked up per concept when
    /// a window asks (`WindowScratch.singles`) rather than marking them all: at 10,000 intents
    /// common words are forms of hundreds of choices lifted out of patterns. Lower, the shipped
    /// content's own common words went lazy too and cost it more than marking them.
    private static let crowdedWordConceptCount: Int32 = 64

    // What the index keeps of each compiled pattern, filled as patterns compile.
    private var code = PatternCode()
    private var entries: [IntentIndex.PatternEntry] = []
    private var patternTerms: [Int32] = []
    private var details: [PatternDetail] = []
    private var sourceLists: [[SourceText]] = []
    private var marks: [PatternMark] = []
    /// The marks of the pattern being compiled (sorted, without repeats, once it compiles),
    /// until it is added: one array whose capacity serves every pattern.
    private var patternMarks: [PatternMark] = []
    /// The pattern being compiled, parsed: one array of nodes whose capacity serves every pattern.
    private var parsedPattern = ParsedPattern()
    /// The nodes of the pattern being compiled, then of its draft (items, then vetoes).
    private var draftNodes = DraftNodes()
    /// The nodes of a pattern with choices before they are lifted (``liftAlternatives(_:of:into:)``).
    private var unliftedNodes = DraftNodes()
    /// The first words of every pattern's required items, one run per item: what anchors
    /// are chosen from once every pattern is known. An item that is a concept is the one
    /// `-1 - concept` (its first words are in `conceptFirstTerms`): copying them, often hundreds,
    /// for each of its patterns was a thirtieth of the compile.
    private var itemFirstTerms: [Int32] = []
    /// Where each item's run ends in `itemFirstTerms`.
    private var itemEnds: [Int32] = []
    /// Where each pattern's items end in `itemEnds`.
    private var patternItemEnds: [Int32] = []
    /// Each pattern's requirement groups in item order (`PatternRequirements.groups`), kept
    /// until anchors and costs are known; its nodes are not kept.
    private var requirementGroups: [Int32] = []
    /// Where each pattern's groups end in `requirementGroups`.
    private var requirementGroupEnds: [Int32] = []

    /// A pattern word compiled: its terms (a `term` node when there is one, a `sequence`
    /// otherwise) and, per term written with diacritics, the set of that one folded form, made
    /// once and shared by every pattern.
    private struct CompiledWord {
        /// False when the word is no word (punctuation, emoji).
        var isWord: Bool
        /// Where its terms are in `compiledWordTerms`.
        var terms: Range<Int32>
        /// Where its marks are in `compiledWordMarks`: a range rather than an array of its own,
        /// which every use of the word retained and released (most words have no marks).
        var marks: Range<Int32>
    }

    init(content: BotContent) {
        self.content = content
        vocabulary = TermVocabulary(irregularForms: content.lexicon.inflections)
        for language in BotContent.languages {
            for (name, forms) in content.locales[language]?.concepts ?? [:] {
                conceptForms[name, default: []].append(contentsOf: forms.map { ($0, language) })
            }
        }
    }

    mutating func compile(thresholds: MatchingThresholds) -> IntentIndex {
        let patternCount = content.intents.reduce(0) { $0 + $1.patterns.values.reduce(0) { $0 + $1.count } }
        var seenPlainPatterns = PatternKeyTable(capacity: patternCount)
        // Sized for a choice in every fourth pattern, as synthetic content has: growing the table
        // from a thousand rehashed every choice again at each doubling.
        choices = PatternKeyTable(capacity: max(1024, patternCount / 4))
        var patternKeys = CanonicalKeyWriter()
        // Phrase sets included: growing these arrays for the last few patterns would double them.
        let phraseCount = content.locales.values.reduce(0) { count, locale in
            count + locale.yesWords.count + locale.noWords.count + locale.frustration.count
                + locale.languageNames.values.reduce(0) { $0 + $1.count }
        }
        let capacity = patternCount + phraseCount
        entries.reserveCapacity(capacity)
        details.reserveCapacity(capacity)
        patternItemEnds.reserveCapacity(capacity)
        requirementGroupEnds.reserveCapacity(capacity)
        // By index, the fields read in place: a copy of each intent's whole definition retained
        // and released every one of its strings and arrays.
        for intent in content.intents.indices {
            let intentID = content.intents[intent].id
            let targetIndex = targets.count
            targets.append(
                IntentIndex.Target(
                    intentID: intentID, route: content.intents[intent].route,
                    priority: content.intents[intent].priority, phraseSet: nil))
            for language in BotContent.languages {
                self.language = language
                // Found by walking the dictionary's one or two entries: hashing the language for
                // each of 20,000 lookups cost more.
                let sources = content.intents[intent].patterns.first { $0.key == language }?.value ?? []
                if !sources.isEmpty { sourceLists.append(sources) }
                // By position in the list: an element passed on was copied (a source is four
                // strings) as the compiler cannot tell `compilePattern` leaves it alone (a buffer
                // pointer's elements too: measured).
                for item in sources.indices {
                    guard let pattern = compilePattern(PatternSource(sources, item), target: targetIndex) else {
                        continue
                    }
                    // The table keeps the latest pattern of each key: that is the one reported.
                    patternKeys.write(pattern, nodes: draftNodes)
                    if let earlier = seenPlainPatterns.insert(patternKeys.key, owner: Int32(entries.count)) {
                        let earlierIntent = targets[Int(entries[Int(earlier)].target)].intentID
                        if earlierIntent != intentID {
                            report(
                                .error, sources[item], 0,
                                "pattern is identical, once diacritics are stripped, to one of intent '\(earlierIntent)' at \(self.source(of: earlier).location)"
                            )
                        }
                    }
                    add(pattern, item: item)
                }
            }
        }
        seenPlainPatterns = PatternKeyTable(capacity: 0)
        for phraseSet in IntentIndex.PhraseSet.allCases {
            let targetIndex = targets.count
            targets.append(
                IntentIndex.Target(
                    intentID: "$\(phraseSet)", route: .answer, priority: 0, phraseSet: phraseSet))
            for language in BotContent.languages {
                guard let locale = content.locales[language] else { continue }
                self.language = language
                let sources: [SourceText]
                switch phraseSet {
                case .yes: sources = locale.yesWords
                case .no: sources = locale.noWords
                case .frustration: sources = locale.frustration
                case .english: sources = locale.languageNames[.en] ?? []
                case .vietnamese: sources = locale.languageNames[.vi] ?? []
                }
                if !sources.isEmpty { sourceLists.append(sources) }
                for item in sources.indices {
                    if let pattern = compilePattern(PatternSource(sources, item), target: targetIndex) {
                        add(pattern, item: item)
                    }
                }
            }
        }
        // What only compiling patterns needed goes before the index's tables are built.
        compiledWords = []
        compiledWordTerms = []
        compiledWordMarks = []
        draftNodes = DraftNodes()
        unliftedNodes = DraftNodes()
        wordTable = PatternWordTable()
        choices = PatternKeyTable(capacity: 0)
        conceptTerms = TermSets()
        let termCount = vocabulary.keys.count
        let (anchors, popularity, conceptCosts, anchorRuns) = chooseAnchors(termCount: termCount)
        // Concept forms that are plain word sequences (most are) are matched from per-window
        // masks; only the rest are evaluated as code.
        var singles: [(key: Int32, element: Int32)] = []
        var trieForms: [(concept: Int32, terms: [Int32])] = []
        var conceptLongerForms: [Int32] = []
        for (number, concept) in concepts.enumerated() {
            var longer: [PatternNode] = []
            let forms: [PatternNode]
            if case .alternatives(let alternatives) = concept { forms = alternatives } else { forms = [concept] }
            for form in forms {
                // Most forms are a word or a run of words: their one sequence, without listing.
                if case .term(let term) = form {
                    singles.append((term, Int32(number)))
                    continue
                }
                if let run = termRun(form) {
                    if run.count == 1 {
                        singles.append((run[0], Int32(number)))
                    } else {
                        trieForms.append((Int32(number), run))
                    }
                    continue
                }
                // Counted before they are listed: a combinatorial form is given up on without
                // building the first few hundred of its sequences.
                guard let shape = wordSequenceShape(form), !shape.hasEmpty else {
                    longer.append(form)
                    continue
                }
                let sequences = wordSequenceList(form)
                // Sorted and without repeats; sorting first, rather than hashing arrays into a set.
                for sequence in sequences.distinctPositionsInOrder() {
                    if sequences[sequence].count == 1 {
                        singles.append((sequences[sequence].first!, Int32(number)))
                    } else {
                        trieForms.append((Int32(number), Array(sequences[sequence])))
                    }
                }
            }
            guard !longer.isEmpty else {
                conceptLongerForms.append(-1)
                continue
            }
            conceptLongerForms.append(appendLongerForms(longer))
        }
        code.finish()
        // The index keeps the vocabulary: its list of pattern words goes with the compiler.
        let surfaceForms = vocabulary.surfaceForms
        vocabulary.finishInterning()
        let patternRequirements = requirements(
            anchorRuns: anchorRuns, popularity: popularity, conceptCosts: conceptCosts)
        itemFirstTerms = []
        itemEnds = []
        patternItemEnds = []
        conceptFirstTerms = TermSets()
        var typoExempt = content.lexicon.protectedWords
        for words in content.lexicon.languageWords.values {
            typoExempt.formUnion(words.core)
            typoExempt.formUnion(words.common)
        }
        var stopWords: Set<String> = []
        for locale in content.locales.values { stopWords.formUnion(locale.stopWords) }
        var knownWords: [String: IntentIndex.KnownWord] = [:]
        for word in surfaceForms.union(stopWords).union(typoExempt) {
            var term: Int32 = -1
            if case .exact(let found) = vocabulary.lookup(word, allowTypo: false) { term = found }
            knownWords[word] = IntentIndex.KnownWord(
                term: term, isStopWord: stopWords.contains(word),
                isTypoExempt: typoExempt.contains(word))
        }
        // Only concepts that some signature requires set bits in a window's: the others' bits
        // would only let more candidates through.
        let isSigned = RequirementSignature.signedConcepts(
            entries, requirements: patternRequirements, conceptCount: concepts.count)
        var conceptBitsBySingleTerm = [UInt64](repeating: 0, count: termCount)
        var conceptCounts = [Int32](repeating: 0, count: termCount)
        for single in singles {
            if isSigned[Int(single.element)] {
                conceptBitsBySingleTerm[Int(single.key)] |= RequirementSignature.bit(-1 - single.element)
            }
            conceptCounts[Int(single.key)] += 1
        }
        let isCrowded = conceptCounts.map { $0 > Self.crowdedWordConceptCount }
        let (anchorPairs, unpairedAnchors) = AnchorPairs.split(
            IntentIndex.anchoredPatterns(anchors, entries: entries, requirements: patternRequirements),
            termCount: termCount)
        return IntentIndex(
            vocabulary: vocabulary, code: code, conceptLongerForms: conceptLongerForms,
            conceptsBySingleTerm: PostingLists(keyCount: termCount, singles.filter { !isCrowded[Int($0.key)] }),
            crowdedSingleTermsByConcept: PostingLists(
                keyCount: concepts.count,
                singles.filter { isCrowded[Int($0.key)] }.map { (key: $0.element, element: $0.key) }),
            conceptBitsBySingleTerm: conceptBitsBySingleTerm,
            conceptTrie: ConceptTrie(termCount: termCount, forms: trieForms),
            entries: entries, details: details, sourceLists: sourceLists, marks: marks, markedForms: markedForms,
            patternTerms: patternTerms, patternRequirements: patternRequirements,
            targets: targets,
            patternsByAnchor: PostingLists(keyCount: termCount, unpairedAnchors), anchorPairs: anchorPairs,
            knownWords: IntentIndex.KnownWords(knownWords), stopWords: stopWords, thresholds: thresholds)
    }

    /// Puts a compiled pattern into the code and keeps what the index and the anchors need;
    /// `item` is where its source is in the last of `sourceLists`.
    private mutating func add(_ pattern: PatternDraft, item: Int) {
        // Taken out of `self` while they are read, so that working out a concept's first words
        // or plainness (which mutates `self`) does not overlap an access to them.
        var nodes = DraftNodes()
        swap(&nodes, &draftNodes)
        defer { swap(&nodes, &draftNodes) }
        let items = code.appendList(
            pattern.shape == .sequence ? PatternCode.Opcode.sequence : PatternCode.Opcode.all, pattern.items,
            of: nodes)
        let vetoes =
            pattern.vetoes.isEmpty
            ? -1 : code.appendRemembered(PatternCode.Opcode.alternatives, pattern.vetoes, of: nodes)
        entries.append(
            IntentIndex.PatternEntry(
                target: Int32(pattern.intentIndex), items: items, vetoes: vetoes,
                termsStart: Int32(pattern.terms.lowerBound), termsCount: Int32(pattern.terms.count),
                requirementsStart: 0, requirementsCount: 0))
        details.append(
            PatternDetail(
                requiredItemCount: Int32(pattern.requiredItemCount), marksStart: Int32(marks.count),
                marksCount: Int32(patternMarks.count), sourceList: Int32(sourceLists.count - 1),
                sourceItem: Int32(item)))
        // One by one: `+=` cost more than the few marks a pattern has (and a call when it has none).
        for mark in patternMarks { marks.append(mark) }
        var groups: [Int32] = []
        swap(&groups, &requirementGroups)
        PatternRequirements.groups(
            of: pattern.items, in: nodes, appendConceptOptions: { appendRequirementOptions(of: $0, to: &$1) },
            into: &groups)
        swap(&groups, &requirementGroups)
        requirementGroupEnds.append(Int32(requirementGroups.count))
        var runs: [Int32] = []
        swap(&runs, &itemFirstTerms)
        var item = pattern.items.lowerBound
        while item < pattern.items.upperBound {
            defer { item = nodes.end(of: item) }
            if nodes.isOptionalOrGap(item) { continue }
            // Most items are a word, their own first word.
            if nodes.opcode(at: item) == PatternCode.Opcode.term {
                runs.append(nodes.operand(at: item))
            } else if nodes.opcode(at: item) == PatternCode.Opcode.concept {
                let concept = Int(nodes.operand(at: item))
                workOutConceptFirstTerms(concept)
                runs.append(-1 - Int32(concept))
            } else {
                let start = runs.count
                appendFirstTerms(of: item, in: nodes, to: &runs)
                Self.sortUnique(&runs, from: start)
            }
            itemEnds.append(Int32(runs.count))
        }
        swap(&runs, &itemFirstTerms)
        patternItemEnds.append(Int32(itemEnds.count))
    }

    /// The source of compiled pattern `number`.
    private func source(of number: Int32) -> SourceText {
        sourceLists[Int(details[Int(number)].sourceList)][Int(details[Int(number)].sourceItem)]
    }

    /// Anchors each pattern on the required item whose first words the fewest patterns share,
    /// so common words ("how", "my") do not pull in hundreds of candidates. Also returns how
    /// many items' first words each term is among (its popularity), each concept's cost (the
    /// popularity of its first words, added up; `Int32.max` for a concept without them worked
    /// out) and each pattern's anchor run (a run of `itemFirstTerms`).
    private func chooseAnchors(
        termCount: Int
    ) -> (anchors: [(key: Int32, element: Int32)], popularity: [Int], conceptCosts: [Int], anchorRuns: [Range<Int>]) {
        var popularity = [Int](repeating: 0, count: termCount)
        var conceptUses = [Int](repeating: 0, count: conceptFirstTerms.count)
        // Through buffer pointers: every write to the array checked that it was unique.
        popularity.withUnsafeMutableBufferPointer { popularity in
            conceptUses.withUnsafeMutableBufferPointer { conceptUses in
                itemFirstTerms.withUnsafeBufferPointer { terms in
                    for term in terms {
                        if term >= 0 { popularity[Int(term)] += 1 } else { conceptUses[Int(-1 - term)] += 1 }
                    }
                }
            }
            // An item that is a concept counts for each of the concept's first words.
            for (concept, uses) in conceptUses.enumerated() where uses > 0 {
                conceptFirstTerms.withSet(concept) { terms in
                    for term in terms { popularity[Int(term)] += uses }
                }
            }
        }
        // A concept's cost is worked out once, not again at every item or group that has it.
        let conceptCosts = (0..<conceptFirstTerms.count).map { concept in
            conceptFirstTerms[concept].map { $0.reduce(0) { $0 + popularity[Int($1)] } } ?? Int(Int32.max)
        }
        // Each pattern's best run first, then its terms: both arrays sized at once and written
        // through buffer pointers, as appending checked that each was unique for every element.
        var anchorRuns = [Range<Int>](repeating: 0..<0, count: patternItemEnds.count)
        var anchorCount = 0
        // Read through buffer pointers: slices of these arrays retained and released their
        // storage for every pattern, which cost more than adding up the items' costs.
        itemFirstTerms.withUnsafeBufferPointer { firstTerms in
            itemEnds.withUnsafeBufferPointer { itemEnds in
                popularity.withUnsafeBufferPointer { popularity in
                    conceptCosts.withUnsafeBufferPointer { conceptCosts in
                        anchorRuns.withUnsafeMutableBufferPointer { anchorRuns in
                            var item = 0
                            var itemStart = 0
                            for (number, itemsEnd) in patternItemEnds.enumerated() {
                                var best = 0..<0
                                var bestCost = -1
                                var bestCount = 0
                                while item < Int(itemsEnd) {
                                    let itemEnd = Int(itemEnds[item])
                                    var cost = 0
                                    var count = itemEnd - itemStart
                                    for index in itemStart..<itemEnd {
                                        let term = firstTerms[index]
                                        if term >= 0 {
                                            cost += popularity[Int(term)]
                                        } else {
                                            cost += conceptCosts[Int(-1 - term)]
                                            count = conceptFirstTerms.withSet(Int(-1 - term)) { $0.count }
                                        }
                                    }
                                    if bestCost < 0 || cost < bestCost {
                                        (best, bestCost, bestCount) = (itemStart..<itemEnd, cost, count)
                                    }
                                    itemStart = itemEnd
                                    item += 1
                                }
                                anchorRuns[number] = best
                                anchorCount += bestCount
                            }
                        }
                    }
                }
            }
        }
        // The runs are sorted already (a concept's first words too), as the matcher wants each
        // pattern's anchors.
        let anchors = [(key: Int32, element: Int32)](unsafeUninitializedCapacity: anchorCount) { anchors, count in
            for (number, run) in anchorRuns.enumerated() {
                withAnchorTerms(of: run) { terms in
                    for term in terms {
                        anchors.initializeElement(at: count, to: (term, Int32(number)))
                        count += 1
                    }
                }
            }
        }
        return (anchors, popularity, conceptCosts, anchorRuns)
    }

    /// Calls `body` with the terms of `run` of `itemFirstTerms`: a concept's first words for a
    /// concept's item.
    private func withAnchorTerms<Result>(
        of run: Range<Int>, _ body: (UnsafeBufferPointer<Int32>) -> Result
    ) -> Result {
        itemFirstTerms.withUnsafeBufferPointer { firstTerms in
            if run.count == 1, firstTerms[run.lowerBound] < 0 {
                return conceptFirstTerms.withSet(Int(-1 - firstTerms[run.lowerBound]), body)
            }
            return body(UnsafeBufferPointer(rebasing: firstTerms[run]))
        }
    }

    /// Every pattern's `PatternRequirements`, flattened, with each entry pointed at its own;
    /// rarer options first (by `popularity` and `conceptCosts`, as ``chooseAnchors(termCount:)``
    /// gives them), as a candidate is mostly dropped by its first group.
    private mutating func requirements(
        anchorRuns: [Range<Int>], popularity: [Int], conceptCosts: [Int]
    ) -> [Int32] {
        func cost(_ option: Int32) -> Int {
            guard option < 0 else { return popularity[Int(option)] }
            let concept = Int(-1 - option)
            return concept < conceptCosts.count ? conceptCosts[concept] : Int(Int32.max)
        }
        // Sized at once and written through a buffer pointer: no pattern's requirements are longer
        // than its groups, and every append checked that the array was unique.
        var flat = [Int32](repeating: 0, count: requirementGroups.count)
        var flatCount = 0
        // A group takes two words at least: no pattern keeps more groups than half its words.
        var mostGroups = 0
        var previousEnd = 0
        for groupsEnd in requirementGroupEnds {
            mostGroups = max(mostGroups, (Int(groupsEnd) - previousEnd) / 2)
            previousEnd = Int(groupsEnd)
        }
        // Through buffer pointers: slices of the arrays retained and released their storage for
        // every pattern, and every write to an entry checked that the array was unique.
        var entries: [IntentIndex.PatternEntry] = []
        swap(&entries, &self.entries)
        withUnsafeTemporaryAllocation(of: PatternRequirements.KeptGroup.self, capacity: mostGroups) { kept in
            flat.withUnsafeMutableBufferPointer { flat in
                entries.withUnsafeMutableBufferPointer { entries in
                    requirementGroups.withUnsafeBufferPointer { groups in
                        var groupsStart = 0
                        for (number, groupsEnd) in requirementGroupEnds.enumerated() {
                            let start = flatCount
                            withAnchorTerms(of: anchorRuns[number]) { anchor in
                                PatternRequirements.ordered(
                                    UnsafeBufferPointer(rebasing: groups[groupsStart..<Int(groupsEnd)]),
                                    anchor: anchor, cost: cost, into: flat, at: &flatCount, kept: kept)
                            }
                            entries[number].requirementsStart = Int32(start)
                            entries[number].requirementsCount = Int32(flatCount - start)
                            groupsStart = Int(groupsEnd)
                        }
                    }
                }
            }
        }
        flat.removeLast(flat.count - flatCount)
        swap(&entries, &self.entries)
        requirementGroups = []
        requirementGroupEnds = []
        return flat
    }

    /// Appends the requirement options of `concept` (`PatternRequirements`) to `options` and
    /// returns true: one of them is in every window where it occurs. Its plain forms (the concept
    /// itself, which the window's concept bits describe) and the witness terms of its longer
    /// forms, the smallest group of each (``WitnessGroups/union(of:)``). Returns false, appending
    /// nothing, when a longer form names none (it can match no words, or only a gap's) or the
    /// options would be more than `PatternRequirements.maximumOptions`. Worked out once per
    /// concept: a concept is complete when it is created.
    private mutating func appendRequirementOptions(of concept: Int, to options: inout [Int32]) -> Bool {
        // Grown one by one: concepts are made one at a time, and `+=` of a one-element repeat cost
        // a hundred instructions more.
        while concept >= conceptOptionRanges.count { conceptOptionRanges.append(nil) }
        let range = conceptOptionRanges[concept] ?? workOutRequirementOptions(of: concept)
        // One by one: `+=` of a slice cost more than the one option most concepts have.
        for index in range { options.append(conceptOptionList[Int(index)]) }
        return !range.isEmpty
    }

    /// Adds the requirement options of `concept` to `conceptOptionList` and returns where they are.
    private mutating func workOutRequirementOptions(of concept: Int) -> Range<Int32> {
        // Split as `compile` splits them: a form the concept bits describe is a plain one. Read
        // in place: an array of the one form of most concepts cost an allocation each.
        var hasPlainForm = false
        var longer: [PatternNode] = []
        func sort(_ form: PatternNode) {
            if let shape = wordSequenceShape(form), !shape.hasEmpty {
                hasPlainForm = true
            } else {
                longer.append(form)
            }
        }
        if case .alternatives(let forms) = concepts[concept] {
            for form in forms { sort(form) }
        } else {
            sort(concepts[concept])
        }
        let start = Int32(conceptOptionList.count)
        var witnessTerms: [Int32]?
        if !longer.isEmpty {
            let groups = longer.map { witnessGroups(of: $0) }
            if groups.allSatisfy({ !$0.groups.isEmpty }), let union = WitnessGroups.union(of: groups),
                (hasPlainForm ? 1 : 0) + union.count <= PatternRequirements.maximumOptions
            {
                witnessTerms = union
            } else {
                conceptOptionRanges[concept] = start..<start
                return start..<start
            }
        }
        if hasPlainForm { conceptOptionList.append(-1 - Int32(concept)) }
        if let witnessTerms { conceptOptionList += witnessTerms }
        let range = start..<Int32(conceptOptionList.count)
        conceptOptionRanges[concept] = range
        return range
    }

    // MARK: - Patterns

    private mutating func compilePattern(_ source: PatternSource, target: Int) -> PatternDraft? {
        var text = source.text
        return text.withUTF8 { compilePattern(source, text: $0, target: target) }
    }

    /// Compiles `source`, whose text's UTF-8 is `text`, into `draftNodes`.
    private mutating func compilePattern(
        _ source: PatternSource, text: UnsafeBufferPointer<UInt8>, target: Int
    ) -> PatternDraft? {
        // The parsed pattern, the marks and the nodes are taken out of `self` while they are
        // filled, as compiling nodes mutates `self`; their arrays serve every pattern.
        var parsed = ParsedPattern()
        swap(&parsed, &parsedPattern)
        defer { swap(&parsed, &parsedPattern) }
        do {
            try PatternParser.parse(text, into: &parsed)
        } catch {
            report(.error, source, error.offset, error.message)
            return nil
        }
        var marks: [PatternMark] = []
        swap(&marks, &patternMarks)
        // Most patterns have no marks: emptying an empty array still cost a generic call.
        if !marks.isEmpty { marks.removeAll(keepingCapacity: true) }
        defer { swap(&marks, &patternMarks) }
        var nodes = DraftNodes()
        swap(&nodes, &draftNodes)
        nodes.removeAll()
        defer { swap(&nodes, &draftNodes) }
        let errorsBefore = diagnostics.count
        let itemsCompiled = compileNodes(parsed.items, of: parsed, text, source, &marks, into: &nodes)
        var itemsEnd = nodes.count
        let vetoesCompiled = compileNodes(parsed.vetoes, of: parsed, text, source, &marks, into: &nodes)
        guard diagnostics.count == errorsBefore, itemsCompiled, vetoesCompiled else { return nil }
        // The terms go straight to the index's list (the pattern is added once it compiles), taken
        // out of `self` while they grow, as working out a concept's terms mutates `self`.
        var terms: [Int32] = []
        swap(&terms, &patternTerms)
        let termsStart = terms.count
        // The other items' words first: mostly one concept's, sorted already, into which the
        // pattern's own few words are inserted for less than sorting them all again (a twentieth
        // of the compile). A pattern of words alone (most) appends and sorts them.
        // Each other item's words are made a set (a concept's come as one) and merged into the
        // others' as they come: checking a concept's often hundred words again, or sorting several
        // concepts' words all together, cost more.
        // The required items are counted on the way (each item compiled to one node).
        var item = 0
        var requiredItemCount = 0
        while item < itemsEnd {
            let opcode = nodes.opcode(at: item)
            if opcode != PatternCode.Opcode.term {
                let runStart = terms.count
                collectTerms(of: item, in: nodes, into: &terms)
                if runStart == termsStart {
                    if opcode != PatternCode.Opcode.concept { Self.sortUnique(&terms, from: runStart) }
                } else if opcode != PatternCode.Opcode.concept && terms.count - runStart <= 8 {
                    // A few words (a choice's, mostly) go in as the pattern's own words do.
                    Self.insertTail(&terms, from: termsStart, sortedUpTo: runStart)
                } else {
                    if opcode != PatternCode.Opcode.concept { Self.sortUnique(&terms, from: runStart) }
                    Self.mergeSets(&terms, from: termsStart, secondFrom: runStart)
                }
            }
            if !nodes.isOptionalOrGap(item) { requiredItemCount += 1 }
            item = nodes.end(of: item)
        }
        let wordsStart = terms.count
        item = 0
        while item < itemsEnd {
            if nodes.opcode(at: item) == PatternCode.Opcode.term { terms.append(nodes.operand(at: item)) }
            item = nodes.end(of: item)
        }
        if wordsStart == termsStart {
            Self.sortUnique(&terms, from: termsStart)
        } else {
            Self.insertTail(&terms, from: termsStart, sortedUpTo: wordsStart)
        }
        let termsEnd = terms.count
        swap(&terms, &patternTerms)
        Self.sortUnique(&marks, from: 0)
        // Only choices change when lifted: most patterns have none and are kept as they are.
        if parsed.nodes.contains(where: { $0.kind == .alternatives }) {
            var unlifted = DraftNodes()
            swap(&unlifted, &unliftedNodes)
            swap(&unlifted, &nodes)
            nodes.removeAll()
            for item in unlifted.nodes(in: 0..<itemsEnd) { liftAlternatives(item, of: unlifted, into: &nodes) }
            let liftedItemsEnd = nodes.count
            for veto in unlifted.nodes(in: itemsEnd..<unlifted.count) {
                liftAlternatives(veto, of: unlifted, into: &nodes)
            }
            itemsEnd = liftedItemsEnd
            swap(&unlifted, &unliftedNodes)
        }
        return PatternDraft(
            intentIndex: target, shape: parsed.shape, items: 0..<itemsEnd, vetoes: itemsEnd..<nodes.count,
            terms: termsStart..<termsEnd, requiredItemCount: requiredItemCount)
    }

    /// Appends the nodes of the subtrees of `parsed` in `range` to `nodes` and returns whether
    /// every one compiled (every one is compiled, to report every problem; see
    /// ``compileNode(_:of:_:_:_:into:)``).
    private mutating func compileNodes(
        _ range: Range<Int>, of parsed: ParsedPattern, _ text: UnsafeBufferPointer<UInt8>, _ source: PatternSource,
        _ marks: inout [PatternMark], into nodes: inout DraftNodes
    ) -> Bool {
        var allCompiled = true
        for syntax in parsed.subtrees(in: range) {
            // Most nodes are words: compiled here, without the call that every other kind needs.
            let compiled =
                parsed.nodes[syntax].kind == .word
                ? compileWord(syntax, of: parsed, text, source, &marks, into: &nodes)
                : compileNode(syntax, of: parsed, text, source, &marks, into: &nodes)
            if !compiled { allCompiled = false }
        }
        return allCompiled
    }

    /// ``compileNode(_:of:_:_:_:into:)`` of a word node.
    @inline(__always)
    private mutating func compileWord(
        _ syntax: Int, of parsed: ParsedPattern, _ text: UnsafeBufferPointer<UInt8>, _ source: PatternSource,
        _ marks: inout [PatternMark], into nodes: inout DraftNodes
    ) -> Bool {
        let bytes = parsed.nodes[syntax].bytes
        let word = UnsafeBufferPointer(rebasing: text[Int(bytes.lowerBound)..<Int(bytes.upperBound)])
        let compiled = compiledWord(word)
        guard compiled.isWord else {
            let written = String(decoding: word, as: UTF8.self)
            report(
                .error, source, Int(parsed.nodes[syntax].offset),
                "'\(written)' is not a word (punctuation and emoji are ignored in messages)")
            return false
        }
        // One by one: `+=` cost more than the word's lookup for the one or two marks a word has.
        for index in compiled.marks { marks.append(compiledWordMarks[Int(index)]) }
        if compiled.terms.upperBound - compiled.terms.lowerBound == 1 {
            nodes.append(PatternCode.Opcode.term, compiledWordTerms[Int(compiled.terms.lowerBound)])
        } else {
            let list = nodes.startList(PatternCode.Opcode.sequence)
            for index in compiled.terms { nodes.append(PatternCode.Opcode.term, compiledWordTerms[Int(index)]) }
            nodes.endList(list)
        }
        return true
    }

    /// Appends the node of the subtree of `parsed` at `syntax`, parsed from `text` (the UTF-8 of
    /// `source`'s text), to `nodes`; returns whether it compiled.
    private mutating func compileNode(
        _ syntax: Int, of parsed: ParsedPattern, _ text: UnsafeBufferPointer<UInt8>, _ source: PatternSource,
        _ marks: inout [PatternMark], into nodes: inout DraftNodes
    ) -> Bool {
        let node = parsed.nodes[syntax]
        let bytes = Int(node.bytes.lowerBound)..<Int(node.bytes.upperBound)
        switch node.kind {
        case .word:
            return compileWord(syntax, of: parsed, text, source, &marks, into: &nodes)
        case .sequence, .alternatives:
            let list = nodes.startList(
                node.kind == .sequence ? PatternCode.Opcode.sequence : PatternCode.Opcode.alternatives)
            defer { nodes.endList(list) }
            return compileNodes(parsed.childRange(of: syntax), of: parsed, text, source, &marks, into: &nodes)
        case .optional:
            let list = nodes.startList(PatternCode.Opcode.optional)
            defer { nodes.endList(list) }
            return compileNode(syntax + 1, of: parsed, text, source, &marks, into: &nodes)
        case .gap:
            nodes.append(PatternCode.Opcode.gap, node.maximum)
            return true
        case .concept:
            let nameBytes = UnsafeBufferPointer(rebasing: text[bytes])
            let index: Int
            if let number = conceptNames.number(of: nameBytes, tag: 0) {
                index = conceptNameIndices[Int(number)]
            } else {
                // Only resolved names are kept: a concept being compiled is not, so that a form
                // referring to it is still reported as a cycle.
                let name = String(decoding: nameBytes, as: UTF8.self)
                guard let resolved = resolveConcept(name, at: source, Int(node.offset)) else { return false }
                _ = conceptNames.insert(nameBytes, tag: 0)
                conceptNameIndices.append(resolved)
                index = resolved
            }
            if !compiling.isEmpty {
                // A concept's form: its concept keeps the marks themselves.
                marks += conceptMarks[index]
            } else if !conceptMarks[index].isEmpty {
                marks.append(conceptMarkReference(index))
            }
            nodes.append(PatternCode.Opcode.concept, Int32(index))
            return true
        }
    }

    /// The node of a pattern word (its UTF-8) in the current language, worked out on its first use.
    ///
    /// Inlined, as all but a few thousand of 400,000 words are known: the call, set up for the
    /// work a new word needs, cost more than finding a known one.
    @inline(__always)
    private mutating func compiledWord(_ bytes: UnsafeBufferPointer<UInt8>) -> CompiledWord {
        if let number = wordTable.number(of: bytes, tag: languageTag) { return compiledWords[Int(number)] }
        return compileNewWord(bytes)
    }

    /// ``compiledWord(_:)`` of a word not met before in the current language.
    @inline(never)
    private mutating func compileNewWord(_ bytes: UnsafeBufferPointer<UInt8>) -> CompiledWord {
        let segments = ICUText.segments(of: String(decoding: bytes, as: UTF8.self))
        let termsStart = Int32(compiledWordTerms.count)
        let marksStart = Int32(compiledWordMarks.count)
        for segment in segments {
            // Messages have their abbreviations expanded ("don't" → "do not"): so do patterns.
            if let expansion = content.lexicon.abbreviations[language]?[segment.plain] {
                for word in ICUText.segments(of: expansion) { compiledWordTerms.append(vocabulary.intern(word.plain)) }
                continue
            }
            let term = vocabulary.intern(segment.plain)
            if segment.folded != segment.plain {
                compiledWordMarks.append(PatternMark(term: term, form: markedFormNumber(segment.folded)))
            }
            compiledWordTerms.append(term)
        }
        let compiled = CompiledWord(
            isWord: !segments.isEmpty, terms: termsStart..<Int32(compiledWordTerms.count),
            marks: marksStart..<Int32(compiledWordMarks.count))
        _ = wordTable.insert(bytes, tag: languageTag)
        compiledWords.append(compiled)
        return compiled
    }

    /// The current language as `wordTable` tells words apart.
    private var languageTag: UInt8 {
        switch language {
        case .en: return 0
        case .vi: return 1
        case .unknown: return 2
        }
    }

    /// A mark that refers to the marks of `concept` (not empty), put in `marks` on first use.
    private mutating func conceptMarkReference(_ concept: Int) -> PatternMark {
        if concept < conceptMarkReferences.count, let known = conceptMarkReferences[concept] { return known }
        let reference = PatternMark(term: -1 - Int32(marks.count), form: Int32(conceptMarks[concept].count))
        marks += conceptMarks[concept]
        if concept >= conceptMarkReferences.count {
            conceptMarkReferences += repeatElement(nil, count: concept + 1 - conceptMarkReferences.count)
        }
        conceptMarkReferences[concept] = reference
        return reference
    }

    /// The number of a folded form in `markedForms`, added on first use. Forms are compared as
    /// strings (canonical equivalence), as the sets of forms they replace did.
    private mutating func markedFormNumber(_ form: String) -> Int32 {
        if let number = markedFormNumbers[form] { return number }
        let number = Int32(markedForms.count)
        markedForms.append(form)
        markedFormNumbers[form] = number
        return number
    }

    /// Appends `node` of `nodes` to `lifted` with each choice of plain word runs
    /// (`(send|move|transfer)`) turned into an unnamed concept, so the matcher finds its words
    /// once per window from the message's terms instead of trying every choice in every pattern
    /// that has it.
    private mutating func liftAlternatives(_ node: Int, of nodes: DraftNodes, into lifted: inout DraftNodes) {
        let opcode = nodes.opcode(at: node)
        switch opcode {
        case PatternCode.Opcode.term, PatternCode.Opcode.concept, PatternCode.Opcode.gap:
            lifted.append(opcode, nodes.operand(at: node))
            return
        case PatternCode.Opcode.alternatives:
            // Equal keys are equal choices: one spelled out once need not be again.
            choiceKey.removeAll(keepingCapacity: true)
            nodes.appendKey(of: node, to: &choiceKey)
            if let known = choices.owner(of: choiceKey) {
                if known >= 0 {
                    lifted.append(PatternCode.Opcode.concept, known)
                    return
                }
            } else if let shape = wordSequenceShape(of: node, in: nodes), !shape.hasEmpty {
                let index = concepts.count
                concepts.append(nodes.tree(at: node))
                conceptMarks.append([])
                _ = choices.insert(choiceKey, owner: Int32(index))
                lifted.append(PatternCode.Opcode.concept, Int32(index))
                return
            } else {
                _ = choices.insert(choiceKey, owner: -1)
            }
        default:
            break
        }
        let list = lifted.startList(opcode)
        for child in nodes.nodes(in: nodes.children(of: node)) { liftAlternatives(child, of: nodes, into: &lifted) }
        lifted.endList(list)
    }

    // MARK: - Concepts

    private mutating func resolveConcept(_ name: String, at source: PatternSource, _ offset: Int) -> Int? {
        if let index = conceptIndices[name] { return index }
        if let cycleStart = compiling.firstIndex(of: name) {
            let cycle = (compiling[cycleStart...] + [name]).map { "~" + $0 }.joined(separator: " → ")
            report(.error, source, offset, "concept '~\(name)' refers to itself: \(cycle)")
            return nil
        }
        guard let forms = conceptForms[name], !forms.isEmpty else {
            let suggestion = closestConcept(to: name).map { " (did you mean '~\($0)'?)" } ?? ""
            report(.error, source, offset, "unknown concept '~\(name)'\(suggestion)")
            return nil
        }
        compiling.append(name)
        let outerLanguage = language
        defer {
            compiling.removeLast()
            language = outerLanguage
        }
        var alternatives: [PatternNode] = []
        var formMarks: [PatternMark] = []
        let formTexts = forms.map(\.form)
        for position in forms.indices {
            language = forms[position].language
            let form = PatternSource(formTexts, position)
            var text = form.text
            let compiled = text.withUTF8 { compileForm(form, text: $0, marks: &formMarks) }
            if let compiled { alternatives.append(compiled) }
        }
        if let index = conceptIndices[name] { return index }
        let index = concepts.count
        concepts.append(.alternatives(alternatives))
        Self.sortUnique(&formMarks, from: 0)
        conceptMarks.append(formMarks)
        conceptIndices[name] = index
        return index
    }

    /// The node of a concept's form, whose text's UTF-8 is `text`; nil (reported) when it does
    /// not compile.
    private mutating func compileForm(
        _ form: PatternSource, text: UnsafeBufferPointer<UInt8>, marks: inout [PatternMark]
    ) -> PatternNode? {
        var parsed = ParsedPattern()
        do {
            try PatternParser.parse(text, into: &parsed)
        } catch {
            report(.error, form, error.offset, error.message)
            return nil
        }
        guard parsed.shape == .sequence, parsed.vetoes.isEmpty else {
            report(.error, form, 0, "a concept form cannot be an unordered set or have vetoes")
            return nil
        }
        var nodes = DraftNodes()
        guard compileNodes(parsed.items, of: parsed, text, form, &marks, into: &nodes) else { return nil }
        let items = nodes.nodes(in: 0..<nodes.count).map { nodes.tree(at: $0) }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private func closestConcept(to name: String) -> String? {
        conceptForms.keys.sorted().first { TermVocabulary.isOneEditApart(name, $0) || editDistance(name, $0) <= 2 }
    }

    private func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: - Index helpers

    /// The plain word sequences a node stands for (nested concepts included), the ones
    /// ``wordSequenceShape(_:limit:)`` counts: only for a node it gives a shape for (no gap).
    private func wordSequenceList(_ node: PatternNode) -> WordSequenceList {
        var list = WordSequenceList()
        switch node {
        case .term(let term):
            list.append(CollectionOfOne(term))
        case .gap:
            break
        case .concept(let index):
            return wordSequenceList(concepts[index])
        case .optional(let inner):
            list.append(EmptyCollection())
            list.append(contentsOf: wordSequenceList(inner))
        case .alternatives(let nodes):
            for node in nodes { list.append(contentsOf: wordSequenceList(node)) }
        case .sequence(let nodes):
            list.append(EmptyCollection())
            for node in nodes {
                // A word, the usual item, ends every sequence so far: without a list of its own
                // and a product of the two.
                if case .term(let term) = node {
                    list.appendToEach(term)
                    continue
                }
                list = list.product(with: wordSequenceList(node))
            }
        }
        return list
    }

    /// The terms of `node` when it is a run of words (what ``wordSequenceList(_:)`` would give
    /// as its one sequence); nil for anything else.
    private func termRun(_ node: PatternNode) -> [Int32]? {
        guard case .sequence(let nodes) = node, !nodes.isEmpty else { return nil }
        var run: [Int32] = []
        run.reserveCapacity(nodes.count)
        for node in nodes {
            guard case .term(let term) = node else { return nil }
            run.append(term)
        }
        return run
    }

    /// How many plain word sequences `node` stands for (``wordSequenceList(_:)``) and whether
    /// one is empty, or nil for gaps and forms with more than `limit` (at any step): what is
    /// worth listing, known without building the sequences.
    func wordSequenceShape(_ node: PatternNode, limit: Int = 256) -> (count: Int, hasEmpty: Bool)? {
        switch node {
        case .term: return (1, false)
        case .gap: return nil
        case .concept(let index): return wordSequenceShape(concepts[index], limit: limit)
        case .optional(let inner):
            guard let shape = wordSequenceShape(inner, limit: limit) else { return nil }
            return (shape.count + 1, true)
        case .alternatives(let nodes):
            var all = (count: 0, hasEmpty: false)
            for node in nodes {
                guard let shape = wordSequenceShape(node, limit: limit) else { return nil }
                all = (all.count + shape.count, all.hasEmpty || shape.hasEmpty)
                if all.count > limit { return nil }
            }
            return all
        case .sequence(let nodes):
            var all = (count: 1, hasEmpty: true)
            for node in nodes {
                guard let shape = wordSequenceShape(node, limit: limit) else { return nil }
                all = (all.count * shape.count, all.hasEmpty && shape.hasEmpty)
                if all.count > limit { return nil }
            }
            return all
        }
    }

    /// ``wordSequenceShape(_:limit:)`` of draft node `node` of `nodes`.
    private func wordSequenceShape(
        of node: Int, in nodes: DraftNodes, limit: Int = 256
    ) -> (count: Int, hasEmpty: Bool)? {
        switch nodes.opcode(at: node) {
        case PatternCode.Opcode.term: return (1, false)
        case PatternCode.Opcode.gap: return nil
        case PatternCode.Opcode.concept: return wordSequenceShape(concepts[Int(nodes.operand(at: node))], limit: limit)
        case PatternCode.Opcode.optional:
            guard let shape = wordSequenceShape(of: node + 2, in: nodes, limit: limit) else { return nil }
            return (shape.count + 1, true)
        case PatternCode.Opcode.alternatives:
            var all = (count: 0, hasEmpty: false)
            for child in nodes.nodes(in: nodes.children(of: node)) {
                guard let shape = wordSequenceShape(of: child, in: nodes, limit: limit) else { return nil }
                all = (all.count + shape.count, all.hasEmpty || shape.hasEmpty)
                if all.count > limit { return nil }
            }
            return all
        default:
            var all = (count: 1, hasEmpty: true)
            for child in nodes.nodes(in: nodes.children(of: node)) {
                guard let shape = wordSequenceShape(of: child, in: nodes, limit: limit) else { return nil }
                all = (all.count * shape.count, all.hasEmpty && shape.hasEmpty)
                if all.count > limit { return nil }
            }
            return all
        }
    }

    private mutating func collectTerms(_ node: PatternNode, into terms: inout [Int32]) {
        switch node {
        case .term(let term): terms.append(term)
        case .sequence(let nodes), .alternatives(let nodes): for node in nodes { collectTerms(node, into: &terms) }
        case .optional(let node): collectTerms(node, into: &terms)
        case .gap: break
        case .concept(let index): appendConceptTerms(index, to: &terms)
        }
    }

    /// ``collectTerms(_:into:)`` of draft node `node` of `nodes`.
    private mutating func collectTerms(of node: Int, in nodes: DraftNodes, into terms: inout [Int32]) {
        switch nodes.opcode(at: node) {
        case PatternCode.Opcode.term: terms.append(nodes.operand(at: node))
        case PatternCode.Opcode.gap: break
        case PatternCode.Opcode.concept: appendConceptTerms(Int(nodes.operand(at: node)), to: &terms)
        default:
            for child in nodes.nodes(in: nodes.children(of: node)) { collectTerms(of: child, in: nodes, into: &terms) }
        }
    }

    /// Appends the words of `concept`, sorted, without repeats.
    private mutating func appendConceptTerms(_ concept: Int, to terms: inout [Int32]) {
        // Concepts are shared by hundreds of patterns: work out their words once.
        if !conceptTerms.append(concept, to: &terms) {
            var own: [Int32] = []
            swap(&own, &conceptTermsScratch)
            if !own.isEmpty { own.removeAll(keepingCapacity: true) }
            collectTerms(concepts[concept], into: &own)
            Self.sortUnique(&own, from: 0)
            conceptTerms.store(own, at: concept)
            terms += own
            swap(&own, &conceptTermsScratch)
        }
    }

    /// Appends the words a match of `node` can start with (repeats included).
    private mutating func appendFirstTerms(of node: PatternNode, to terms: inout [Int32]) {
        switch node {
        case .term(let term): terms.append(term)
        case .alternatives(let nodes): for node in nodes { appendFirstTerms(of: node, to: &terms) }
        case .optional(let node): appendFirstTerms(of: node, to: &terms)
        case .gap: break
        case .concept(let index): appendConceptFirstTerms(index, to: &terms)
        case .sequence(let nodes):
            for node in nodes {
                appendFirstTerms(of: node, to: &terms)
                if !node.isOptionalOrGap { break }
            }
        }
    }

    /// ``appendFirstTerms(of:to:)`` of draft node `node` of `nodes`.
    private mutating func appendFirstTerms(of node: Int, in nodes: DraftNodes, to terms: inout [Int32]) {
        switch nodes.opcode(at: node) {
        case PatternCode.Opcode.term: terms.append(nodes.operand(at: node))
        case PatternCode.Opcode.gap: break
        case PatternCode.Opcode.concept: appendConceptFirstTerms(Int(nodes.operand(at: node)), to: &terms)
        case PatternCode.Opcode.sequence:
            for child in nodes.nodes(in: nodes.children(of: node)) {
                appendFirstTerms(of: child, in: nodes, to: &terms)
                if !nodes.isOptionalOrGap(child) { break }
            }
        default:
            for child in nodes.nodes(in: nodes.children(of: node)) {
                appendFirstTerms(of: child, in: nodes, to: &terms)
            }
        }
    }

    /// Appends terms of which every match of `node` holds at least one, so that a window
    /// without any of them skips the node; false (with `terms` left in any state) when there
    /// are none to name: the node can match no words or only a gap's, or the terms would be
    /// too many to gather (`witnessGatheringLimit`, repeats included). Typos need no care: a
    /// typed word's typo terms are among the window's terms.
    ///
    /// `budget` is how many more nodes it may visit: every item of a sequence is tried, and
    /// concepts nested in concepts could otherwise make that exponential.
    private func appendWitnessTerms(
        of node: PatternNode, to terms: inout [Int32], depth: Int, budget: inout Int
    ) -> Bool {
        budget -= 1
        guard terms.count <= Self.witnessGatheringLimit, depth < 16, budget > 0 else { return false }
        switch node {
        case .term(let term):
            terms.append(term)
            return true
        case .gap, .optional:
            return false
        case .concept(let index):
            return appendWitnessTerms(of: concepts[index], to: &terms, depth: depth + 1, budget: &budget)
        case .sequence(let nodes):
            // Any one item that must match names the sequence's terms: the one with the fewest.
            var fewest: [Int32]?
            for child in nodes {
                var own: [Int32] = []
                guard appendWitnessTerms(of: child, to: &own, depth: depth + 1, budget: &budget) else { continue }
                Self.sortUnique(&own, from: 0)
                if own.count < fewest?.count ?? .max { fewest = own }
            }
            guard let fewest else { return false }
            terms += fewest
            return terms.count <= Self.witnessGatheringLimit
        case .alternatives(let nodes):
            for child in nodes where !appendWitnessTerms(of: child, to: &terms, depth: depth + 1, budget: &budget) {
                return false
            }
            return terms.count <= Self.witnessGatheringLimit
        }
    }

    /// Appends a concept's longer forms to the code, each behind the witness groups of its
    /// required items, and returns where they start.
    private mutating func appendLongerForms(_ forms: [PatternNode]) -> Int32 {
        code.appendLongerForms(forms, witnessGroups: forms.map { witnessGroups(of: $0) })
    }

    /// The witness groups of a concept's longer `form`.
    private func witnessGroups(of form: PatternNode) -> WitnessGroups {
        WitnessGroups(form) { node in
            var terms: [Int32] = []
            var budget = Self.witnessNodeBudget
            guard appendWitnessTerms(of: node, to: &terms, depth: 0, budget: &budget) else { return nil }
            Self.sortUnique(&terms, from: 0)
            return terms.count <= Self.witnessTermLimit ? terms : nil
        }
    }

    /// The most witness terms one item keeps: past that, reading them all costs about as much
    /// as the walk they might skip.
    private static var witnessTermLimit: Int { 32 }
    /// The most terms gathered, repeats included, before they are made a set: forms list the
    /// same words many times over.
    private static var witnessGatheringLimit: Int { 256 }
    /// The most nodes looked at for one concept's witness terms.
    private static var witnessNodeBudget: Int { 4096 }

    /// Appends the words a match of `concept` can start with, sorted, without repeats.
    private mutating func appendConceptFirstTerms(_ concept: Int, to terms: inout [Int32]) {
        workOutConceptFirstTerms(concept)
        _ = conceptFirstTerms.append(concept, to: &terms)
    }

    /// Keeps the words a match of `concept` can start with in `conceptFirstTerms`, unless they are.
    private mutating func workOutConceptFirstTerms(_ concept: Int) {
        if conceptFirstTerms.contains(concept) { return }
        var own: [Int32] = []
        swap(&own, &conceptTermsScratch)
        if !own.isEmpty { own.removeAll(keepingCapacity: true) }
        appendFirstTerms(of: concepts[concept], to: &own)
        Self.sortUnique(&own, from: 0)
        conceptFirstTerms.store(own, at: concept)
        swap(&own, &conceptTermsScratch)
    }

    /// Sorts `terms[start...]` and drops its repeats: a set of terms as the index stores it,
    /// built without hashing.
    private static func sortUnique<Element: Comparable>(_ terms: inout [Element], from start: Int) {
        guard terms.count - start > 1 else { return }
        // Through a buffer pointer: through the array, every write checked that its storage was
        // unique, and sorting a slice of it copied the slice (a twentieth of the compile).
        let kept = terms.withUnsafeMutableBufferPointer { all in
            var run = UnsafeMutableBufferPointer(rebasing: all[start...])
            // Runs often come as a set already (an item that is one concept gives its stored
            // words): checking costs a pass, sorting them again cost more.
            var sortedEnd = 1
            while sortedEnd < run.count, run[sortedEnd - 1] < run[sortedEnd] { sortedEnd += 1 }
            if sortedEnd == run.count { return all.count }
            if run.count <= 16 {
                // Most runs are a few terms: an insertion sort, without the general sort's set-up,
                // from the first term out of order.
                for next in sortedEnd..<run.count {
                    let element = run[next]
                    var place = next
                    while place > 0, element < run[place - 1] {
                        run[place] = run[place - 1]
                        place -= 1
                    }
                    run[place] = element
                }
            } else {
                run.sort()
            }
            var kept = 1
            for index in 1..<run.count where run[index] != run[kept - 1] {
                run[kept] = run[index]
                kept += 1
            }
            return start + kept
        }
        terms.removeLast(terms.count - kept)
    }

    /// Merges `terms[start..<second]` and `terms[second...]`, each sorted, without repeats, into
    /// `terms[start...]`, sorted, without repeats.
    private static func mergeSets(_ terms: inout [Int32], from start: Int, secondFrom second: Int) {
        let kept = terms.withUnsafeMutableBufferPointer { all in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: all.count - start) { merged in
                var first = start
                var next = second
                var count = 0
                while first < second, next < all.count {
                    let term = min(all[first], all[next])
                    if all[first] == term { first += 1 }
                    if all[next] == term { next += 1 }
                    merged[count] = term
                    count += 1
                }
                while first < second {
                    merged[count] = all[first]
                    first += 1
                    count += 1
                }
                while next < all.count {
                    merged[count] = all[next]
                    next += 1
                    count += 1
                }
                _ = UnsafeMutableBufferPointer(rebasing: all[start..<(start + count)])
                    .update(fromContentsOf: merged[..<count])
                return start + count
            }
        }
        terms.removeLast(terms.count - kept)
    }

    /// Moves each term of `terms[sortedEnd...]` into `terms[start..<sortedEnd]` (sorted, without
    /// repeats) where it belongs, unless it is there already, so that `terms[start...]` ends
    /// sorted, without repeats: a pattern's few words put among its concepts' many.
    ///
    /// Through a buffer pointer, in one pass: inserting them one by one with `insert(_:at:)` went
    /// through the generic `replaceSubrange` for each (a fortieth of the compile). The terms above
    /// a word move up in one `memmove`: moved one by one, they were a hundredth of the compile.
    private static func insertTail(_ terms: inout [Int32], from start: Int, sortedUpTo sortedEnd: Int) {
        let kept = terms.withUnsafeMutableBufferPointer { all in
            var end = sortedEnd
            for next in sortedEnd..<all.count {
                let term = all[next]
                let place = UnsafeBufferPointer(rebasing: all[start..<end]).lowerBound { $0 < term } + start
                if place < end, all[place] == term { continue }
                let base = UnsafeMutableRawPointer(all.baseAddress!)
                let stride = MemoryLayout<Int32>.stride
                (base + (place + 1) * stride).copyMemory(from: base + place * stride, byteCount: (end - place) * stride)
                all[place] = term
                end += 1
            }
            return end
        }
        terms.removeLast(terms.count - kept)
    }

    private mutating func report(
        _ severity: ContentDiagnostic.Severity, _ source: PatternSource, _ offset: Int, _ message: String
    ) {
        report(severity, source.sourceText, offset, message)
    }

    private mutating func report(
        _ severity: ContentDiagnostic.Severity, _ source: SourceText, _ offset: Int, _ message: String
    ) {
        diagnostics.append(
            ContentDiagnostic(
                severity, at: source.location(ofCharacterAt: offset), message, sourceLine: source.sourceLine))
    }
}

/// A pattern's or form's source as a position in its list, the `SourceText` itself read only for
/// its text or a message: passed on as a value, each of 80,000 sources was copied (four strings
/// retained, then released) for a compile that never reads the rest of it.
private struct PatternSource {
    let list: [SourceText]
    let item: Int

    init(_ list: [SourceText], _ item: Int) {
        self.list = list
        self.item = item
    }

    var text: String { list[item].text }
    var sourceText: SourceText { list[item] }
}

extension PatternNode {
    var isOptionalOrGap: Bool {
        switch self {
        case .optional, .gap: return true
        default: return false
        }
    }
}
