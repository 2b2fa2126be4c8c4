print("cel-conformance")
