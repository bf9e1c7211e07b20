// The README's embedding example, compiled here so it can never rot; EmbeddingExampleTests
// checks the README shows exactly this code (between the markers).
import Foundation
import SupportBot

// embedding-example:start
func answerOneMessage(contentDirectory: URL) throws -> Reply {
    // Load once at start-up; the engine is immutable and Sendable: share it between tasks.
    let engine = try SupportEngine.load(contentDirectory: contentDirectory)

    // Keep one Conversation per user (it is Codable: store it anywhere between messages).
    var conversation = Conversation(id: "user-42")
    let reply = engine.respond(to: "rut tien 2 tieng chua ve", in: &conversation)

    // reply.route is .answer, .security, .escalate, .clarify or .fallback;
    // reply.handoff carries the summary for a human agent when the bot hands over.
    print(reply.route, reply.intent ?? "-", reply.confidence)
    print(reply.text)
    return reply
}
// embedding-example:end
