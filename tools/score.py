#!/usr/bin/env python3
# Copied unchanged (below this note) from the shared evaluation kit (../shared/eval/score.py) so that
# every score in the README can be reproduced from this repository alone:
#   python3 tools/score.py tests/qa/final.jsonl --cmd '.venv/bin/briefbot ask --stdin --json'
"""Score a question-answering command against a question file.

usage: score.py QUESTIONS.jsonl --cmd 'COMMAND'   (command reads one question a line on
       stdin, writes one JSON object a line: {"found": bool, "answer": str, ...})
       score.py QUESTIONS.jsonl --answers ANSWERS.jsonl
Prints per-kind accuracy, the misses, answer lengths, and last a line
'accuracy X/Y (P%) answerable A% abstain B% hallucinated H wrong W verbose V'.
An answer longer than 500 characters counts as verbose: an answer says what was asked, not all it knows.
Exit 0 always unless it could not run (2).
"""
import argparse, json, re, subprocess, sys, time

def norm(s):
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace(".", "")
    return re.sub(r"\s+", " ", s)

def judge(case, out):
    found = bool(out.get("found"))
    if case["abstain"]:
        return (not found), ("hallucinated" if found else "ok")
    if not found:
        return False, "missed"
    text = norm(str(out.get("answer", "")))
    ok = all(any(norm(alt) in text for alt in g) for g in case["all"])
    return ok, ("ok" if ok else "wrong")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("questions")
    p.add_argument("--cmd")
    p.add_argument("--answers")
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("-v", action="store_true")
    a = p.parse_args()
    cases = [json.loads(l) for l in open(a.questions) if l.strip()]
    if a.cmd:
        stdin = "".join(c["q"].replace("\n", " ") + "\n" for c in cases)
        t = time.perf_counter()
        try:
            r = subprocess.run(a.cmd, shell=True, input=stdin, capture_output=True, text=True, timeout=a.timeout)
        except subprocess.TimeoutExpired:
            print(f"no answer within {a.timeout}s"); sys.exit(2)
        wall = time.perf_counter() - t
        lines = [l for l in r.stdout.splitlines() if l.strip().startswith("{")]
        if len(lines) != len(cases):
            print(r.stderr[-2000:])
            print(f"expected {len(cases)} JSON lines, got {len(lines)} (rc {r.returncode})"); sys.exit(2)
        outs = [json.loads(l) for l in lines]
    else:
        wall = None
        outs = [json.loads(l) for l in open(a.answers) if l.strip()]
    kinds, verdicts = {}, {}
    for c, o in zip(cases, outs):
        ok, v = judge(c, o)
        verdicts[v] = verdicts.get(v, 0) + 1
        k = kinds.setdefault(c["kind"], [0, 0]); k[0] += ok; k[1] += 1
        if not ok or a.v:
            print(f"{'ok ' if ok else 'BAD'} {c['id']} [{v}] {c['q']!r} -> {str(o.get('answer',''))[:160]!r}")
    for k, (g, n) in sorted(kinds.items()):
        print(f"  {k:10s} {g}/{n}")
    ans = [(c, o) for c, o in zip(cases, outs) if not c["abstain"]]
    abst = [(c, o) for c, o in zip(cases, outs) if c["abstain"]]
    good_ans = sum(judge(c, o)[0] for c, o in ans)
    good_abs = sum(judge(c, o)[0] for c, o in abst)
    total = good_ans + good_abs
    lens = sorted(len(str(o.get("answer", ""))) for c, o in ans if o.get("found"))
    verbose = sum(1 for n in lens if n > 500)
    if lens:
        print(f"  answer length median {lens[len(lens)//2]} max {lens[-1]} chars")
    if wall is not None:
        print(f"  wall {wall:.2f}s for {len(cases)} questions in one process")
    print(f"accuracy {total}/{len(cases)} ({100*total/len(cases):.1f}%) answerable {100*good_ans/max(1,len(ans)):.1f}% "
          f"abstain {100*good_abs/max(1,len(abst)):.1f}% hallucinated {verdicts.get('hallucinated',0)} wrong {verdicts.get('wrong',0)} "
          f"verbose {verbose}")

if __name__ == "__main__":
    main()
