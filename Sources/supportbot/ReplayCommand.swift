import ArgumentParser

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "replay", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'replay' is not implemented yet.")
    }
}
