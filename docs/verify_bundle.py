#!/usr/bin/env python3
"""Reference verifier of a thidua audit bundle, from docs/AUDITING.md alone (Python 3 standard library).

    python3 docs/verify_bundle.py audit-2023.jsonl

Checks every topic partition's hash chain (chain rule v2) and every aggregate's sequence, then scores
the bundle's year from its events (digest rule v1) and compares the digest with the year's
AppraisalClosed and with the table the exporting tool wrote. Exit 0 when everything holds, 1 when not.
"""
import base64
import decimal
import hashlib
import json
import sys
from collections import defaultdict
from datetime import date

GENESIS = "0" * 64
POLICIES = {"v1": ({"REGISTERED": 1, "ACTIVITY": 2, "ACHIEVEMENT": 5, "INITIATIVE": 10}, 30)}  # DOMAIN.md: points, cap per campaign
MAX_SAFE_INTEGER = 2 ** 53 - 1


def utf16(s):
    """Sort key: UTF-16 code units, as RFC 8785 sorts member names (and Java sorts strings)."""
    return s.encode("utf-16-be", "surrogatepass")


def es_number(x):
    """A number as ECMAScript's Number.prototype.toString prints it (RFC 8785, 3.2.2.3)."""
    if isinstance(x, int) and abs(x) <= MAX_SAFE_INTEGER:
        return str(x)
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("not a JSON number")
    if x == 0:
        return "0"
    sign, digits, exponent = decimal.Decimal(repr(abs(x))).normalize().as_tuple()
    s = "".join(map(str, digits))
    k, n = len(s), len(s) + exponent
    if k <= n <= 21:
        out = s + "0" * (n - k)
    elif 0 < n <= 21:
        out = s[:n] + "." + s[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * -n + s
    else:
        e = n - 1
        out = s[0] + ("." + s[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return ("-" if x < 0 else "") + out


def canonical(v):
    """RFC 8785 canonical JSON of a parsed value."""
    if isinstance(v, dict):
        return "{" + ",".join(canonical(k) + ":" + canonical(v[k]) for k in sorted(v, key=utf16)) + "}"
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)  # escapes exactly " \\ \b \f \n \r \t and other controls as \u00xx
    if v is True or v is False or v is None:
        return json.dumps(v)
    return es_number(v)


def strict_json(text):
    """Parses JSON refusing duplicate member names and NaN/Infinity, as the contract's reader does."""
    def pairs(items):
        d = {}
        for k, val in items:
            if k in d:
                raise ValueError("duplicate member " + k)
            d[k] = val
        return d
    return json.loads(text, object_pairs_hook=pairs, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))


def text(v):
    return base64.b64decode(v["base64"]).decode("utf-8", "replace") if isinstance(v, dict) else v


def event_hash(attributes, value):
    """Chain rule v2: SHA-256(previoushash ‖ canonical JSON of the attributes as header strings, plus data)."""
    data = strict_json(text(value))
    body = canonical(dict(attributes, data=data))
    return hashlib.sha256((attributes.get("previoushash", "") + body).encode("utf-8", "replace")).hexdigest()


def attributes_of(record):
    attributes, event_hash_header = {}, None
    for name, value in record["headers"]:
        if name == "ce_eventhash":
            event_hash_header = text(value)
        elif name.startswith("ce_"):
            attributes[name[3:]] = text(value)
        elif name == "content-type":
            attributes["datacontenttype"] = text(value)
    return attributes, event_hash_header


def check_chains(records, findings):
    """Every partition's chain in offset order, every aggregate's sequence; returns every event but re-deliveries (as thidua-audit scores)."""
    heads, hash_by_id, sequences, accepted = {}, {}, defaultdict(set), []
    for r in records:
        where = "%s-%d@%d" % (r["topic"], r["partition"], r["offset"])
        a, claimed = attributes_of(r)
        try:
            actual = event_hash(a, r["value"])
        except (ValueError, TypeError):
            actual = None
        event_id = a.get("id")
        if event_id in hash_by_id:
            if hash_by_id[event_id] == claimed == actual:
                continue  # the same event delivered again: counted once
            findings.append("CONFLICTING_DUPLICATE at %s: event %s was read before with other content" % (where, event_id))
            accepted.append((r, a))
            continue
        key = (r["topic"], r["partition"])
        head = heads.get(key, GENESIS)
        heads[key] = claimed or ""
        if event_id is not None and claimed is not None:
            hash_by_id[event_id] = claimed
        seq_free = True
        aggregate, seq = a.get("aggregateid"), a.get("aggregatesequence", "")
        if aggregate is not None:
            seq_free = seq.isdigit() and int(seq) not in sequences[aggregate]
            if seq_free:
                sequences[aggregate].add(int(seq))
        accepted.append((r, a))
        if actual is None or actual != claimed:
            findings.append("ALTERED at %s: content hashes to %s but the event says %s" % (where, actual, claimed))
        elif a.get("previoushash") != head:
            findings.append("BROKEN_LINK at %s: previous hash %s but the event before it has %s" % (where, a.get("previoushash"), head))
        elif not seq_free:
            findings.append("SEQUENCE_TAKEN at %s: aggregate %s #%s" % (where, aggregate, seq))
    for aggregate, seen in ((a, s) for a, s in sequences.items() if s):
        missing = next(i for i in range(len(seen) + 1) if i not in seen)
        if missing < max(seen) + 1:
            findings.append("SEQUENCE_GAP: aggregate %s lacks #%d" % (aggregate, missing))
    return accepted


def day(s):
    return None if s is None else date.fromisoformat(s)


def half_up(numerator, denominator):
    return str((decimal.Decimal(numerator) / decimal.Decimal(denominator)).quantize(decimal.Decimal("0.01"), decimal.ROUND_HALF_UP))


def score(year, policy_version, campaigns, stays, records):
    """Digest rule v1: the year's table from the facts (DOMAIN.md scoring, docs/AUDITING.md canonical form)."""
    points, cap = POLICIES[policy_version]
    first, last = date(year, 1, 1), date(year, 12, 31)
    roster, latest = defaultdict(set), {}
    for s in [s for unit_member in stays.values() for s in unit_member]:
        unit, member, name, joined, left = s
        if joined <= last and (left is None or left > first):
            roster[unit].add(member)
            old = latest.get(member)
            if old is None or (joined, utf16(unit)) > (old[3], utf16(old[0])):
                latest[member] = s
    units = set(roster)
    for c_from, c_to, recipients in campaigns.values():
        if c_from <= last and (c_to is None or c_to >= first):
            units |= set(recipients)
    member_campaign, unit_member_campaign, unit_own = defaultdict(lambda: defaultdict(int)), defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))), defaultdict(lambda: defaultdict(int))
    for record_id, (campaign_id, unit, member, kind, on) in records.items():
        c = campaigns.get(campaign_id)
        if c is None or on < c[0] or (c[1] is not None and on > c[1]) or unit not in c[2]:
            continue
        if member is not None and not any(j <= on and (l is None or on < l) for _, _, _, j, l in stays.get((unit, member), [])):
            continue
        units.add(unit)
        if member is None:
            unit_own[unit][campaign_id] += points[kind]
        else:
            member_campaign[member][campaign_id] += points[kind]
            unit_member_campaign[unit][member][campaign_id] += points[kind]

    def capped(per_campaign):
        return sum(min(cap, p) for p in per_campaign.values())
    members = sorted(((capped(member_campaign.get(m, {})), m, s[2]) for m, s in latest.items()), key=lambda t: (-t[0], utf16(t[1])))
    rows = []
    for unit in units:
        on_roster = roster.get(unit, set())
        with_records = [m for m in on_roster if m in unit_member_campaign.get(unit, {})]
        member_points = sum(capped(unit_member_campaign[unit][m]) for m in with_records)
        collective, size = capped(unit_own.get(unit, {})), len(on_roster)
        unit_score = half_up(collective, 1) if size == 0 else half_up(member_points + collective * size, size)
        coverage = half_up(0, 1) if size == 0 else half_up(len(with_records), size)
        rows.append((unit, unit_score, coverage, collective, size, len(with_records)))
    rows.sort(key=lambda u: (-decimal.Decimal(u[1]), -decimal.Decimal(u[2]), utf16(u[0])))
    return {"year": year, "policyVersion": policy_version,
            "members": [{"rank": i + 1, "memberId": m, "fullName": n, "score": p} for i, (p, m, n) in enumerate(members)],
            "units": [{"rank": i + 1, "unitCode": u, "score": s, "coverage": c, "collectivePoints": cp, "rosterSize": rs,
                       "membersWithRecords": w} for i, (u, s, c, cp, rs, w) in enumerate(rows)]}


