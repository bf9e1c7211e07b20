import ArgumentParser

@main
struct SupportBotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supportbot",
        abstract: "A rule-based support chatbot engine for crypto platforms (Vietnamese and English).",
        subcommands: [
            ChatCommand.self, NormalizeCommand.self, LintCommand.self, ReplayCommand.self, ReportCommand.self,
            BenchCommand.self, BenchProbeCommand.self,
        ]
    )
}
