import Foundation
import SupportBot
import SupportBotTestSupport
import Testing

/// The matcher shares work between patterns: identical veto lists are worked out once per
/// message, choices of word runs become unnamed concepts, several-word concept forms sit in a
/// trie, a concept's result from "anywhere" is remembered, and a pattern is skipped unevaluated
/// when the window lacks a word or concept one of its items needs. None of it may change what a
/// pattern means: these cases would catch a shared result leaking into the wrong place, or a
/// pattern skipped that would have matched.
@Suite("Shared pattern parts keep each pattern's meaning")
struct SharedPatternPartsTests {
    static let engine: SupportEngine = {
        do {
            let content = try TemporaryContent(copying: Fixtures.minimalContent)
            try content.replace(
                "concepts:\n",
                with: """
                    concepts:
                      asset: [coin, token, "stable coin"]
                      move: ["send (money|funds) to (wallet|bank)", "send ~asset to bank", "move ~asset out"]
                      alarm: [alarm, "red flag"]
                      hold: ["hold [my] ~asset", "keep * safe", store]
                      halt: ["[please] (stop|terminate) * ~asset", "~alarm * now", "cancel * order"]

                    """, in: "locales/en.yaml")
            try content.write(
                "intents/shared.yaml",
                """
                intents:
                  - id: shared.alpha
                    route: answer
                    title: {en: alpha, vi: alpha}
                    patterns:
                      en: ["alpha ~move !(beta|gamma delta) !~alarm"]
                      vi: ["alpha vi"]
                    examples:
                      en: [alpha one, alpha two, alpha three, alpha four, alpha five]
                      vi: [alpha một, alpha hai, alpha ba, alpha bốn, alpha năm]
                  - id: shared.omega
                    route: answer
                    title: {en: omega, vi: omega}
                    patterns:
                      en: ["omega (top up|deposit) card !(beta|gamma delta) !~alarm", "{zeta ~asset}"]
                      vi: ["omega vi"]
                    examples:
                      en: [omega one, omega two, omega three, omega four, omega five]
                      vi: [omega một, omega hai, omega ba, omega bốn, omega năm]
                  - id: shared.lambda
                    route: answer
                    title: {en: lambda, vi: lambda}
                    patterns:
                      en: ["lambda ~hold (now|today)", "{mu (nu|xi omicron) [pi]}"]
                      vi: ["lambda vi"]
                    examples:
                      en: [lambda one, lambda two, lambda three, lambda four, lambda five]
                      vi: [lambda một, lambda hai, lambda ba, lambda bốn, lambda năm]
                  - id: shared.veto
                    route: answer
                    title: {en: veto, vi: veto}
                    patterns:
                      en: ["sigma ~asset !~halt"]
                      vi: ["sigma vi"]
                    examples:
                      en: [sigma one, sigma two, sigma three, sigma four, sigma five]
                      vi: [sigma một, sigma hai, sigma ba, sigma bốn, sigma năm]
                  - id: shared.set
                    route: answer
                    title: {en: set, vi: set}
                    patterns:
                      en: ["{rho ~hold}", "{tau ~halt}"]
                      vi: ["set vi"]
                    examples:
                      en: [rho store, tau cancel my order, rho hold my coin, tau stop the token, rho keep it safe]
                      vi: [set một, set hai, set ba, set bốn, set năm]
                  - id: shared.after
                    route: answer
                    title: {en: after, vi: after}
                    patterns:
                      en: ["kappa ~asset"]
                      vi: ["kappa vi"]
                    examples:
                      en: [kappa one, kappa two, kappa three, kappa four, kappa five]
                      vi: [kappa một, kappa hai, kappa ba, kappa bốn, kappa năm]

                """)
            for id in ["shared.alpha", "shared.omega", "shared.lambda", "shared.veto", "shared.set", "shared.after"] {
                try content.write("faq/en/\(id).md", "answer \(id)\n")
                try content.write("faq/vi/\(id).md", "trả lời \(id)\n")
            }
            return try SupportEngine.load(contentDirectory: content.directory)
        } catch {
            fatalError("the shared-parts fixture does not load:\n\(error)")
        }
    }()

    @Test(
        "Each pattern matches on its own words, whatever the others share",
        arguments: [
            ("alpha send money to bank", "shared.alpha"),
            ("alpha send funds to wallet", "shared.alpha"),
            ("alpha send stable coin to bank", "shared.alpha"),  // a nested concept's several-word form
            ("alpha move token out", "shared.alpha"),
            ("omega top up card", "shared.omega"),
            ("omega deposit card", "shared.omega"),
            ("coin zeta", "shared.omega"),
            ("kappa coin", "shared.after"),
            // "{zeta ~asset}" remembers where the concept is; "kappa ~asset" must still need it after kappa
            ("coin kappa zeta", "shared.omega"),
            // a concept with a form that is not a plain word run (a gap, an optional word)
            ("lambda keep it safe now", "shared.lambda"),
            ("lambda hold my token today", "shared.lambda"),
            ("lambda store now", "shared.lambda"),
            ("xi omicron mu", "shared.lambda"),
            ("mu nu pi", "shared.lambda"),
            // a vetoing concept's forms that are not word runs, absent or incomplete
            ("sigma coin", "shared.veto"),
            ("sigma coin stop", "shared.veto"),
            ("sigma coin now red", "shared.veto"),
            ("sigma coin cancel", "shared.veto"),
            // a set's concept with longer forms, met by any form, through a nested concept's
            // several-word form, a typo or an inflection
            ("rho keep my wallet safe", "shared.set"),
            ("hold my coin rho", "shared.set"),
            ("rho store", "shared.set"),
            ("tau please terminate the stable coin", "shared.set"),
            ("tau termniate my token", "shared.set"),
            ("terminating all coin tau", "shared.set"),
            ("red flag right now tau", "shared.set"),
        ])
    func matches(message: String, intent: String) {
        let reply = Fixtures.route(message, engine: Self.engine)
        #expect(reply.intent == intent, "\(message) → \(reply.intent ?? "nil"): \(reply.explanation)")
    }

    @Test(
        "Shared vetoes, choices and concepts never match where they should not",
        arguments: [
            "alpha send money to bank beta",  // the shared veto list, first choice
            "omega deposit card gamma delta",  // the shared veto list, several-word choice
            "alpha send money to bank red flag",  // a vetoing concept's several-word form
            "omega top card",  // a choice's run must be whole
            "alpha send money bank",  // a concept's run must be whole
            "alpha send coin to wallet",  // no such form: "send ~asset to bank" only
            "coin kappa",  // remembered "anywhere" results must not satisfy "kappa ~asset"
            "lambda keep now",  // the gap form needs its last word
            "lambda hold my now",  // and the optional one its concept
            "mu omicron",  // a choice's run must be whole
            // a vetoing concept's forms that are not word runs: after an optional word, from a
            // concept, around a gap, and through a typo
            "sigma coin please stop the token",
            "sigma token terminate coin",
            "sigma coin red flag right now",
            "sigma coin cancel my order",
            "sigma coin termniate my token",
            // a set's concept with longer forms that none of them completes
            "rho keep it",
            "rho hold my",
            "tau stop",
            "tau cancel",
        ])
    func doesNotMatch(message: String) {
        let reply = Fixtures.route(message, engine: Self.engine)
        #expect(
            !["shared.alpha", "shared.omega", "shared.lambda", "shared.veto", "shared.set", "shared.after"].contains(
                reply.intent ?? ""),
            "\(message) → \(reply.intent ?? "nil"): \(reply.explanation)")
    }
}
