import Testing

@testable import SensitiveData

@Suite("The scan counts the capitals a message may hold")
struct PossibleCapitalsTests {
    let scanner = SensitiveDataScanner()

    @Test(
        "A–Z bytes and scalars beyond ASCII, outside separators",
        arguments: [
            ("", 0),
            ("where is my money", 0),
            ("Hello WORLD", 6),
            ("RÚT tiền", 4),  // R Ú T and ề
            ("“ABC” — x\u{3000}Y", 4),  // the quotes, the dash and the ideographic space are separators
            ("ＡＢ 😀", 3),
            ("my seed: abandon ability able about above absent absorb abstract absurd abuse access Accident", 1),
        ])
    func counts(text: String, expected: Int) {
        let (redaction, possibleCapitals) = scanner.redactCountingCapitals(text)
        #expect(possibleCapitals == expected)
        #expect(redaction == scanner.redact(text))
    }
}
