import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole content files with `open`/`read`: at 10,000 intents the loader reads 20,000
/// answer files, and `FileManager.contents(atPath:)` with its `Data` and URL handling cost
/// more than the files' bytes.
enum ContentFileReader {
    enum Outcome {
        case bytes([UInt8])
        /// The file cannot be opened or read (missing, a folder, no permission).
        case unreadable
    }

    /// The bytes of the file at `path`, read to its end.
    static func contents(atPath path: String) -> Outcome {
        contents(of: open(path, O_RDONLY | O_CLOEXEC))
    }

    /// A folder held open to read the files in it by name, each into the same buffer: for
    /// 10,000 answers, `openat` spares building each file's path (and the kernel walking it),
    /// and the buffer an array allocated and freed for each file.
    final class Folder {
        private let descriptor: Int32
        private var buffer: [UInt8] = []
        /// Whether every entry the last ``countNames(where:)`` counted was listed as a regular
        /// file: then a file opened by one of those names is read without asking `fstat` its
        /// size and kind (a fifth of the system calls for 20,000 answers), as a regular file's
        /// short `read` is its end.
        private var countedNamesAreRegular = false

        /// Nil when the folder cannot be opened.
        init?(path: String) {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
        }

        deinit { close(descriptor) }

        /// The buffer's least size when files are read without their size: more than any
        /// answer needs, so that one `read` takes a whole file.
        private static let unstatedSizeCapacity = 1 << 16

        /// The names of the folder's entries as `FileManager.contentsOfDirectory(atPath:)` lists
        /// them: in the folder's order, decoded as `String(cString:)` does, without `.`, `..` and `._`;
        /// nil when the folder cannot be listed. Foundation built each name with its path's prefix
        /// and compared it as a string three times, a sixth of reading 20,000 answers.
        func names() -> [String]? {
            var names: [String] = []
            let listed = forEachName { name, _ in names.append(String(decoding: name, as: UTF8.self)) }
            return listed ? names : nil
        }

        /// How many of the folder's entries ``names()`` would list have a name whose bytes
        /// `matches` says yes to; nil when the folder cannot be listed. No string is made.
        func countNames(where matches: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int? {
            var count = 0
            var allRegular = true
            let listed = forEachName { name, type in
                guard matches(name) else { return }
                count += 1
                allRegular = allRegular && type == UInt8(DT_REG)
            }
            countedNamesAreRegular = listed && allRegular
            return listed ? count : nil
        }

        /// Calls `body` with the bytes of each entry's name and its listed type (`d_type`,
        /// `DT_UNKNOWN` where the file system does not say), in the folder's order, without `.`,
        /// `..` and `._` (as Foundation leaves them out); false when the folder cannot be listed.
        private func forEachName(_ body: (UnsafeBufferPointer<UInt8>, UInt8) -> Void) -> Bool {
            // `fdopendir` takes the descriptor it is given: a copy, so this one stays open.
            let copy = dup(descriptor)
            guard copy >= 0 else { return false }
            guard let directory = fdopendir(copy) else {
                close(copy)
                return false
            }
            defer { closedir(directory) }
            // From the first entry: the copy shares its position with the descriptor, which an
            // earlier listing left at the end.
            rewinddir(directory)
            while let entry = readdir(directory) {
                guard entry.pointee.d_ino != 0 else { continue }
                withUnsafeBytes(of: &entry.pointee.d_name) { bytes in
                    let name = UnsafeBufferPointer(
                        start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self),
                        count: strlen(bytes.baseAddress!.assumingMemoryBound(to: CChar.self)))
                    let skipped =
                        name.count <= 2 && name.first == UInt8(ascii: ".")
                        && (name.count == 1 || name[1] == UInt8(ascii: ".") || name[1] == UInt8(ascii: "_"))
                    if !skipped { body(name, entry.pointee.d_type) }
                }
            }
            return true
        }

        /// Whether the names `one` and `other` in the folder are the same file (its device and
        /// inode), such as two spellings of a name on a file system that ignores case.
        func isSameFile(_ one: UnsafePointer<CChar>, _ other: UnsafePointer<CChar>) -> Bool {
            var first = stat()
            var second = stat()
            guard fstatat(descriptor, one, &first, 0) == 0, fstatat(descriptor, other, &second, 0) == 0 else {
                return false
            }
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }

