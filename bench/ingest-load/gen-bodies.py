#!/usr/bin/env python3
"""Writes N unique envelopes for the load benchmark, as records "<encoding> <length>\\n<bytes>".

Kinds (cycled in this order): java = the recorded Java SDK error event padded to ~5 KB and
gzip-compressed (as sentry-java sends it); node = the recorded Node SDK error event;
transaction = the recorded Java SDK transaction. Every envelope gets a fresh event id and
a current timestamp, so the processor stores each one (it deduplicates by event id).

usage: gen-bodies.py <samples-dir> <out-file> <count> <kinds, comma-separated>
"""
import gzip
import json
import sys
import time
import uuid


def parse(raw):
    newline = raw.index(b"\n")
    headers = json.loads(raw[:newline])
    pos = newline + 1
    items = []
    while pos < len(raw):
        end = raw.index(b"\n", pos)
        item = json.loads(raw[pos:end])
        pos = end + 1
        if "length" in item:
            payload = raw[pos:pos + item["length"]]
            pos += item["length"] + 1
        else:
            end = raw.find(b"\n", pos)
            end = len(raw) if end < 0 else end
            payload = raw[pos:end]
            pos = end + 1
        items.append((item, payload))
        while pos < len(raw) and raw[pos:pos + 1] in (b"\n", b"\r", b" "):
            pos += 1
    return headers, items


def encode(headers, items):
    out = [json.dumps(headers, separators=(",", ":")).encode()]
    for item, payload in items:
        item = dict(item)
        item["length"] = len(payload)
        out.append(json.dumps(item, separators=(",", ":")).encode())
        out.append(payload)
    return b"\n".join(out) + b"\n"


def variant(template, pad_to):
    headers, items = template
    event_id = uuid.uuid4().hex
    now = time.time()
    headers = dict(headers, event_id=event_id)
    headers.pop("sent_at", None)
    out_items = []
    for item, payload in items:
        if item.get("type") in ("event", "transaction"):
            event = json.loads(payload)
            event["event_id"] = event_id
            if item["type"] == "transaction" and "start_timestamp" in event:
                event["start_timestamp"] = now - 0.25
            event["timestamp"] = now
            if pad_to:
                # Grown to ~5 KB with breadcrumbs, as a busy service's events are (one long
                # filler string would measure the scrubber's regexes instead).
                crumbs = event.setdefault("breadcrumbs", {"values": []})
                values = crumbs["values"] if isinstance(crumbs, dict) else crumbs
                n = 0
                while len(json.dumps(event, separators=(",", ":"))) < pad_to:
                    values.append({"timestamp": now - 60 + n, "type": "http", "category": "http.client",
                                   "level": "info", "data": {"method": "GET", "status_code": 200,
                                                             "url": "https://api.example.com/orders/%d" % (1000 + n)}})
                    n += 1
            payload = json.dumps(event, separators=(",", ":")).encode()
        out_items.append((item, payload))
    return encode(headers, out_items)


def main():
    samples, out_file, count, kinds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
    templates = {
        "java": (parse(open(samples + "/java-event-error.envelope", "rb").read()), 5 * 1024, "gzip"),
        "node": (parse(open(samples + "/node-event-error.envelope", "rb").read()), 0, "identity"),
        "transaction": (parse(open(samples + "/java-transaction.envelope", "rb").read()), 0, "identity"),
    }
    with open(out_file, "wb") as out:
        for i in range(count):
            template, pad_to, encoding = templates[kinds[i % len(kinds)]]
            body = variant(template, pad_to)
            if encoding == "gzip":
                body = gzip.compress(body, 6)
            out.write(("%s %d\n" % (encoding, len(body))).encode())
            out.write(body)


main()
