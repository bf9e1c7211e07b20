import ArgumentParser
import Foundation
import SupportBot

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with the bot: a REPL on a terminal, one reply per line when piped.")

    @OptionGroup var contentOptions: ContentOptions

    @Option(help: "The reply language until a message says otherwise (vi or en).")
    var lang: Language?

    @Flag(help: "Show which rule and pattern decided each reply.")
    var explain = false

    @Option(help: "Append every turn's event (redacted) to this JSON Lines file.", completion: .file())
    var log: String?

    func run() throws {
        let sink: JSONLinesEventLog? =
            try log.map { path in
                do {
                    return try JSONLinesEventLog(path: path)
                } catch {
                    throw ValidationError("cannot open the log '\(path)': \(error)")
                }
            }
        let engine = try contentOptions.loadEngine(defaultLanguage: lang ?? .en, eventSink: sink)
        let session = ChatSession(engine: engine, language: lang, explain: explain, terminal: Terminal())
        session.run()
        sink?.close()
    }
}

extension Language: ExpressibleByArgument {}
