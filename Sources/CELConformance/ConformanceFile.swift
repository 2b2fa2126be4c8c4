import CEL
import Foundation

/// Reads conformance files: a JSON list of tests in the cel-spec conformance format
/// (see `cel-conformance/README.md`).
public enum ConformanceFile {
    /// A file that could not be read, with the reason.
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public static func load(path: String) throws -> [ConformanceTest] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, message: "cannot read the file")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw LoadError(path: path, message: "not valid JSON (\(error.localizedDescription))")
        }
        guard let list = json as? [[String: Any]] else {
            throw LoadError(path: path, message: "expected a JSON list of test objects")
        }
        let fallbackFile = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try list.enumerated().map { index, object in
            do {
                return try test(from: object, fallbackFile: fallbackFile)
            } catch let error as ValueDecodingError {
                throw LoadError(path: path, message: "test \(index + 1): \(error.message)")
            }
        }
    }

    struct ValueDecodingError: Error {
        var message: String
    }

    static func test(from object: [String: Any], fallbackFile: String) throws -> ConformanceTest {
        guard let expr = object["expr"] as? String else { throw ValueDecodingError(message: "missing \"expr\"") }
        guard let expect = object["expect"] as? [String: Any] else {
            throw ValueDecodingError(message: "missing \"expect\"")
        }
        let expectation: ConformanceTest.Expectation
        if let value = expect["value"] {
            expectation = .value(try decodeValue(value))
        } else if let error = expect["error"] {
            expectation = .error((error as? String) ?? "error")
        } else {
            throw ValueDecodingError(message: "\"expect\" needs \"value\" or \"error\"")
        }
        var bindings: [(String, Value)] = []
        if let b = object["bindings"] as? [String: Any] {
            for name in b.keys.sorted() { bindings.append((name, try decodeValue(b[name]!))) }
        }
        return ConformanceTest(
            file: object["file"] as? String ?? fallbackFile,
            section: object["section"] as? String ?? "",
            name: object["name"] as? String ?? expr,
            expression: expr,
            bindings: bindings,
            typeEnvironment: object["type_env"] as? [String] ?? [],
            disableCheck: object["disable_check"] as? Bool ?? false,
            expectation: expectation)
    }

    /// Decodes a cel-spec `Value` message written as JSON.
    static func decodeValue(_ json: Any) throws -> Value {
        guard let object = json as? [String: Any], let (kind, payload) = object.first, object.count == 1 else {
            throw ValueDecodingError(message: "a value must be an object with one field, got \(json)")
        }
        switch kind {
        case "null_value": return .null
        case "bool_value":
            guard let b = payload as? Bool else { throw ValueDecodingError(message: "bad bool_value") }
            return .bool(b)
        case "int64_value":
            guard let i = Int64(String(describing: payload)) else { throw ValueDecodingError(message: "bad int64_value") }
            return .int(i)
        case "uint64_value":
            guard let u = UInt64(String(describing: payload)) else { throw ValueDecodingError(message: "bad uint64_value") }
            return .uint(u)
        case "double_value":
            if let s = payload as? String {
                switch s {
                case "Infinity": return .double(.infinity)
                case "-Infinity": return .double(-.infinity)
                case "NaN": return .double(.nan)
                default:
                    guard let d = Double(s) else { throw ValueDecodingError(message: "bad double_value") }
                    return .double(d)
                }
            }
            guard let n = payload as? NSNumber else { throw ValueDecodingError(message: "bad double_value") }
            return .double(n.doubleValue)
        case "string_value":
            guard let s = payload as? String else { throw ValueDecodingError(message: "bad string_value") }
            return .string(s)
        case "bytes_value":
            guard let s = payload as? String, let data = Data(base64Encoded: s) else {
                throw ValueDecodingError(message: "bad bytes_value")
            }
            return .bytes([UInt8](data))
        case "list_value":
            guard let xs = payload as? [Any] else { throw ValueDecodingError(message: "bad list_value") }
            return .list(try xs.map(decodeValue))
        case "map_value":
            guard let entries = payload as? [[String: Any]] else { throw ValueDecodingError(message: "bad map_value") }
            let pairs = try entries.map { entry -> (Value, Value) in
                guard let k = entry["key"], let v = entry["value"] else {
                    throw ValueDecodingError(message: "a map entry needs key and value")
                }
                return (try decodeValue(k), try decodeValue(v))
            }
            guard let map = MapValue(pairs) else { throw ValueDecodingError(message: "bad map keys") }
            return .map(map)
        case "type_value":
            guard let name = payload as? String else { throw ValueDecodingError(message: "bad type_value") }
            return .type(typeNamed(name))
        default:
            throw ValueDecodingError(message: "unsupported value kind \"\(kind)\"")
        }
    }

    static func typeNamed(_ name: String) -> CELType {
        switch name {
        case "null_type": return .null
        case "bool": return .bool
        case "int": return .int
        case "uint": return .uint
        case "double": return .double
        case "string": return .string
        case "bytes": return .bytes
        case "list": return .list
        case "map": return .map
        case "type": return .type
        case "google.protobuf.Timestamp": return .timestamp
        case "google.protobuf.Duration": return .duration
        default: return .opaque(name)
        }
    }
}
