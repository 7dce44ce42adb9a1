#!/usr/bin/python3
"""Prints "DOC DATE" for each article of a corpus docs.jsonl (DATE empty when
unknown): the dates the seed articles are ingested with, read in one place for
every script that needs them."""
import json
import sys

for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        d = json.loads(line)
        print(d["doc"], d.get("date", ""))
