/// The mutable state of one evaluation: the variables' values, the comprehension
/// variables, and the cost counters. Passed `inout` through the compiled closures so that
/// evaluating needs no allocation beyond the values it builds.
struct Frame {
    /// Declared variables, by slot (from the ``Activation``).
    var slots: [Value]
    /// Comprehension variables, by the index the compiler assigned. A buffer on the
    /// evaluating thread's stack (see ``withFrame``): reading a variable through it lets
    /// a field selection borrow the value in place.
    let locals: UnsafeMutablePointer<Value>
    /// Steps charged so far: the size of the expression, plus the size of a comprehension's
    /// body for every iteration.
    var steps: Int
    var iterations: Int
    let limits: EvaluationLimits
    /// Set once a limit is exceeded: the whole evaluation then fails, even where an
    /// operator such as `||` would otherwise absorb the error.
    var exhausted = false

    private init(slots: [Value], locals: UnsafeMutablePointer<Value>, steps: Int, limits: EvaluationLimits) {
        self.slots = slots
        self.locals = locals
        self.steps = steps
        self.iterations = 0
        self.limits = limits
    }

    /// Runs `body` with a frame whose comprehension variables live in a temporary buffer
    /// (on the stack when small), initialised to null and cleaned up afterwards.
    @inline(__always)
    static func withFrame<R>(slots: [Value], localCount: Int, steps: Int, limits: EvaluationLimits,
                             _ body: (inout Frame) -> R) -> R {
        if localCount == 0 {
            // Never dereferenced: no node reads a local when there are none.
            let none = UnsafeMutablePointer<Value>(bitPattern: MemoryLayout<Value>.alignment)!
            var frame = Frame(slots: slots, locals: none, steps: steps, limits: limits)
            return body(&frame)
        }
        return withUnsafeTemporaryAllocation(of: Value.self, capacity: localCount) { buffer in
            let locals = buffer.baseAddress!
            locals.initialize(repeating: .null, count: localCount)
            defer { locals.deinitialize(count: localCount) }
            var frame = Frame(slots: slots, locals: locals, steps: steps, limits: limits)
            return body(&frame)
        }
    }

    /// Charges one comprehension iteration whose body costs `cost` steps. Returns false
    /// (and marks the evaluation exhausted) when a limit is exceeded.
    @inline(__always)
    mutating func chargeIteration(_ cost: Int) -> Bool {
        steps &+= cost
        iterations &+= 1
        if steps > limits.maxSteps || iterations > limits.maxIterations {
            exhausted = true
            return false
        }
        return true
    }

    /// Checks the size of a string, bytes or list value built during evaluation, and
    /// charges one step per element or byte built: copying is work too, and charging it
    /// keeps repeated concatenation in a comprehension from eating unbounded memory.
    @inline(__always)
    mutating func checkSize(_ size: Int) -> Bool {
        steps &+= size
        if size > limits.maxStringSize || steps > limits.maxSteps {
            exhausted = true
            return false
        }
        return true
    }
}

/// A compiled expression node.
typealias Eval = @Sendable (inout Frame) -> Value
