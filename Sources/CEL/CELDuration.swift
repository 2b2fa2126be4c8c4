/// A signed span of time, `google.protobuf.Duration`: seconds plus nanoseconds of the same sign.
/// Valid range: about ±10,000 years (±315,576,000,000 seconds).
public struct CELDuration: Hashable, Comparable, Sendable {
    public var seconds: Int64
    /// -999_999_999 ... 999_999_999, same sign as `seconds`.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: CELDuration, b: CELDuration) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}
