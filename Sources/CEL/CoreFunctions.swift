extension FunctionRegistry {
    /// The functions that belong to the language itself rather than to its library:
    /// `type(x)` and `dyn(x)`. Operators are built into the compiler; overloads registered
    /// under operator names (`_+_`, `_<_`, ...) extend them to other kinds of value.
    public static var core: FunctionRegistry {
        var registry = FunctionRegistry()
        registry.register("type", Overload(id: "type", parameters: [.any], result: .type) { args in
            .type(args[0].celType)
        })
        registry.register("dyn", Overload(id: "dyn", parameters: [.any], result: .dyn) { args in args[0] })
        return registry
    }
}
