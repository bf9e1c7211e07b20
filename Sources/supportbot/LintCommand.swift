import ArgumentParser
import Foundation
import SupportBot

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the content: structure, patterns, and every example routed through the real engine.")

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        let diagnostics = ContentLint.run(contentDirectory: try contentOptions.directory())
        for diagnostic in diagnostics {
            print(diagnostic.description)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 || (strict && warnings > 0) {
            throw ExitCode(1)
        }
    }
}
