import ArgumentParser

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'lint' is not implemented yet.")
    }
}
