import ArgumentParser
import Foundation
import SupportBot

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Print, per line of standard input, its language and normalized tokens.")

    @Flag(help: "Print one JSON object per line.")
    var json = false

    func run() throws {
        let normalizer = TextNormalizer()
        while let line = readLine(strippingNewline: true) {
            let message = normalizer.normalize(line)
            print(message.language.rawValue + "\t" + message.tokens.map(\.plain).joined(separator: " "))
        }
    }
}
