print("casecheck-bench")
