import Testing

@testable import IntentMatching

@Suite("Requirement signatures never drop a pattern whose requirements are met")
struct RequirementSignatureTests {
    @Test("Met requirements always pass the signature and the first group; a missing option is caught")
    func noFalseNegatives() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var caught = 0
        for _ in 0..<5_000 {
            // Options among a small universe of terms (≥ 0) and concepts (< 0), so windows often hold them.
            let option = { Int32(next(40) - 10) }
            var requirements: [Int32] = []
            for _ in 0..<(1 + next(4)) {
                let count = 1 + next(3)
                requirements.append(Int32(count))
                for _ in 0..<count { requirements.append(option()) }
            }
            let window = Set((0..<next(25)).map { _ in option() })
            let windowBits = window.reduce(UInt64(0)) { $0 | RequirementSignature.bit($1) }
            let met = PatternRequirements.areMet(requirements[...]) { window.contains($0) }
            let signature = RequirementSignature.of(requirements[...])
            let anchored = IntentIndex.AnchoredPattern(
                pattern: 0, signature: signature, firstGroup: requirements.dropFirst().prefix(Int(requirements[0])))
            let passes =
                RequirementSignature.mayBeMet(signature, in: windowBits)
                && anchored.mayMeetFirstGroup { window.contains($0) }
            if met { #expect(passes, "\(requirements) in \(window.sorted())") }
            if !passes { caught += 1 }
        }
        // The filter is only worth having if it drops a good share of what fails.
        #expect(caught > 500)
    }

    @Test(
        "Requirements flagged complete in the posting are met exactly when its first group is",
        arguments: [
            ([], true),
            ([1, 4], true),
            ([2, 4, -3], true),
            ([3, 4, -3, 7], false),
            ([1, 4, 1, 5], false),
            ([2, 4, -3, 1, 5], false),
        ] as [([Int32], Bool)])
    func completeRequirements(requirements: [Int32], isComplete: Bool) {
        let entry = IntentIndex.PatternEntry(
            target: 0, items: 0, vetoes: -1, termsStart: 0, termsCount: 0, requirementsStart: 0,
            requirementsCount: Int32(requirements.count))
        let anchored = IntentIndex.anchoredPatterns(
            [(key: 0, element: 0)], entries: [entry], requirements: requirements)
        #expect(anchored[0].element.requirementsAreComplete == isComplete)
        #expect(anchored[0].element.pattern == 0)
        guard isComplete else { return }
        for window in [[], [4], [-3], [5], [4, 5], [-3, 7]] as [Set<Int32>] {
            let met = PatternRequirements.areMet(requirements[...]) { window.contains($0) }
            #expect(anchored[0].element.mayMeetFirstGroup { window.contains($0) } == met, "\(window)")
        }
    }

    @Test("The flag leaves the pattern number whole")
    func largePatternNumber() {
        let anchored = IntentIndex.AnchoredPattern(
            pattern: Int32.max, signature: 0, firstGroup: [], requirementGroupCount: 0)
        #expect(anchored.pattern == Int32.max)
        #expect(anchored.requirementsAreComplete)
    }

    @Test("Only concepts that are a group's single option are signed")
    func signedConcepts() {
        // Pattern 0: [term 3] [concept 0 | concept 1]; pattern 1: [concept 2] [term 5].
        let requirements: [Int32] = [1, 3, 2, -1, -2, 1, -3, 1, 5]
        let entries = [
            IntentIndex.PatternEntry(
                target: 0, items: 0, vetoes: -1, termsStart: 0, termsCount: 0, requirementsStart: 0,
                requirementsCount: 5),
            IntentIndex.PatternEntry(
                target: 0, items: 0, vetoes: -1, termsStart: 0, termsCount: 0, requirementsStart: 5,
                requirementsCount: 4),
        ]
        let signed = RequirementSignature.signedConcepts(entries, requirements: requirements, conceptCount: 4)
        #expect(signed == [false, false, true, false])
    }
}
