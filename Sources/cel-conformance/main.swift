import Foundation
import CEL
import CELConformance

// Runs cel-spec conformance files: `cel-conformance FILE.json...`. Prints every failure
// (name, expression, expected, actual) and ends with `N passed, M failed`.

let paths = Array(CommandLine.arguments.dropFirst())
if paths.isEmpty || paths.contains("-h") || paths.contains("--help") {
    print("usage: cel-conformance FILE.json...")
    print("Runs CEL conformance tests (cel-spec format as JSON) and reports failures.")
    exit(paths.isEmpty ? 2 : 0)
}

/// The expression on one line: line breaks and other control characters as escapes.
func visible(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}

let runner = ConformanceRunner()
var passed = 0
var failed = 0
var unreadable = false
for path in paths {
    let tests: [ConformanceTest]
    do {
        tests = try ConformanceFile.load(path: path)
    } catch {
        print("error: \(error)")
        unreadable = true
        continue
    }
    for test in tests {
        let outcome = runner.run(test)
        if outcome.passed {
            passed += 1
        } else {
            failed += 1
            print("FAIL \(test.identifier)")
            print("  expression: \(visible(test.expression))")
            print("  expected:   \(outcome.expected)")
            print("  actual:     \(outcome.actual.replacingOccurrences(of: "\n", with: "\n              "))")
        }
    }
}
print("\(passed) passed, \(failed) failed")
exit(failed == 0 && !unreadable ? 0 : 1)
