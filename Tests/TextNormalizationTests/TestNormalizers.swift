import Foundation
import SupportBotTestSupport
import SupportContent
import TextNormalization

/// Normalizers shared by the tests: compiling a lexicon takes milliseconds, so once per process.
enum TestNormalizers {
    /// On the shipped `locales/*.lexicon.yaml`.
    static let shipped: TextNormalizer = {
        do {
            return TextNormalizer(
                lexicon: try LexiconFile.load(localesDirectory: Repository.root.appendingPathComponent("locales")))
        } catch {
            fatalError("the shipped lexicon does not load:\n\(error)")
        }
    }()

    /// Without any word list: folding, segmentation and Telex/VNI only.
    static let bare = TextNormalizer()
}

extension TextNormalizer {
    /// The plain words of `text`, single-spaced: what patterns are matched against.
    func plain(_ text: String) -> String {
        normalize(text).plainWords.joined(separator: " ")
    }
}
