import Foundation
import SupportBotTestSupport
import Testing

@testable import SupportContent

/// The lexicon's folded words are trimmed by bytes where that gives Foundation's answer.
@Suite("Lexicon words are trimmed as Foundation trims white space")
struct LexiconFileTests {
    static let pieces = [
        " ", "\t", "\n", "a", "Zz", "đ", "é", "e\u{301}", "\u{301}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}",
        "'", "😀",
    ]

    @Test("Random texts of spaces, letters and marks")
    func randomTexts() {
        var generator = SeededRandom(seed: 11)
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                text += Self.pieces.randomElement(using: &generator)!
            }
            let trimmed = LexiconFile.trimmingSpaces(text)
            #expect(trimmed == text.trimmingCharacters(in: .whitespaces), Comment(rawValue: text.debugDescription))
            #expect(Array(trimmed.utf8) == Array(text.trimmingCharacters(in: .whitespaces).utf8))
        }
    }
}
