import Foundation
import SupportBot

/// The shipped content with the user messages of the shipped transcripts, conversation by
/// conversation; without transcripts, the content's own examples, one conversation each.
enum ShippedWorkload {
    static func make(contentDirectory: URL, transcripts: URL?) throws -> BenchWorkload {
        let folder = transcripts ?? contentDirectory.appendingPathComponent("Tests/Transcripts")
        var messages = try transcriptMessages(in: folder)
        var source = "user turns of \(folder.lastPathComponent)/*.jsonl"
        if messages.isEmpty {
            let content = try ContentLoader.load(from: contentDirectory)
            messages = content.intents.flatMap { intent in
                BotContent.languages.flatMap { intent.examples[$0] ?? [] }.map { BenchMessage(text: $0.text) }
            }
            source = "the content's examples (no transcripts found)"
        }
        return BenchWorkload(
            name: "shipped", title: "shipped", directory: contentDirectory, messages: messages, messageSource: source,
            isShipped: true)
    }

    /// The `user` field of every line of every `*.jsonl` file in `folder`, in file order; a new
    /// conversation starts wherever the `conversation` field changes.
    static func transcriptMessages(in folder: URL) throws -> [BenchMessage] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var messages: [BenchMessage] = []
        for name in names.sorted() where name.hasSuffix(".jsonl") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var previous: String?
            for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let user = object["user"] as? String
                else { continue }
                let conversation = object["conversation"] as? String
                messages.append(
                    BenchMessage(text: user, startsConversation: conversation == nil || conversation != previous))
                previous = conversation
            }
        }
        return messages
    }
}
