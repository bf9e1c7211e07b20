/// A log that could not be opened, written, found or read. The text names the file and the cause.
public struct EventLogError: Error, CustomStringConvertible, Sendable, Hashable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
