extension Compiler {
    /// `Name{field: value, ...}`. Two kinds of name are understood: the protocol buffer
    /// wrapper types CEL defines as plain values (`google.protobuf.Int64Value{value: 1}` is
    /// the int 1, an empty wrapper is the zero value, `google.protobuf.Value{}` is null),
    /// and object types declared with ``Environment/declareType(_:named:)``, which build a
    /// map holding the given fields.
    func compileObject(_ typeName: String, _ fields: [(name: String, value: Expr, offset: Int)],
                       at offset: Int) throws -> Compiled {
        if let wrapper = WellKnownWrapper(rawValue: typeName) {
            return try compileWrapper(wrapper, fields, at: offset)
        }
        if case .object(let objectType)? = environment.types[typeName] {
            return try compileDeclaredObject(objectType, fields, at: offset)
        }
        let known = environment.types.compactMap { name, type -> String? in
            if case .object = type { return name }
            return nil
        }
        return try unsupported("unknown message type '\(typeName)'", at: offset,
                               hint: Suggestion.hint(for: typeName, among: known))
    }

    private func compileWrapper(_ wrapper: WellKnownWrapper, _ fields: [(name: String, value: Expr, offset: Int)],
                                at offset: Int) throws -> Compiled {
        guard let valueType = wrapper.valueType else {
            // google.protobuf.Value{} with no kind set is JSON null.
            if let field = fields.first {
                return try unsupported("google.protobuf.Value fields are not supported", at: field.offset)
            }
            return .constant(.null, type: .null)
        }
        if let extra = fields.first(where: { $0.name != "value" }) {
            return try unsupported("\(wrapper.rawValue) has only the field 'value'", at: extra.offset,
                                   hint: Suggestion.hint(for: extra.name, among: ["value"]))
        }
        guard let field = fields.first else { return .constant(wrapper.zero, type: valueType) }
        let value = try compile(field.value)
        if checking && !TypeRules.isOpen(value.type) && value.type != valueType {
            throw SyntaxError("\(wrapper.rawValue) holds a \(valueType), not a \(value.type)", at: field.offset)
        }
        let e = value.eval
        let fieldOffset = field.offset
        let result = Compiled(eval: { frame in
            let v = e(&frame)
            if case .error = v { return v }
            return wrapper.wrap(v, at: fieldOffset)
        }, type: valueType, constant: nil)
        return value.constant != nil ? fold(result) : result
    }

    private func compileDeclaredObject(_ objectType: ObjectType, _ fields: [(name: String, value: Expr, offset: Int)],
                                       at offset: Int) throws -> Compiled {
        var names: [String] = []
        var evals: [Eval] = []
        for field in fields {
            guard let declared = objectType.fields[field.name] else {
                if checking {
                    throw SyntaxError("'\(objectType.name)' has no field '\(field.name)'", at: field.offset,
                                      hint: Suggestion.hint(for: field.name, among: Array(objectType.fields.keys)))
                }
                return try unsupported("'\(objectType.name)' has no field '\(field.name)'", at: field.offset)
            }
            if names.contains(field.name) {
                throw SyntaxError("the field '\(field.name)' is set twice", at: field.offset)
            }
            let value = try compile(field.value)
            if checking, let group = TypeRules.equalityGroup(declared), let actual = TypeRules.equalityGroup(value.type),
               group != actual {
                throw SyntaxError("the field '\(field.name)' holds a \(declared), not a \(value.type)", at: field.offset)
            }
            names.append(field.name)
            evals.append(value.eval)
        }
        let fieldNames = names, fieldEvals = evals
        return Compiled(eval: { frame in
            var pairs: [(String, Value)] = []
            pairs.reserveCapacity(fieldNames.count)
            for i in 0..<fieldNames.count {
                let v = fieldEvals[i](&frame)
                if case .error = v { return v }
                pairs.append((fieldNames[i], v))
            }
            return .map(MapValue(stringKeyed: pairs))
        }, type: .object(objectType), constant: nil)
    }
}

/// The protocol buffer wrapper types, which CEL treats as the values they wrap.
enum WellKnownWrapper: String {
    case bool = "google.protobuf.BoolValue"
    case bytes = "google.protobuf.BytesValue"
    case double = "google.protobuf.DoubleValue"
    case float = "google.protobuf.FloatValue"
    case int32 = "google.protobuf.Int32Value"
    case int64 = "google.protobuf.Int64Value"
    case string = "google.protobuf.StringValue"
    case uint32 = "google.protobuf.UInt32Value"
    case uint64 = "google.protobuf.UInt64Value"
    case value = "google.protobuf.Value"

    var valueType: CELType? {
        switch self {
        case .bool: return .bool
        case .bytes: return .bytes
        case .double, .float: return .double
        case .int32, .int64: return .int
        case .string: return .string
        case .uint32, .uint64: return .uint
        case .value: return nil
        }
    }

    var zero: Value {
        switch self {
        case .bool: return .bool(false)
        case .bytes: return .bytes([])
        case .double, .float: return .double(0)
        case .int32, .int64: return .int(0)
        case .string: return .string("")
        case .uint32, .uint64: return .uint(0)
        case .value: return .null
        }
    }

    /// The wrapped value, narrowed as the wrapper's field would store it.
    func wrap(_ v: Value, at offset: Int) -> Value {
        switch (self, v) {
        case (.bool, .bool), (.bytes, .bytes), (.double, .double), (.int64, .int), (.string, .string), (.uint64, .uint):
            return v
        case (.float, .double(let d)): return .double(Double(Float(d)))
        case (.int32, .int(let i)):
            guard let narrow = Int32(exactly: i) else {
                return ErrorValues.make(.outOfRange, "\(i) does not fit in an Int32Value", at: offset)
            }
            return .int(Int64(narrow))
        case (.uint32, .uint(let u)):
            guard let narrow = UInt32(exactly: u) else {
                return ErrorValues.make(.outOfRange, "\(u) does not fit in a UInt32Value", at: offset)
            }
            return .uint(UInt64(narrow))
        default:
            return ErrorValues.noSuchOverload(rawValue, [v], at: offset)
        }
    }
}
