extension FunctionRegistry {
    /// The CEL standard library functions (conversions, strings, time) and the strings and
    /// math extensions. Operators and macros are built into the compiler; this adds only the
    /// timestamp and duration arithmetic operators.
    public static var library: FunctionRegistry { builtLibrary }

    /// Built once: the registry is a value, and building it allocates a few hundred closures.
    private static let builtLibrary: FunctionRegistry = {
        var r = FunctionRegistry()
        r.addConversions()
        r.addStringFunctions()
        r.addStringExtensions()
        r.addStringFormat()
        r.addMathExtensions()
        r.addTimeAccessors()
        r.addTimeArithmetic()
        return r
    }()
}
