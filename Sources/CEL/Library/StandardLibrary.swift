extension FunctionRegistry {
    /// The CEL standard library functions (conversions, strings, time) and the strings and
    /// math extensions. Operators and macros are built into the compiler.
    public static var library: FunctionRegistry { FunctionRegistry() }
}
