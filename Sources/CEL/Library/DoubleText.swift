/// Text forms of doubles that match cel-go: `string(x)` uses Go's `%g` (shortest digits that
/// read back exactly, exponent form below 1e-4 and from 1e6 upwards), and `format`'s `%s`
/// uses plain decimals with no exponent.
enum DoubleText {
    /// The shortest digits that read back as the same double, and where the decimal point
    /// goes: value = 0.d1d2d3... × 10^decimalPoint.
    struct ShortestDigits {
        var negative: Bool
        var digits: [UInt8]   // ASCII digits, no leading or trailing zeros ("0" for zero)
        var decimalPoint: Int
    }

    /// Swift's `description` already prints the shortest round-trip digits; take them apart.
    static func shortestDigits(_ value: Double) -> ShortestDigits {
        let text = Array(value.description.utf8)
        var negative = false
        var i = 0
        if i < text.count && text[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var digits: [UInt8] = []
        var pointAt: Int? = nil
        var exponent = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: ".") {
                pointAt = digits.count
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(i + 1)...], as: UTF8.self)) ?? 0
                break
            } else {
                digits.append(c)
            }
            i += 1
        }
        var decimalPoint = (pointAt ?? digits.count) + exponent
        while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] { decimalPoint = 1 }
        return ShortestDigits(negative: negative, digits: digits, decimalPoint: decimalPoint)
    }

    /// Go's `%g`: `123.456`, `-0.0045`, `1e+06`, `1.5e-05`, `NaN`, `+Inf`.
    static func general(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let d = shortestDigits(value)
        let exponent = d.decimalPoint - 1
        if exponent < -4 || exponent >= 6 {
            return scientific(d)
        }
        return plain(d)
    }

    /// Go's `strconv.FormatFloat(x, 'f', -1, 64)`: no exponent, shortest digits.
    static func decimal(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return plain(shortestDigits(value))
    }

    private static func plain(_ d: ShortestDigits) -> String {
        var out: [UInt8] = d.negative ? [UInt8(ascii: "-")] : []
        let zero = UInt8(ascii: "0")
        if d.decimalPoint <= 0 {
            out += [zero, UInt8(ascii: ".")]
            out += Array(repeating: zero, count: -d.decimalPoint)
            out += d.digits
        } else if d.decimalPoint >= d.digits.count {
            out += d.digits
            out += Array(repeating: zero, count: d.decimalPoint - d.digits.count)
        } else {
            out += d.digits[..<d.decimalPoint]
            out.append(UInt8(ascii: "."))
            out += d.digits[d.decimalPoint...]
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func scientific(_ d: ShortestDigits) -> String {
        var out: [UInt8] = d.negative ? [UInt8(ascii: "-")] : []
        out.append(d.digits[0])
        if d.digits.count > 1 {
            out.append(UInt8(ascii: "."))
            out += d.digits[1...]
        }
        let exponent = d.decimalPoint - 1
        out += Array((exponent < 0 ? "e-" : "e+").utf8)
        let magnitude = String(abs(exponent))
        if magnitude.count < 2 { out.append(UInt8(ascii: "0")) }
        out += Array(magnitude.utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
