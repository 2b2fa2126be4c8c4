/// A point in time, `google.protobuf.Timestamp`: seconds since the Unix epoch plus nanoseconds.
/// Valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
public struct Timestamp: Hashable, Comparable, Sendable {
    public var seconds: Int64
    /// 0 ..< 1_000_000_000.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}
