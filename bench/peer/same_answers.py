#!/usr/bin/env python3
"""same_answers.py OURS_DIR PEER_DIR — checks that both APIs answered the three queries with the same
records: each NAME.response.json (the full response of run.sh's check request) is reduced to plain
values and the two are compared. Known differences of vocabulary are mapped first:
  * ids: ours are global ids of csv-m<n>, theirs the integer n;
  * party kind STATE is COUNTRY here;
  * measure types use this API's vocabulary (see CsvLoader.TYPES; VISA_BAN and TRAVEL_BAN, and
    TRADE_RESTRICTION and IMPORT_BAN, each become one type).
Exits 1 and prints the first difference when the answers differ."""
import base64, json, os, sys

TYPES = {"ASSET_FREEZE": "ASSET_FREEZE", "TRAVEL_BAN": "TRAVEL_BAN", "VISA_BAN": "TRAVEL_BAN",
         "ARMS_EMBARGO": "ARMS_EMBARGO", "TRADE_RESTRICTION": "IMPORT_RESTRICTION",
         "IMPORT_BAN": "IMPORT_RESTRICTION", "FINANCIAL": "FINANCIAL_RESTRICTION",
         "SECTORAL": "SECTORAL_SANCTIONS", "EXPORT_CONTROL": "EXPORT_CONTROL",
         "AVIATION_BAN": "TRANSPORT_RESTRICTION"}


def our_id(gid):
    raw = base64.urlsafe_b64decode(gid + "=" * (-len(gid) % 4)).decode()
    typ, key = raw.split(":", 1)
    assert typ == "Measure" and key.startswith("csv-m"), raw
    return int(key[len("csv-m"):])


def types(values):
    out = []
    for t in values:
        t = TYPES.get(t, t)
        if t not in out:
            out.append(t)
    return out


def kind(k):
    return "COUNTRY" if k == "STATE" else k


def a_country(d, ours):
    p = d["party"] if ours else d["partyByCode"]
    rows = []
    if ours:
        for m in p["measuresTargeting"]["nodes"]:
            rows.append((our_id(m["id"]), m["title"], m["measureTypes"], m["startDate"],
                         [(i["code"], i["name"]) for i in m["imposers"]],
                         [(c["title"], c["startDate"]) for c in m["countermeasures"]["nodes"]]))
    else:
        for t in p["measureTargetsByPartyId"]["nodes"]:
            m = t["measure"]
            rows.append((m["id"], m["title"], types(m["measureTypes"]), m["startDate"],
                         [(i["party"]["code"], i["party"]["name"]) for i in m["imposers"]["nodes"]],
                         [(c["countermeasure"]["title"], c["countermeasure"]["startDate"])
                          for c in m["countermeasures"]["nodes"]]))
    return (p["code"], p["name"], kind(p["kind"]), rows)


def b_in_force(d, ours):
    rows = []
    for m in (d["measures"] if ours else d["measuresInForce"])["nodes"]:
        targets = m["targets"] if ours else [t for t in m["targets"]["nodes"]]
        rows.append((our_id(m["id"]) if ours else m["id"], m["kind"], m["title"], m["startDate"], m["endDate"],
                     [(t["party"] or {}).get("code") for t in targets]))
    return rows


def c_measure(d, ours):
    m = d["measure"] if ours else d["measureById"]
    imposers = m["imposers"] if ours else [i["party"] for i in m["imposers"]["nodes"]]
    return (our_id(m["id"]) if ours else m["id"], m["kind"], m["title"],
            m["measureTypes"] if ours else types(m["measureTypes"]),
            (m["program"] or {}).get("name") if ours else m["program"], m["startDate"], m["endDate"],
            [(i["code"], i["name"], kind(i["kind"])) for i in imposers])


def main():
    ours_dir, peer_dir = sys.argv[1], sys.argv[2]
    failed = False
    for name, reduce in (("a_country", a_country), ("b_in_force", b_in_force), ("c_measure", c_measure)):
        files = [os.path.join(x, name + ".response.json") for x in (ours_dir, peer_dir)]
        if not all(os.path.exists(f) for f in files):
            print(f"{name}: no response to compare")
            failed = True
            continue
        ours, theirs = (reduce(json.load(open(f))["data"], i == 0) for i, f in enumerate(files))
        if ours == theirs:
            size = len(ours[3]) if name == "a_country" else len(ours) if name == "b_in_force" else 1
            print(f"{name}: same answer ({size} records)")
        else:
            failed = True
            print(f"{name}: DIFFERENT\n  ours:   {json.dumps(ours)[:1500]}\n  theirs: {json.dumps(theirs)[:1500]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
