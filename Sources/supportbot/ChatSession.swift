import Foundation
import SupportBot

/// The chat loop: slash commands for the operator, everything else goes to the engine.
final class ChatSession {
    private let engine: SupportEngine
    private let terminal: Terminal
    private var explain: Bool
    private var conversation: Conversation
    private var routeCounts: [Route: Int] = [:]
    private let initialLanguage: Language?

    init(engine: SupportEngine, language: Language?, explain: Bool, terminal: Terminal) {
        self.engine = engine
        self.terminal = terminal
        self.explain = explain
        self.initialLanguage = language
        conversation = engine.startConversation(language: language ?? .unknown)
    }

    private var language: Language {
        conversation.pinnedLanguage
            ?? (conversation.language == .unknown ? engine.policy.defaultLanguage : conversation.language)
    }

    func run() {
        if terminal.isInteractive {
            print(engine.content.message(.greeting, in: language) + "\n")
            let editor = LineEditor()
            let prompt = terminal.styled("> ", .prompt)
            while case .line(let line) = editor.read(prompt: prompt, promptWidth: 2) {
                if !handle(line) { break }
            }
        } else {
            while let line = readLine(strippingNewline: true) {
                if !handle(line) { break }
                fflush(nil)
            }
        }
    }

    /// Returns false when the user asked to quit.
    private func handle(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if terminal.isInteractive, trimmed.isEmpty { return true }
        if trimmed.hasPrefix("/"), let command = trimmed.split(separator: " ").first {
            let argument = trimmed.split(separator: " ").dropFirst().first.map(String.init)
            switch command {
            case "/quit", "/exit": return false
            case "/help":
                print(engine.content.message(.help, in: language) + "\n")
                return true
            case "/explain":
                explain.toggle()
                print(terminal.styled("explain: \(explain ? "on" : "off")", .dim) + "\n")
                return true
            case "/lang":
                if let argument, let chosen = Language(rawValue: argument), chosen != .unknown {
                    conversation.pinnedLanguage = chosen
                    conversation.language = chosen
                    print(engine.content.message(.languageSwitched, in: chosen) + "\n")
                } else {
                    print(terminal.styled("/lang vi|en", .dim) + "\n")
                }
                return true
            case "/reset":
                conversation = engine.startConversation(language: initialLanguage ?? .unknown)
                routeCounts = [:]
                print(engine.content.message(.greeting, in: language) + "\n")
                return true
            case "/stats":
                let routes = Route.allCases.map { "\($0.rawValue) \(routeCounts[$0, default: 0])" }
                print(terminal.styled("turns \(conversation.turn) · " + routes.joined(separator: " · "), .dim) + "\n")
                return true
            default:
                break
            }
        }
        let reply = engine.respond(to: line, in: &conversation)
        routeCounts[reply.route, default: 0] += 1
        if explain {
            let confidence = String(format: "%.2f", reply.confidence)
            let header = "[\(reply.route.rawValue) \(reply.intent ?? "-") \(confidence) \(reply.language.rawValue)]"
            print(terminal.styled(header + " " + reply.explanation, .dim))
        }
        let style: Terminal.Style? =
            switch reply.route {
            case .security: .warning
            case .escalate: .escalation
            default: nil
            }
        print((style.map { terminal.styled(reply.text, $0) } ?? reply.text) + "\n")
        return true
    }
}
