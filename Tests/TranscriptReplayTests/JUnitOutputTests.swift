import Foundation
import SupportBot
import Testing

@testable import TranscriptReplay

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The JUnit XML parsed back and checked against the elements and attributes the JUnit schema
/// (the Ant/Jenkins XSD) requires: `testsuite` needs name, tests, failures, errors and time;
/// `testcase` needs name, classname and time; `failure` needs type (message is optional there,
/// required by dashboards).
@Suite struct JUnitOutputTests {
    static func attributes(_ element: XMLElement) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: (element.attributes ?? []).compactMap { node in
                node.name.map { ($0, node.stringValue ?? "") }
            })
    }

    @Test func requiredElementsAndAttributes() throws {
        let report = try ReplayMetricsTests.makeReport()
        let text = report.junitXML(elapsedSeconds: 1.5)
        let document = try XMLDocument(xmlString: text, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let rootAttributes = Self.attributes(root)
        // One test case per expectation: lines 1 (3), 3 (2), 4 (2), 5 (1), 6 (2), 7 (3), 8 (2), 9 (2) = 17.
        // Failed: line 3 intent, 5 intent, 6 route and language, 9 intent = 5.
        #expect(rootAttributes["tests"] == "17")
        #expect(rootAttributes["failures"] == "5")
        #expect(rootAttributes["errors"] == "0")
        #expect(rootAttributes["time"] == "1.500")

        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        let suite = try #require(suites.first)
        let suiteAttributes = Self.attributes(suite)
        for name in ["name", "tests", "failures", "errors", "time"] {
            #expect(suiteAttributes[name] != nil, "testsuite lacks \(name)")
        }
        #expect(suiteAttributes["name"] == "t.jsonl")
        #expect(suiteAttributes["tests"] == "17")
        #expect(suiteAttributes["failures"] == "5")

        let cases = suite.elements(forName: "testcase")
        #expect(cases.count == 17)
        for testCase in cases {
            let attributes = Self.attributes(testCase)
            #expect(attributes["name"] != nil && attributes["classname"] != nil && attributes["time"] != nil)
        }
        let names = cases.compactMap { Self.attributes($0)["name"] }
        #expect(
            names.prefix(4) == [
                "t.jsonl:1 expect_intent", "t.jsonl:1 expect_route", "t.jsonl:1 expect_language",
                "t.jsonl:3 expect_intent",
            ])
        let failed = cases.filter { !$0.elements(forName: "failure").isEmpty }
        #expect(
            failed.compactMap { Self.attributes($0)["name"] } == [
                "t.jsonl:3 expect_intent", "t.jsonl:5 expect_intent", "t.jsonl:6 expect_route",
                "t.jsonl:6 expect_language", "t.jsonl:9 expect_intent",
            ])
        let failure = try #require(failed[1].elements(forName: "failure").first)
        #expect(Self.attributes(failure)["message"] == "expected intent z, got a clarifying question")
        #expect(Self.attributes(failure)["type"] == "expect_intent")
        #expect(failure.stringValue?.hasPrefix("message: five\nexpected: intent z") == true)
    }

    @Test func textThatXMLForbidsIsEscaped() throws {
        let parsed = Transcript.parse(
            Data(#"{"user": "a <b> & \"c\" \u0001 'd'", "expect_route": "answer"}"#.utf8), file: "x&y.jsonl")
        let transcript = Transcript(files: ["x&y.jsonl"], turns: parsed.turns)
        let reply = ReplayedTurn(intent: nil, route: .fallback, confidence: 0, language: .en, explanation: "<none>")
        let text = ReplayReport(transcript: transcript, replies: [reply]).junitXML()
        let document = try XMLDocument(xmlString: text, options: [])
        let failure = try #require(
            document.rootElement()?.elements(forName: "testsuite").first?
                .elements(forName: "testcase").first?.elements(forName: "failure").first)
        #expect(failure.stringValue?.contains("a <b> & \"c\" \u{FFFD} 'd'") == true)
        #expect(
            document.rootElement()?.elements(forName: "testsuite").first.map(Self.attributes)?["name"] == "x&y.jsonl")
    }
}
