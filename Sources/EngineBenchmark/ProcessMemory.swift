import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The process's resident memory, from `/proc/self/status` (Linux; nil elsewhere).
enum ProcessMemory {
    /// The high-water mark of resident memory (`VmHWM`), in bytes.
    static func peakResidentBytes() -> Int? { statusField("VmHWM:") }

    /// Resident memory now (`VmRSS`), in bytes.
    static func residentBytes() -> Int? { statusField("VmRSS:") }

    /// `peakResidentBytes` in MB (2^20 bytes).
    static func peakResidentMegabytes() -> Double? { peakResidentBytes().map(megabytes) }

    /// `residentBytes` in MB (2^20 bytes).
    static func residentMegabytes() -> Double? { residentBytes().map(megabytes) }

    private static func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

    /// Returns freed memory to the system and restarts the high-water mark at the current
    /// resident size (writing `5` to `/proc/self/clear_refs`, Linux 4.0+), so the next peak is
    /// one workload's, not the whole run's. Returns false when the mark could not be reset.
    @discardableResult
    static func resetPeak() -> Bool {
        trimMalloc()
        let descriptor = open("/proc/self/clear_refs", O_WRONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(descriptor, "5", 1) == 1
    }

    /// Returns freed heap memory to the system, so resident memory counts what is in use.
    static func trim() { trimMalloc() }

    /// glibc's `malloc_trim(0)`, looked up at run time (`<malloc.h>` is not in the Glibc module).
    private static func trimMalloc() {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            if let symbol = dlsym(nil, "malloc_trim") {
                _ = unsafeBitCast(symbol, to: Trim.self)(0)
            }
        #endif
    }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name) {
            let fields = line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let value = fields.first.flatMap({ Int($0) }) else { return nil }
            return fields.count > 1 && fields[1] == "kB" ? value * 1024 : value
        }
        return nil
    }
}
