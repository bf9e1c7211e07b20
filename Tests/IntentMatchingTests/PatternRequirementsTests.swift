import Testing

@testable import IntentMatching

@Suite("Requirement groups of a pattern's items")
struct PatternRequirementsTests {
    /// Concept 2 has plain forms and longer ones witnessed by terms 10 and 11, concept 3 a plain
    /// form and a longer one witnessed by term 7; concept 4 has a form that names no term.
    private static func appendConceptOptions(_ concept: Int, to options: inout [Int32]) -> Bool {
        switch concept {
        case 2: options += [-3, 10, 11]
        case 3: options += [-4, 7]
        default: return false
        }
        return true
    }

    @Test("A concept item offers its options, merged into a choice without repeats; one without any names no group")
    func conceptGroups() {
        // 5 ~c2 (~c3|7) ~c4 [8] * 9
        var nodes = DraftNodes()
        nodes.append(PatternCode.Opcode.term, 5)
        nodes.append(PatternCode.Opcode.concept, 2)
        let choice = nodes.startList(PatternCode.Opcode.alternatives)
        nodes.append(PatternCode.Opcode.concept, 3)
        nodes.append(PatternCode.Opcode.term, 7)
        nodes.endList(choice)
        nodes.append(PatternCode.Opcode.concept, 4)
        let optional = nodes.startList(PatternCode.Opcode.optional)
        nodes.append(PatternCode.Opcode.term, 8)
        nodes.endList(optional)
        nodes.append(PatternCode.Opcode.gap, 4)
        nodes.append(PatternCode.Opcode.term, 9)
        var groups: [Int32] = []
        PatternRequirements.groups(
            of: 0..<nodes.count, in: nodes, appendConceptOptions: Self.appendConceptOptions, into: &groups)
        #expect(groups == [1, 5, 3, -3, 10, 11, 2, -4, 7, 1, 9])
    }

    @Test("A choice with an alternative that names no option names no group")
    func choiceWithoutOptions() {
        // (~c4|7) 5
        var nodes = DraftNodes()
        let choice = nodes.startList(PatternCode.Opcode.alternatives)
        nodes.append(PatternCode.Opcode.concept, 4)
        nodes.append(PatternCode.Opcode.term, 7)
        nodes.endList(choice)
        nodes.append(PatternCode.Opcode.term, 5)
        var groups: [Int32] = []
        PatternRequirements.groups(
            of: 0..<nodes.count, in: nodes, appendConceptOptions: Self.appendConceptOptions, into: &groups)
        #expect(groups == [1, 5])
    }
}
