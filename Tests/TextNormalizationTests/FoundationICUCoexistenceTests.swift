import Foundation
import Testing
import TextNormalization

/// Foundation carries its own ICU; this process also loads the system ICU through the shim.
/// ICU-NOTES: one C++ constructor of Foundation's copy binds to the system copy. Locale-aware
/// case mapping must still be right after the system ICU has been used.
@Suite struct FoundationICUCoexistenceTests {
    init() {
        // Make sure the system ICU is loaded and has done real work in this process.
        _ = ICUText.segments(of: "Tôi không rút được tiền İstanbul")
        _ = ICUText.fold("ĐĂNG NHẬP", strippingMarks: true)
    }

    @Test(
        "Locale case mapping after the system ICU ran",
        arguments: [
            ("i", "tr", true, "İ"),
            ("I", "tr", false, "ı"),
            ("i", "en", true, "I"),
            ("đường", "vi", true, "ĐƯỜNG"),
            ("ĐĂNG NHẬP", "vi", false, "đăng nhập"),
            ("ǆ", "en", true, "Ǆ"),
        ])
    func caseMapping(_ input: String, _ locale: String, _ upper: Bool, _ expected: String) {
        let identifier = Locale(identifier: locale)
        let mapped = upper ? input.uppercased(with: identifier) : input.lowercased(with: identifier)
        #expect(mapped == expected)
    }

    @Test("Foundation's own normalization still agrees with the shim's") func normalization() {
        let decomposed = "Hòa".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count == 4)
        #expect(ICUText.fold(decomposed, strippingMarks: false) == "hòa")
        #expect(decomposed.precomposedStringWithCanonicalMapping == "Hòa")
    }
}
