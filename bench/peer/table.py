#!/usr/bin/env python3
"""table.py RUNS_DIR REPO_DIR PEER_DIR — the markdown results table of compare.sh.

RUNS_DIR/index.txt lists one run.sh results directory per line with its API (ours|peer), connection
count and round. Each directory holds per query NAME.bench.json (autocannon) and NAME.rss.json
(peak memory and CPU of the server and database process trees)."""
import glob, json, os, re, statistics, subprocess, sys
from collections import defaultdict

runs_dir, repo, peer_dir = sys.argv[1:4]
rows = defaultdict(lambda: defaultdict(list))      # (query, conns) -> api -> [run dicts]
headers = {}
for line in open(os.path.join(runs_dir, "index.txt")):
    path, api, conns, rnd = line.split()
    headers.setdefault(api, open(os.path.join(path, "header.txt")).read())
    for f in sorted(glob.glob(os.path.join(path, "*.bench.json"))):
        b = json.load(open(f))
        rf = f.replace(".bench.json", ".rss.json")
        peak = json.load(open(rf))["peak"] if os.path.exists(rf) else {}
        rows[(b["query"], int(conns))][api].append(dict(b=b, peak=peak, round=int(rnd)))


def sh(cmd, cwd=None):
    try:
        return subprocess.run(cmd, shell=True, cwd=cwd, capture_output=True, text=True, timeout=30).stdout.strip()
    except Exception:
        return "?"


def field(header, name):
    m = re.search(rf"^{name}: (.*?)\s*$", header, re.M)
    return m.group(1) if m else "?"


def mean(values):
    return statistics.mean(values) if values else float("nan")


def fmt_mem(runs, group):
    vals = [r["peak"][group] for r in runs if group in r["peak"]]
    if not vals:
        if group == "db":
            return "not sampled" if os.environ.get("OURS_STORE") == "mongodb" else "inside the server"
        return "n/a"
    return f'{max(v["vmrss_mib"] for v in vals):.0f} ({max(v["pss_mib"] for v in vals):.0f})'


def fmt_cpu(runs, group):
    vals = [r["peak"][group]["cpu_cores"] for r in runs if group in r["peak"]]
    return f"{mean(vals):.2f}" if vals else "–"


commit = sh("git rev-parse --short HEAD", repo) + ("" if not sh("git status --porcelain -- src schema pom.xml", repo) else " (with uncommitted changes)")
h = headers.get("ours", "") or headers.get("peer", "")
print("# Side by side: this API and PostGraphile on PostgreSQL")
print()
print(f"- date: {field(h, 'date')}; commit {commit}")
print(f"- machine: {field(h, 'machine')}; the load generator, both servers and both databases on one machine, on loopback")
print(f"- data: the peer's generator (`gen.py`, seed 20240701, size `{field(h, 'target').split('data: ')[-1]}`), the same CSV files loaded into both (identical answers: see below)")
load = re.sub(r"\d+ connections, ", "", field(h, "load"))
print(f"- load: {load}; at {', '.join(str(c) for c in sorted({c for _, c in rows}))} connections, "
      "rounds alternating peer, ours, peer, ours at each connection count")
MONGODB = os.environ.get("OURS_STORE") == "mongodb"
store = ("MongoDB given by SPRING_MONGODB_URI (its CPU and memory in the db columns when a mongod runs on this machine)" if MONGODB
         else "embedded server (mongo-java-server 1.47.0, H2 store) inside the app's JVM, so its CPU and memory are the server's")
print(f"- ours: {sh('java -version 2>&1 | head -1')} with `{os.environ.get('JAVA_OPTS', '-Xmx2g')}`, Spring Boot 4.0.7, {store}")
postgraphile = sh("node -p \"require(process.env.NODE_DIR + '/node_modules/postgraphile/package.json').version\"")
print(f"- peer: PostGraphile {postgraphile}, {sh('psql --version')}, Node {sh('node --version')} "
      "(the peer's README lists its settings)")
print(f"- command: `bench/peer/compare.sh` with CONNS=\"{os.environ.get('CONNS', '1 16 64')}\" ROUNDS={os.environ.get('ROUNDS', '2')} "
      f"WARMUP_S={os.environ.get('WARMUP_S', '5')} DURATION_S={os.environ.get('DURATION_S', '15')} JIT_WARMUP_S={os.environ.get('JIT_WARMUP_S', '120')}")
print()
same = os.path.join(runs_dir, "same-answers.txt")
if os.path.exists(same):
    print("Answers compared record by record before the load (`bench/peer/same_answers.py`):")
    print()
    for line in open(same):
        print(f"- {line.strip()}")
    print()

print("## Ratio ours / theirs (requests per second, mean of the rounds)")
print()
queries = sorted({q for q, _ in rows})
conns = sorted({c for _, c in rows})
print("| query | " + " | ".join(f"{c} connection{'s' if c > 1 else ''}" for c in conns) + " |")
print("|---|" + "---:|" * len(conns))
for q in queries:
    cells = []
    for c in conns:
        r = rows.get((q, c), {})
        o, p = mean([x["b"]["rps_total"] for x in r.get("ours", [])]), mean([x["b"]["rps_total"] for x in r.get("peer", [])])
        cells.append(f"{o / p:.2f}" if p == p and o == o and p > 0 else "–")
    print(f"| {q} | " + " | ".join(cells) + " |")
print()
print("## Every run")
print()
print("Latency percentiles are autocannon's (whole ms), averaged over the rounds. Errors: non-2xx + socket errors + timeouts / "
      "responses with GraphQL errors, summed over the rounds. CPU is the average number of cores busy during warm-up and "
      "measurement; memory is the peak RSS in MiB with PSS in parentheses.")
print()
print("| query | conns | API | req/s per round | req/s mean | p50 ms | p90 ms | p99 ms | errors | CPU cores server / db | peak memory server | peak memory db |")
print("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for q in queries:
    for c in conns:
        for api in ("peer", "ours"):
            runs = sorted(rows.get((q, c), {}).get(api, []), key=lambda x: x["round"])
            if not runs:
                continue
            bs = [x["b"] for x in runs]
            rps = [b["rps_total"] for b in bs]
            lat = lambda k: f'{mean([b["latency_ms"][k] for b in bs]):.0f}'
            errs = sum(b["non2xx"] + b["errors"] + b["timeouts"] for b in bs)
            gql = sum(b["gqlErrors"] for b in bs)
            name = "PostGraphile" if api == "peer" else "**this API**"
            print(f"| {q} | {c} | {name} | {' / '.join(f'{v:.0f}' for v in rps)} | {mean(rps):.0f} | {lat('p50')} | {lat('p90')} | "
                  f"{lat('p99')} | {errs} / {gql} | {fmt_cpu(runs, 'server')} / {fmt_cpu(runs, 'db') if api == 'peer' or MONGODB else 'in server'} | "
                  f"{fmt_mem(runs, 'server')} | {fmt_mem(runs, 'db')} |")
