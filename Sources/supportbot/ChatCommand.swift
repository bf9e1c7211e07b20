import ArgumentParser

struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'chat' is not implemented yet.")
    }
}
