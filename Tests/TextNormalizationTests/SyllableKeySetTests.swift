import SupportBotTestSupport
import Testing

@testable import TextNormalization

/// The decoder's syllable set answers exactly as `Set<UInt64>` does.
@Suite struct SyllableKeySetTests {
    @Test("Membership agrees with Set", arguments: [0, 1, 7, 1_000, 20_000])
    func agreesWithSet(_ count: Int) {
        var generator = SeededRandom(seed: UInt64(count))
        let keys = (0..<count).map { _ in UInt64.random(in: 1...0xFFFF, using: &generator) << 8 }
        let set = SyllableKeySet(keys + keys.prefix(3))
        let expected = Set(keys)
        for key in keys { #expect(set.contains(key)) }
        for _ in 0..<5_000 {
            let probe = UInt64.random(in: 0...0xFF_FFFF, using: &generator)
            #expect(set.contains(probe) == expected.contains(probe))
        }
        #expect(!set.contains(0))
    }

    @Test("Every valid base syllable is in the decoder's set") func validBases() {
        for syllable in VietnameseSyllables.validBases {
            guard let key = SyllableLetters.key(of: syllable) else { continue }
            #expect(VietnameseSyllables.validBaseKeys.contains(key))
        }
        #expect(!VietnameseSyllables.validBaseKeys.contains(SyllableLetters.key(of: "tiens")!))
    }
}
