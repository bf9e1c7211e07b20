import Foundation

/// Every check of a content directory: structure, patterns, and every example replayed through
/// the real engine, which must route it to its own intent.
public enum ContentLint {
    public static func run(contentDirectory directory: URL) -> [ContentDiagnostic] {
        let (content, loadDiagnostics) = ContentLoader.diagnose(directory)
        guard let content else { return loadDiagnostics }
        let (index, compileDiagnostics) = IntentIndex.compileReporting(content)
        guard let index else { return loadDiagnostics + compileDiagnostics }
        let policy = DialoguePolicy(content: content, index: index)
        var diagnostics = loadDiagnostics + compileDiagnostics
        for intent in content.intents {
            for language in BotContent.languages {
                for example in intent.examples[language] ?? [] {
                    var conversation = Conversation(id: "lint")
                    let reply = policy.respond(to: example.text, in: &conversation)
                    guard reply.intent != intent.id else { continue }
                    let actual = reply.intent.map { "intent '\($0)' (\(reply.route.rawValue))" } ?? reply.route.rawValue
                    diagnostics.append(
                        ContentDiagnostic(
                            .error, at: example.location(ofCharacterAt: 0),
                            "example of '\(intent.id)' routes to \(actual): \(reply.explanation)",
                            sourceLine: example.sourceLine))
                }
            }
        }
        return diagnostics.sorted { $0.location < $1.location }
    }
}
