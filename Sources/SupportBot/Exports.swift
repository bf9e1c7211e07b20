// What embedders see with `import SupportBot`: the engine and the types its API speaks.
@_exported import ConversationAnalytics
@_exported import DialoguePolicy
@_exported import IntentMatching
@_exported import SensitiveData
@_exported import SupportContent
@_exported import TextNormalization
