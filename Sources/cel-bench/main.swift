print("cel-bench")
