import Foundation
import SupportBotTestSupport
import Testing

/// `supportbot normalize`, end to end through the binary.
@Suite struct NormalizeCommandTests {
    @Test("Plain output: the language, a tab, the plain words") func plainOutput() throws {
        let result = try CommandLineTool.run(
            ["normalize"], input: "toi khong rut duoc tien\nruts tieenf\r\ntk bi khoa\ntôi muốn withdraw\n\nwithdraw\n")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false) == [
                "vi\ttoi khong rut duoc tien", "vi\trut tien", "vi\ttai khoan bi khoa", "vi mixed\ttoi muon withdraw",
                "unknown\t", "en\twithdraw", "",
            ])
    }

    @Test("JSON output: one object per line with every token") func jsonOutput() throws {
        let result = try CommandLineTool.run(["normalize", "--json"], input: "Rút 100k \"TK\"\nw/d pls")
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.first == """
                {"language": "vi", "mixed": false, "tokens": [{"text": "Rút", "folded": "rút", "plain": "rut", \
                "kind": "word"}, {"text": "100k", "folded": "100k", "plain": "100k", "kind": "amount"}, {"text": \
                "TK", "folded": "tk", "plain": "tai khoan", "kind": "word"}]}
                """)
        let object = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(object?["language"] as? String == "en")
        let tokens = object?["tokens"] as? [[String: String]]
        #expect(tokens?.map { $0["plain"] } == ["withdraw", "please"])
        #expect(tokens?.first?["text"] == "w/d")
    }

    @Test("Invalid UTF-8 and control bytes on standard input do not stop it") func invalidInput() throws {
        var input = Data("bad \u{1}".utf8)
        input.append(contentsOf: [0xFF, 0xFE, 0xC3, 0x0A, 0xED, 0xA0, 0x80, 0x0A])
        input.append(Data("rút tiền\n".utf8))
        let result = try CommandLineTool.run(["normalize", "--json"], input: input)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(lines.last?.contains("\"plain\": \"tien\"") == true)
    }

    @Test("A broken lexicon file is reported with its name, exit status 2") func brokenLexicon() throws {
        let content = try TemporaryContent()
        try content.write("locales/vi.lexicon.yaml", "abbreviations: [ko]\n")
        let result = try CommandLineTool.run(["normalize", "--content", content.directory.path], input: "ko\n")
        #expect(result.status == 2)
        #expect(result.standardError.contains("locales/vi.lexicon.yaml:1:16: error: 'abbreviations' must be a mapping"))
    }
}
