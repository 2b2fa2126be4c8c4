/// The mutable state of one evaluation: the variables' values, the comprehension
/// variables, and the cost counters. Passed `inout` through the compiled closures so that
/// evaluating needs no allocation beyond the values it builds.
struct Frame {
    /// Declared variables, by slot (from the ``Activation``).
    var slots: [Value]
    /// Comprehension variables, by the index the compiler assigned.
    var locals: [Value]
    /// Steps charged so far: the size of the expression, plus the size of a comprehension's
    /// body for every iteration.
    var steps: Int
    var iterations: Int
    let limits: EvaluationLimits
    /// Set once a limit is exceeded: the whole evaluation then fails, even where an
    /// operator such as `||` would otherwise absorb the error.
    var exhausted = false

    init(slots: [Value], localCount: Int, steps: Int, limits: EvaluationLimits) {
        self.slots = slots
        self.locals = localCount == 0 ? [] : Array(repeating: .null, count: localCount)
        self.steps = steps
        self.iterations = 0
        self.limits = limits
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

    /// Checks the size of a string, bytes or list value built during evaluation.
    @inline(__always)
    mutating func checkSize(_ size: Int) -> Bool {
        if size > limits.maxStringSize {
            exhausted = true
            return false
        }
        return true
    }
}

/// A compiled expression node.
typealias Eval = @Sendable (inout Frame) -> Value
