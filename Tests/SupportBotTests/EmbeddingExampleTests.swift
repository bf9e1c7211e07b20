import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@Suite("The README's library example")
struct EmbeddingExampleTests {
    @Test("compiles (it is in this target) and answers on the shipped content")
    func runs() throws {
        let reply = try answerOneMessage(contentDirectory: Repository.root)
        #expect(reply.route == .answer)
        #expect(reply.intent == "withdrawal.pending")
        #expect(reply.language == .vi)
    }

    @Test("the README shows exactly the compiled code")
    func readmeMatches() throws {
        let source = try String(
            contentsOf: Repository.root.appendingPathComponent("Tests/SupportBotTests/EmbeddingExample.swift"),
            encoding: .utf8)
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(source.range(of: "// embedding-example:start\n"))
        let end = try #require(source.range(of: "// embedding-example:end"))
        let snippet = String(source[start.upperBound..<end.lowerBound])
        #expect(readme.contains("```swift\nimport SupportBot\n\n" + snippet + "```"))
    }
}
