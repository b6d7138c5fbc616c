import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare TCP connection to `127.0.0.1` (POSIX, non-blocking) for attacks that
/// write raw bytes and hold connections: slow-drip headers, thousands of idle sockets, bodies
/// that never come. Never blocks the caller: writes wait by sleeping, reads return at once.
final class PlainSocket: Sendable {
    enum SocketError: Error {
        case failed(String)
    }

    /// What a non-blocking read found.
    enum Read: Equatable {
        case bytes([UInt8])
        case closed
        case nothing
    }

    private let fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit { close(fd) }

    /// Connects without blocking the calling thread: the server's accept loop runs on the same
    /// cooperative threads as the tests, so a blocking `connect` against a full backlog would
    /// stall both.
    static func connect(port: Int, timeout: Duration = .seconds(10)) async throws -> PlainSocket {
        #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw SocketError.failed("socket: \(String(cString: strerror(errno)))") }
        let connection = PlainSocket(fd: fd)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 || errno == EINPROGRESS else {
            throw SocketError.failed("connect: \(String(cString: strerror(errno)))")
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            if poll(&descriptor, 1, 0) > 0 { break }
            guard ContinuousClock.now < deadline else { throw SocketError.failed("connect: timed out") }
            try await Task.sleep(for: .milliseconds(1))
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else { throw SocketError.failed("connect: \(String(cString: strerror(error)))") }
        return connection
    }

    /// Writes `bytes`, waiting (without blocking the thread) while the socket buffer is full;
    /// false when the peer closed or reset the connection.
    @discardableResult
    func write(_ bytes: [UInt8]) async -> Bool {
        var offset = 0
        let deadline = ContinuousClock.now + .seconds(10)
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if errno == EAGAIN || errno == EWOULDBLOCK, ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(1))
            } else {
                return false
            }
        }
        return true
    }

    /// What is readable now.
    func read() -> Read {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count > 0 { return .bytes(Array(buffer[..<count])) }
        if count == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK ? .nothing : .closed
    }

    /// Reads until the peer closes or `timeout` passes; the bytes and whether it closed.
    func readUntilClosed(timeout: Duration) async -> (bytes: [UInt8], closed: Bool) {
        let deadline = ContinuousClock.now + timeout
        var bytes: [UInt8] = []
        while ContinuousClock.now < deadline {
            switch read() {
            case .bytes(let more): bytes += more
            case .closed: return (bytes, true)
            case .nothing: try? await Task.sleep(for: .milliseconds(5))
            }
        }
        return (bytes, false)
    }

    /// Raises the soft limit on open files towards `wanted` (at most the hard limit); the limit
    /// in force afterwards.
    static func raiseOpenFileLimit(to wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < rlim_t(wanted) {
            limit.rlim_cur = min(rlim_t(wanted), limit.rlim_max)
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(limit.rlim_cur)
    }
}
