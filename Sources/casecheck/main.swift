print("casecheck")
