#!/usr/bin/env python3
"""Parity between casecheck's DfE CIN census rules and the DfE's reference validator.

Runs csc-validator-be-cin (the open-source Python validator, installed with pip into a
virtual environment) and `casecheck lint` on the same census files - the shared samples in
../shared/formats/cin-census and synthetic returns written by `cin-bench generate` - and
compares the set of (rule code, child id) pairs rule by rule.

Differences the DfE rule text settles in casecheck's favour, or that come from how the
reference reads a file, are listed in KNOWN below with the reason; anything else fails.

    scripts/cin-parity.py                      # shared samples + a 3,000-child synthetic file
    scripts/cin-parity.py --children 5000 --seed 7
    scripts/cin-parity.py --files a.xml b.xml  # only these files

Exit status: 0 parity (up to the known differences), 1 unexplained differences,
77 skipped (Python 3.9+, venv/pip or the package unavailable; the reason is printed).
"""
import argparse, json, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.environ.get("CIN_PARITY_VENV", os.path.join(tempfile.gettempdir(), "casecheck-cin-parity-venv"))
SKIP = 77

# Rule codes whose findings may differ, and why (see rules/cin-census/README.md).
KNOWN = {
    "100": "a header-level check (reference date against year); casecheck's rules are about children, so it is not in the pack",
    "2883": "a return-level count (plans against conferences), not about one child; not in the pack",
    "2886Q": "a return-level percentage; not in the pack",
    "2887Q": "a return-level count of disability codes; not in the pack",
    "2888Q": "a return-level count; not in the pack",
    "8500": "a child without LAchildID cannot be named in a finding; casecheck reports it as an input error at the child's line",
    "1520": "casecheck reports a UPN shared by several children once, for the UPN (an aggregate finding), not once a child",
    "8510": "casecheck reports a repeated LA child id once, for the id (an aggregate finding), not once a child",
    "8525Q": "the reference's condition flags children with exactly one of the two dates, the opposite of the DfE text; casecheck follows the text",
    "8565": ("the reference reports far fewer: its protection-plan branch checks a fixed test table instead of the file, its CIN plan"
             " branch reports the section 47 rows, and on the synthetic files it reports none of the assessments started after"
             " closure; casecheck follows the DfE text (checked by hand, e.g. an assessment started 2025-05-16 on an episode"
             " closed 2025-03-31)"),
    "8935": "the reference groups open plans by their number within an episode; casecheck counts the child's open plans as the DfE text says",
    "8842Q": "the reference keeps only the first CPPreviewDate of a <Reviews> group; casecheck reads every review date",
    "4003": "the reference joins reviews to CIN plans before filtering; casecheck checks each review of an ended plan against each CIN plan",
    "8869": "the reference compares an assessment's whole list of factors with the code '21' (a list never equals a code), so it never reports it; casecheck looks at each factor",
    "8945Q": "as 8869: the reference compares the list of factors with '18A'",
    "8950Q": "as 8869: the reference compares the list of factors with '19A'",
    "8540": "the reference reports no child for this rule on these files, even one with disability 'BLUE', a date of birth and ReferralNFA 0 (checked with the rule run alone); casecheck follows the DfE text",
    "8740": "the reference only takes ICPCnotRequired '0' as 'a conference is needed'; an enquiry written 'false' escapes it. casecheck reads 0 and false alike",
    "8832": ("the reference, even run alone, reports children whose episode has ReferralNFA 'false' and misses some with '1'"
             " (checked by hand on the synthetic file); casecheck reports a protection plan on an episode whose ReferralNFA is 1 or true"),
    "8870Q": "the reference reads InitialCPCtarget only as dd-mm-yyyy (the column's name has no 'date' in it, so it is not converted first); census dates are yyyy-mm-dd, so it never reports a weekend target",
    "8569Q": "'one working day prior to the collection start' is counted on casecheck's bank-holiday calendar; the reference's pandas offset of zero business days rolls differently",
}


def skip(reason):
    print(f"SKIPPED: {reason}")
    sys.exit(SKIP)


def ensure_reference():
    py = os.path.join(VENV, "bin", "python")
    if os.path.exists(py) and subprocess.run([py, "-c", "import cin_validator"], capture_output=True).returncode == 0:
        return py
    if sys.version_info < (3, 9):
        skip("Python 3.9 or later is needed for csc-validator-be-cin")
    try:
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True, capture_output=True)
        pip = [os.path.join(VENV, "bin", "pip"), "install", "--quiet", "csc-validator-be-cin", "numpy<2"]
        subprocess.run(pip, check=True, capture_output=True, timeout=600)
    except Exception as e:  # no venv module, no network, no package
        skip(f"could not install csc-validator-be-cin into {VENV}: {e}")
    return py


