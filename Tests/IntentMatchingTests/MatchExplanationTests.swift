import SupportBot
import SupportBotTestSupport
import Testing

@testable import IntentMatching

/// The matcher keeps which words an explanation names and spells them only when they are read:
/// what is read must be the words as the matcher split them, in every window.
@Suite("Explanations' words")
struct MatchExplanationTests {
    private static func bestExplanation(_ message: String) -> MatchExplanation? {
        let engine = Repository.shippedEngine
        return engine.index.match(engine.policy.normalizer.normalize(message)).best?.explanation
    }

    @Test(
        "Matched words and typos are the message's words the pattern covers",
        arguments: [
            ("rut tien 2 tieng chua ve", ["rut", "tien", "2", "tieng", "chua", "ve"], [String]()),
            // An abbreviation's expansion is a word per part.
            ("tk bi khoa ko rut dc", ["tai", "khoan", "bi", "khoa"], []),
            ("my acount is locked", ["my", "acount", "locked"], ["acount"]),
        ])
    func wordsOfOneWindow(message: String, matched: [String], typos: [String]) throws {
        let explanation = try #require(Self.bestExplanation(message))
        #expect(explanation.matchedWords == matched)
        #expect(explanation.typos == typos)
    }

    @Test("Words of a later window are counted from the window's first word")
    func wordsOfALaterWindow() throws {
        let explanation = try #require(
            Self.bestExplanation(String(repeating: "the ", count: 130) + "how do i withdraw"))
        #expect(explanation.matchedWords.last == "withdraw")
        #expect(explanation.matchedWords.dropLast().allSatisfy { $0 == "the" })
    }

    @Test("An explanation equals, and hashes as, the same one built from lists")
    func equalToItsListedForm() throws {
        let explanation = try #require(Self.bestExplanation("my acount is locked"))
        let listed = MatchExplanation(
            pattern: explanation.pattern, location: explanation.location, matchedWords: explanation.matchedWords,
            typos: explanation.typos, coverage: explanation.coverage, requiredItems: explanation.requiredItems,
            diacriticsAgreeing: explanation.diacriticsAgreeing,
            diacriticsDisagreeing: explanation.diacriticsDisagreeing)
        #expect(listed == explanation)
        #expect(listed.hashValue == explanation.hashValue)
        #expect(listed.description == explanation.description)
    }

    @Test("Setting the matched words keeps the typos, and the other way round")
    func settingOneListKeepsTheOther() throws {
        var explanation = try #require(Self.bestExplanation("my acount is locked"))
        explanation.matchedWords = ["acount"]
        #expect(explanation.typos == ["acount"])
        explanation.typos = []
        #expect(explanation.matchedWords == ["acount"])
    }

    @Test("Setting the pattern keeps the location, and the other way round")
    func settingThePatternKeepsTheLocation() throws {
        var explanation = try #require(Self.bestExplanation("my acount is locked"))
        let location = explanation.location
        explanation.pattern = "p"
        #expect(explanation.location == location)
        explanation.location = SourceLocation(file: "intents/x.yaml", line: 3)
        #expect(explanation.pattern == "p")
        #expect(explanation.location.line == 3)
    }

    /// Every reply copies its explanation: the deferred words and pattern must not make it larger
    /// than the lists and strings it stands for (past some size a copy is a call to `memcpy`).
    @Test("An explanation is no larger than its public fields")
    func explanationSize() {
        #expect(MemoryLayout<MatchExplanation>.size <= 96)
    }

    /// Replies find a candidate's answer by its number: it must be its intent's place in the content.
    @Test("A candidate's intent number is its intent's position in the content")
    func intentNumbers() {
        let engine = Repository.shippedEngine
        let result = engine.index.match(engine.policy.normalizer.normalize("my acount is locked, cant withdraw"))
        #expect(!result.candidates.isEmpty)
        for candidate in result.candidates {
            #expect(engine.content.intents[Int(candidate.intentNumber)].id == candidate.intentID)
        }
    }
}