def main(path):
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    head, tail, records = lines[0], lines[-1], lines[1:-1]
    if head.get("bundle") != "thidua-audit-bundle/1" or "table" not in tail:
        print("✗ not a thidua audit bundle (thidua-audit-bundle/1)")
        return 1
    year, suffix = head["year"], head.get("topicSuffix", "")
    records.sort(key=lambda r: (r["topic"], r["partition"], r["offset"]))
    print("bundle %s: year %d, %d records in %d topic partitions" % (path, year, len(records),
                                                                       len({(r["topic"], r["partition"]) for r in records})))
    findings = []
    accepted = check_chains(records, findings)
    print("chains and sequences: %d events (re-deliveries counted once), %d problems %s" % (len(accepted), len(findings),
                                                                                          "✓" if not findings else "✗"))
    for line in findings[:20]:
        print("  ✗ " + line)

    events, skipped = [], 0  # the facts: events of a known type whose data reads; the others are contract violations
    for r, a in accepted:
        try:
            events.append((r["topic"][:len(r["topic"]) - len(suffix)], r["partition"], r["offset"], a["type"], strict_json(text(r["value"]))))
        except (ValueError, TypeError, KeyError):
            skipped += 1
    close = next((d for t, p, o, ty, d in events if ty == "vn.thidua.evaluation.AppraisalClosed.v1" and isinstance(d, dict)
                  and d.get("year") == year), None)
    cut = None if close is None else {(w["topic"], w["partition"]): w["offset"] for w in close["watermark"]}
    campaigns, stays, year_records = {}, {}, {}
    for topic, partition, offset, ty, d in events:
        if cut is not None and offset >= cut.get((topic, partition), -1):
            continue
        try:
            if ty == "vn.thidua.campaign.CampaignLaunched.v1":
                campaigns.setdefault(d["campaignId"], (day(d["period"]["from"]), day(d["period"]["to"]), d["recipientUnitCodes"]))
            elif ty == "vn.thidua.participation.MemberJoinedUnit.v1":
                stays.setdefault((d["unitCode"], d["memberId"]), []).append((d["unitCode"], d["memberId"], d["fullName"], day(d["joinedOn"]), None))
            elif ty == "vn.thidua.participation.MemberLeftUnit.v1":
                unit_stays = stays.get((d["unitCode"], d["memberId"]), [])
                if unit_stays and unit_stays[-1][4] is None:
                    unit_stays[-1] = unit_stays[-1][:4] + (day(d["leftOn"]),)
            elif ty == "vn.thidua.participation.ParticipationRecorded.v1" and day(d["occurredOn"]).year == year:
                year_records.setdefault(d["recordId"], (d["campaignId"], d["unitCode"], d.get("memberId"), d["kind"], day(d["occurredOn"])))
        except (ValueError, TypeError, KeyError):
            skipped += 1
    if skipped:
        print("  (%d events do not read as their type: not scored, as thidua-audit reports them as contract violations)" % skipped)

    policy = close["policyVersion"] if close else "v1"
    if policy not in POLICIES:
        print("✗ the close of %d names policy %s, which this verifier does not know" % (year, policy))
        return 1
    table = score(year, policy, campaigns, stays, year_records)
    digest = hashlib.sha256(canonical(table).encode("utf-8")).hexdigest()
    counted = len(year_records)
    print("year %d (%s, policy %s): %d records of the year before the cut, %d members, %d units; digest %s" % (
        year, "CLOSED" if close else "OPEN", policy, counted, len(table["members"]), len(table["units"]), digest))
    ok = not findings
    for name, expected in (("AppraisalClosed", close and close["digest"]), ("the bundle's table", tail["digest"])):
        if expected is not None:
            match = expected == digest
            ok &= match
            print("  %s %s: %s" % ("✓" if match else "✗", name, expected))
    if canonical(table) != canonical(tail["table"]):
        ok = False
        for kind in ("members", "units"):
            for mine, theirs in zip(table[kind], tail["table"][kind]):
                if mine != theirs:
                    print("  ✗ first differing %s row: recomputed %s, bundle %s" % (kind[:-1], canonical(mine), canonical(theirs)))
                    break
    print("Result: the bundle holds ✓" if ok else "Result: the bundle does NOT hold ✗")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python3 verify_bundle.py BUNDLE.jsonl")
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
