/// Records the value of each sub-expression during one evaluation, for explaining a
/// verdict ("`plan.end_date` was 2024-05-01, `daysBetween(...)` was 12, so `... >= 90`
/// was false"). The compiler wraps a node's closure only when it has a recorder, so
/// programs compiled the ordinary way carry no trace code at all.
///
/// Nodes inside comprehension and `cel.bind` bodies run once per element and are not
/// recorded; the comprehension's own result is. Literals and constants are not recorded either.
final class TraceRecorder: @unchecked Sendable {
    private var recorded: [TraceStep] = []
    /// Nodes that turned out constant (`[]`, `date('2024-01-01')`): their text says their value.
    private var constants: Set<Int> = []

    var steps: [TraceStep] {
        recorded.enumerated().filter { !constants.contains($0.offset) }.map(\.element)
    }
    private var depth = 0
    private let maxDepth: Int
    /// Whether the node being compiled is an operand of `&&`, `||` or `?:`, which may skip it.
    private var underShortCircuit = [false]

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    /// Compiles a node through `compile`, recording it (in source order: parents before
    /// their operands) unless it is a literal, too deep or inside a loop body.
    func record(_ expr: Expr, insideLoop: Bool, compile: () throws -> Compiled) rethrows -> Compiled {
        var shown = !insideLoop && depth <= maxDepth
        // A variable alone says nothing a reader needs, and selections often read it directly.
        switch expr.kind {
        case .literal, .identifier: shown = false
        default: break
        }
        let index = recorded.count
        if shown {
            recorded.append(TraceStep(text: ExprText.render(expr), depth: depth, offset: expr.offset, value: nil,
                                   mayBeSkipped: underShortCircuit.last ?? false))
        }
        depth += 1
        switch expr.kind {
        case .and, .or, .conditional: underShortCircuit.append(true)
        default: underShortCircuit.append(false)
        }
        let compiled = try compile()
        underShortCircuit.removeLast()
        depth -= 1
        guard shown else { return compiled }
        if compiled.constant != nil {
            constants.insert(index)
            return compiled
        }
        let eval = compiled.eval
        return Compiled(eval: { [self] frame in
            let value = eval(&frame)
            recorded[index].value = value
            return value
        }, type: compiled.type, constant: nil)
    }
}

/// One sub-expression of a traced evaluation and the value it gave.
public struct TraceStep: Sendable {
    /// The sub-expression written as CEL (normalised spacing and parentheses).
    public var text: String
    /// 0 for the whole expression, 1 for its operands, and so on.
    public var depth: Int
    /// Where the node starts in the source, in UTF-8 bytes.
    public var offset: Int
    /// What it gave; nil when it was not evaluated on its own: the side of `&&`, `||` or
    /// `?:` that the result did not need (``mayBeSkipped``), or a part its parent reads
    /// directly (a field path `a.b.c` is read in one go).
    public var value: Value?
    /// Whether the node is an operand of `&&`, `||` or `?:`, so that no value means it was
    /// not needed.
    public var mayBeSkipped: Bool
}

extension Environment {
    /// Compiles and evaluates an expression once, recording what each sub-expression gave,
    /// down to `maxDepth` levels below the whole. Slower than ``compile(_:)`` followed by
    /// ``Program/evaluate(_:limits:)``; for explanations, not for checking.
    /// - Throws: ``CompileError``, as ``compile(_:)`` does.
    public func trace(_ source: String, activation: Activation, maxDepth: Int = 3,
                      limits: EvaluationLimits = .default) throws -> (value: Value, steps: [TraceStep]) {
        let recorder = TraceRecorder(maxDepth: maxDepth)
        let program = try compile(source, checked: true, tracer: recorder)
        let value = program.evaluate(activation, limits: limits)
        return (value, recorder.steps)
    }
}
