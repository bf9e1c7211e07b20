import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Not implemented yet.")

    func run() throws {
        throw ValidationError("'bench' is not implemented yet.")
    }
}