        /// Runs `body` on the bytes of the file `name` in the folder, read to its end, or on
        /// nil when it cannot be read; the bytes are valid only during `body`.
        func withContents<Result>(of name: String, _ body: (UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
            name.withCString { withContents(ofExisting: $0, body) } ?? body(nil)
        }

        /// ``withContents(of:_:)`` for a name given as a C string, nil (without calling `body`)
        /// when the file cannot be opened, such as when there is none.
        func withContents<Result>(
            ofExisting name: UnsafePointer<CChar>, _ body: (UnsafeBufferPointer<UInt8>?) -> Result
        ) -> Result? {
            let file = openat(descriptor, name, O_RDONLY | O_CLOEXEC)
            guard file >= 0 else { return nil }
            let capacity: Int
            let regular: Bool
            if countedNamesAreRegular {
                // The whole buffer: a file that fills it is read again below, to its end.
                capacity = max(buffer.count, Self.unstatedSizeCapacity)
                regular = true
            } else {
                var status = stat()
                guard fstat(file, &status) == 0 else {
                    close(file)
                    return body(nil)
                }
                // One byte beyond the stated size notices a file that grew, as `contents(of:)` does.
                capacity = status.st_size > 0 ? Int(status.st_size) + 1 : 4096
                regular = isRegularFile(status)
            }
            if buffer.count < capacity { buffer = [UInt8](repeating: 0, count: max(capacity, 2 * buffer.count)) }
            let count = buffer.withUnsafeMutableBufferPointer { buffer in
                var count = 0
                while count < capacity {
                    let got = read(file, buffer.baseAddress! + count, capacity - count)
                    if got < 0 && errno == EINTR { continue }
                    if got <= 0 { return got < 0 ? -1 : count }
                    count += got
                    if regular && count < capacity { break }
                }
                return count
            }
            close(file)
            guard count >= 0 else { return body(nil) }
            guard count < capacity else {
                // It grew while it was read, or is larger than the buffer: read it again, to its end.
                guard case .bytes(let bytes) = contents(of: openat(descriptor, name, O_RDONLY | O_CLOEXEC)) else {
                    return body(nil)
                }
                return bytes.withUnsafeBufferPointer(body)
            }
            return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// The bytes of the file open as `descriptor` (closed here), read to its end.
    static func contents(of descriptor: Int32) -> Outcome {
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable }
        // One byte beyond the stated size notices a file that grew, and pipes state no size.
        // The buffer is not zeroed first: read(2) fills what is kept.
        let capacity = status.st_size > 0 ? Int(status.st_size) + 1 : 4096
        let regular = isRegularFile(status)
        var count = 0
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            while count < capacity {
                let got = read(descriptor, buffer.baseAddress! + count, capacity - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if got == 0 { break }
                count += got
                if regular && count < capacity { break }
            }
            initialized = count
        }
        guard !failed else { return .unreadable }
        if count == capacity {
            // The file grew while it was read: read on to its end.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
                if got < 0 {
                    if errno == EINTR { continue }
                    return .unreadable
                }
                if got == 0 { break }
                bytes.append(contentsOf: chunk[..<got])
            }
        }
        return .bytes(bytes)
    }

    /// Whether `status` is a regular file's, whose `read` returns fewer bytes than asked for only
    /// at its end: then a second `read` to see the end is not needed (a third of the syscalls
    /// for 20,000 answers).
    private static func isRegularFile(_ status: stat) -> Bool {
        status.st_mode & S_IFMT == S_IFREG
    }

    /// `bytes` as `String(data:encoding: .utf8)` decodes them, which the checks and messages
    /// were written against; Swift's own validation is the fast way to the same text for every
    /// file that does not start with a byte order mark.
    static func text(decoding bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(text(decoding:))
    }

    static func text(decoding bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return String(data: Data(buffer: bytes), encoding: .utf8) }
        return validText(bytes)
    }

    /// `String(validating: bytes, as: UTF8.self)`: decoding repairs what is not valid, so the
    /// bytes are valid exactly when the text holds them unchanged. The generic validation
    /// walked 20,000 answers byte by byte, at 14 instructions a byte; decoding has a fast path.
    static func validText(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let unchanged = text.withUTF8 { decoded in
            decoded.count == bytes.count
                && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return unchanged ? text : nil
    }
}
