import Foundation

/// A value behind a lock, shared by this package's types that are used from many threads.
///
/// A `pthread` mutex (through `NSLock`) rather than the standard library's `Mutex`: on Linux
/// `Mutex` waits on a raw futex that ThreadSanitizer cannot see, so every access it guards was
/// reported, now and then, as a race, and the sanitizer run in CI failed at random.
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) {
        self.value = value
    }

    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
