import Foundation
import SupportBotTestSupport
import SupportContent
import Testing
import TextNormalization

/// `locales/<lang>.lexicon.yaml`: the shipped files load, and broken files say where they break.
@Suite struct LexiconFileTests {
    @Test("The shipped lexicon loads with every list") func shipped() throws {
        let lexicon = try LexiconFile.load(localesDirectory: Repository.root.appendingPathComponent("locales"))
        #expect(lexicon.abbreviations[.vi]?["dc"] == "được")
        #expect(lexicon.abbreviations[.vi]?["tk"] == "tài khoản")
        #expect(lexicon.abbreviations[.en]?["w/d"] == "withdraw")
        #expect(lexicon.ambiguousAbbreviations[.vi]?["bn"] == ["bao nhiêu", "bạn"])
        #expect(lexicon.protectedWords.isSuperset(of: ["after", "access", "cross", "usdt", "trc20", "2fa", "pass"]))
        #expect(lexicon.tickers.isSuperset(of: ["usdt", "trc20", "bep20", "erc20"]))
        #expect(lexicon.inflections["withdrew"] == "withdraw")
        #expect((lexicon.languageWords[.en]?.core.count ?? 0) >= 400)
        #expect((lexicon.languageWords[.vi]?.core.count ?? 0) >= 300)
        #expect(lexicon.languageWords[.en]?.core.contains("on") == true)
    }

    @Test("No abbreviation key is also ambiguous, and none is a common Vietnamese word") func consistent() throws {
        let lexicon = try LexiconFile.load(localesDirectory: Repository.root.appendingPathComponent("locales"))
        let keys = Set(lexicon.abbreviations[.vi]?.keys.map { $0 } ?? [])
        #expect(keys.isDisjoint(with: lexicon.ambiguousAbbreviations[.vi]?.keys.map { $0 } ?? []))
        #expect(!keys.contains("trc"))
    }

    private func load(_ files: [String: String]) throws -> NormalizationLexicon {
        let content = try TemporaryContent(copying: nil)
        for (name, text) in files { try content.write("locales/\(name)", text) }
        return try LexiconFile.load(localesDirectory: content.directory.appendingPathComponent("locales"))
    }

    private func errorText(_ files: [String: String]) -> String {
        do {
            _ = try load(files)
            return ""
        } catch {
            return String(describing: error)
        }
    }

    @Test("Missing files leave the lists empty") func missingFiles() throws {
        let lexicon = try load([:])
        #expect(lexicon.abbreviations.isEmpty)
        #expect(lexicon.protectedWords.isEmpty)
    }

    @Test("Keys are folded: case and diacritics do not matter") func foldedKeys() throws {
        let lexicon = try load([
            "vi.lexicon.yaml": "language: vi\nabbreviations:\n  ĐC: được\nlanguage_words:\n  core: [Rút, TIỀN]\n"
        ])
        #expect(lexicon.abbreviations[.vi] == ["dc": "được"])
        #expect(lexicon.languageWords[.vi]?.core == ["rut", "tien"])
    }

    @Test(
        "Errors name the file, line and column",
        arguments: [
            (
                "en.lexicon.yaml", "language: en\nabbreviation:\n  pls: please\n",
                "locales/en.lexicon.yaml:2:1: error: unknown key 'abbreviation'"
            ),
            (
                "vi.lexicon.yaml", "language: en\n",
                "locales/vi.lexicon.yaml:1:11: error: language 'en' does not match the file name"
            ),
            (
                "en.lexicon.yaml", "protected_words: after\n",
                "locales/en.lexicon.yaml:1:18: error: 'protected_words' must be a list"
            ),
            (
                "en.lexicon.yaml", "abbreviations:\n  pls: \"!!\"\n",
                "locales/en.lexicon.yaml:2:8: error: '!!' has no letters or digits"
            ),
            (
                "en.lexicon.yaml", "abbreviations: [pls]\n",
                "locales/en.lexicon.yaml:1:16: error: 'abbreviations' must be a mapping"
            ),
            (
                "vi.lexicon.yaml", "abbreviations:\n  dc: được\n  đc: được\n",
                "locales/vi.lexicon.yaml:3:3: error: abbreviation 'đc' is already defined at locales/vi.lexicon.yaml:2:3"
            ),
            (
                "vi.lexicon.yaml", "abbreviations:\n  bn: bao nhiêu\nambiguous_abbreviations:\n  bn: [bạn]\n",
                "locales/vi.lexicon.yaml:4:3: error: 'bn' is both an abbreviation"
            ),
            (
                "en.lexicon.yaml", "language_words:\n  cores: [the]\n",
                "locales/en.lexicon.yaml:2:3: error: unknown key 'cores' in 'language_words'"
            ),
            ("en.lexicon.yaml", "tickers: [usdt\n", "locales/en.lexicon.yaml"),
        ])
    func errors(_ file: String, _ text: String, _ expected: String) {
        #expect(errorText([file: text]).contains(expected))
    }
}
