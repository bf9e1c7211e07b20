import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

@testable import SupportContent

/// Examples are kept packed; what comes out must equal what went in.
@Suite("Packed examples read back as written")
struct PackedSourceTextsTests {
    @Test("Texts, locations, offsets and source lines survive packing")
    func roundTrip() {
        let file = SourceLocation(file: "intents/a.yaml", line: 3, column: 11)
        let texts: [Language: [SourceText]] = [
            .en: [
                SourceText(text: "plain one", location: file, sourceLine: "        - plain one", textOffset: 0),
                SourceText(text: "no line", location: file),
                SourceText(
                    text: "rút tiền", location: SourceLocation(file: "intents/b.yaml", line: 9, column: 7),
                    lineAround: "      - \"\"  # ghi chú", lineSplit: 9, textOffset: 1),
                SourceText(text: "", location: file, lineAround: "  - ''", lineSplit: 5, textOffset: 1),
                SourceText(text: "quoted", location: file, lineAround: "        - \"\"", lineSplit: 11, textOffset: 1),
                SourceText(text: "plain", location: file, lineAround: "    - ", lineSplit: 6, textOffset: 0),
                SourceText(text: "whole", location: file, lineAround: "- whole # x", lineSplit: -1, textOffset: 0),
                SourceText(
                    text: "negative", location: SourceLocation(file: "x", line: -1, column: 70_000), textOffset: -2),
                SourceText(text: "edge", location: file, lineAround: nil, lineSplit: 0, textOffset: 0),
            ],
            .vi: [],
        ]
        let unpacked = PackedSourceTexts(texts).unpacked()
        #expect(unpacked == texts)
        #expect(unpacked[.en]?[2].sourceLine == "      - \"rút tiền\"  # ghi chú")
        #expect(unpacked[.en]?[4].sourceLine == "        - \"quoted\"")
        #expect(unpacked[.en]?[5].sourceLine == "    - plain")
        #expect(unpacked[.vi] == [])
        #expect(unpacked[.unknown] == nil)
        #expect(PackedSourceTexts().unpacked().isEmpty)
    }

    @Test("An intent's examples are the ones it was given")
    func intentExamples() {
        let location = SourceLocation(file: "intents/a.yaml", line: 2, column: 9)
        var intent = IntentDefinition(id: "a.b", route: .answer, location: location)
        #expect(intent.examples.isEmpty)
        let examples: [Language: [SourceText]] = [.en: [SourceText(text: "hello", location: location)]]
        intent.examples = examples
        #expect(intent.examples == examples)
        intent.examples[.vi] = [SourceText(text: "xin chào", location: location)]
        #expect(intent.examples[.vi]?.first?.text == "xin chào")
        #expect(intent.examples[.en] == examples[.en])
    }

    @Test("Every shipped example reads back with its line")
    func shipped() throws {
        let content = try ContentLoader.load(from: Repository.root)
        var count = 0
        for intent in content.intents {
            for (language, list) in intent.examples {
                #expect(BotContent.languages.contains(language))
                for example in list {
                    #expect(example.sourceLine?.contains(example.text) == true)
                    #expect(example.location.file.hasPrefix("intents/"))
                    count += 1
                }
            }
        }
        #expect(count > 500)
    }
}