REFERENCE_RUNNER = r"""
import json, sys, warnings, importlib, xml.etree.ElementTree as ET
warnings.filterwarnings("ignore")
from cin_validator import cin_validator
out = {}
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    files = cin_validator.process_data(cin_validator.convert_data(root))
    registry = importlib.import_module("cin_validator.rules.cin2024_25").registry
    df = cin_validator.CinValidator(files, registry).full_issue_df
    pairs = sorted({(str(r), str(c)) for r, c in zip(df["rule_code"], df["child_id"]) if c == c and c is not None})
    out[path] = pairs
print("\nPARITY-JSON " + json.dumps(out))
"""


def reference_pairs(py, files):
    r = subprocess.run([py, "-c", REFERENCE_RUNNER, *files], capture_output=True, text=True)
    if r.returncode != 0:
        skip("the reference validator failed to run: " + r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "unknown error")
    line = next((l for l in r.stdout.splitlines() if l.startswith("PARITY-JSON ")), None)
    if line is None:
        skip("the reference validator printed no result")
    # The reference catches exceptions inside a rule, prints them and reports nothing for it.
    crashed = set(re.findall(r"Error with rule (\w+):", r.stdout + r.stderr))
    return {k: {tuple(p) for p in v} for k, v in json.loads(line[len("PARITY-JSON "):]).items()}, crashed


def casecheck_pairs(casecheck, files):
    out = {}
    for path in files:
        r = subprocess.run([casecheck, "lint", "--format", "json", "--fail-on", "none", "--as-of", "2025-05-01",
                            "--rules", os.path.join(ROOT, "rules"), path], capture_output=True, text=True)
        if r.returncode not in (0, 1, 2) or not r.stdout.strip():
            sys.exit(f"casecheck lint failed on {path} (exit {r.returncode}):\n{r.stderr}")
        report = json.loads(r.stdout)
        out[path] = {(f["rule"].removeprefix("CIN-"), f["case"]) for f in report["findings"] if f.get("case")}
    return out


def compare(ref, mine):
    by_rule = {}
    for code, child in ref | mine:
        d = by_rule.setdefault(code, {"both": 0, "reference_only": [], "casecheck_only": []})
        if (code, child) in ref and (code, child) in mine:
            d["both"] += 1
        elif (code, child) in ref:
            d["reference_only"].append(child)
        else:
            d["casecheck_only"].append(child)
    return by_rule


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", nargs="*")
    ap.add_argument("--children", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--casecheck", default=os.path.join(ROOT, ".build", "release", "casecheck"))
    ap.add_argument("--cin-bench", default=os.path.join(ROOT, ".build", "release", "cin-bench"))
    args = ap.parse_args()
    for tool in (args.casecheck, args.cin_bench):
        if not os.path.exists(tool):
            skip(f"{tool} is not built (swift build -c release --product casecheck --product cin-bench)")
    py = ensure_reference()

    files = args.files
    if not files:
        shared = os.path.normpath(os.path.join(ROOT, "..", "shared", "formats", "cin-census"))
        files = [os.path.join(shared, f) for f in sorted(os.listdir(shared)) if f.endswith(".xml")] if os.path.isdir(shared) else []
        synthetic = os.path.join(tempfile.gettempdir(), f"cin-parity-{args.children}-{args.seed}.xml")
        subprocess.run([args.cin_bench, "generate", "--children", str(args.children), "--seed", str(args.seed), "--out", synthetic], check=True)
        files.append(synthetic)

    (ref, crashed), mine = reference_pairs(py, files), casecheck_pairs(args.casecheck, files)
    if crashed:
        print("the reference validator failed inside rule(s) " + ", ".join(sorted(crashed)) + " and reported nothing for them")
    unexplained = 0
    for path in files:
        by_rule = compare(ref[path], mine[path])
        agree = sum(d["both"] for d in by_rule.values())
        print(f"\n{os.path.basename(path)}: {len(ref[path])} reference pairs, {len(mine[path])} casecheck pairs, {agree} in both")
        for code in sorted(by_rule, key=lambda c: (int(re.sub(r"\D", "", c)), c)):
            d = by_rule[code]
            if not d["reference_only"] and not d["casecheck_only"]:
                continue
            known = KNOWN.get(code) or (f"the reference failed inside this rule (an exception it caught) and reported nothing" if code in crashed and not d["reference_only"] else None)
            tag = "known" if known else "DIFF"
            if not known:
                unexplained += 1
            print(f"  {tag:5} {code:6} both {d['both']:5}  reference only {len(d['reference_only']):4} {d['reference_only'][:3]}"
                  f"  casecheck only {len(d['casecheck_only']):4} {d['casecheck_only'][:3]}")
            if known:
                print(f"        ({known})")
    print(f"\n{unexplained} rule(s) with unexplained differences")
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    main()
