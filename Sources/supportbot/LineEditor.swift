import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small line editor for the chat on a terminal: arrows, Home/End, Backspace/Delete,
/// history with Up/Down, Ctrl-A/E/U/K/W, Ctrl-C and Ctrl-D to leave.
final class LineEditor {
    enum Outcome {
        case line(String)
        case endOfInput
        case interrupt
    }

    private var history: [String] = []
    private let historyLimit = 500

    func read(prompt: String, promptWidth: Int) -> Outcome {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return fallbackRead(prompt) }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }

        var buffer: [Character] = []
        var cursor = 0
        var historyIndex = history.count
        var draft: [Character] = []

        func redraw() {
            let text = String(buffer)
            let tail = buffer.count - cursor
            var output = "\r\u{1B}[K" + prompt + text
            if tail > 0 { output += "\u{1B}[\(tail)D" }
            write(output)
        }
        write(prompt)
        while true {
            guard let byte = readByte() else { return .endOfInput }
            switch byte {
            case 0x0D, 0x0A:
                write("\r\n")
                let line = String(buffer)
                if !line.trimmingCharacters(in: .whitespaces).isEmpty, history.last != line {
                    history.append(line)
                    if history.count > historyLimit { history.removeFirst() }
                }
                return .line(line)
            case 0x03:
                write("^C\r\n")
                return .interrupt
            case 0x04:
                if buffer.isEmpty {
                    write("\r\n")
                    return .endOfInput
                }
                if cursor < buffer.count { buffer.remove(at: cursor) }
            case 0x7F, 0x08:
                if cursor > 0 {
                    buffer.remove(at: cursor - 1)
                    cursor -= 1
                }
            case 0x01: cursor = 0
            case 0x05: cursor = buffer.count
            case 0x15:
                buffer.removeFirst(cursor)
                cursor = 0
            case 0x0B: buffer.removeLast(buffer.count - cursor)
            case 0x17:
                var start = cursor
                while start > 0, buffer[start - 1] == " " { start -= 1 }
                while start > 0, buffer[start - 1] != " " { start -= 1 }
                buffer.removeSubrange(start..<cursor)
                cursor = start
            case 0x1B:
                guard let next = readByte() else { continue }
                guard next == 0x5B || next == 0x4F, let code = readByte() else { continue }
                switch code {
                case 0x41:  // up
                    if historyIndex > 0 {
                        if historyIndex == history.count { draft = buffer }
                        historyIndex -= 1
                        buffer = Array(history[historyIndex])
                        cursor = buffer.count
                    }
                case 0x42:  // down
                    if historyIndex < history.count {
                        historyIndex += 1
                        buffer = historyIndex == history.count ? draft : Array(history[historyIndex])
                        cursor = buffer.count
                    }
                case 0x43: cursor = min(buffer.count, cursor + 1)
                case 0x44: cursor = max(0, cursor - 1)
                case 0x48: cursor = 0
                case 0x46: cursor = buffer.count
                case 0x33:
                    _ = readByte()  // "~" of Delete
                    if cursor < buffer.count { buffer.remove(at: cursor) }
                default: break
                }
            default:
                guard byte >= 0x20 else { continue }
                var bytes = [byte]
                let expected = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                while bytes.count < expected, let more = readByte() { bytes.append(more) }
                let typed = String(decoding: bytes, as: UTF8.self)
                for character in typed {
                    buffer.insert(character, at: cursor)
                    cursor += 1
                }
            }
            redraw()
        }
    }

    private func fallbackRead(_ prompt: String) -> Outcome {
        write(prompt)
        return readLine().map { .line($0) } ?? .endOfInput
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return Glibc.read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = Glibc.write(STDOUT_FILENO, bytes.baseAddress, bytes.count)
        }
    }
}
