print("history-bench")
