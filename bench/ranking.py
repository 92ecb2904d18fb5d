#!/usr/bin/env python3
"""Compares the app's first result page with FTS5's exact bm25 ranking of every match.

Usage: bench/ranking.py URL DATABASE   (bench/search.sh runs it against its benchmark app and database)
For each query, prints how many of the exact top 10 / top 25 the app's first page holds, and whether the top 10 come
in the same order. The app ranks large result sets in two stages (docs/decisions/0005-search-without-scoring-every-match.md);
this shows how close that comes to scoring everything.
"""
import json
import sqlite3
import sys
import urllib.parse
import urllib.request

url, database = sys.argv[1], sys.argv[2]
types = {"round": 0, "statement": 1, "topic": 2, "source": 3}
queries = [
    "human rights", "quy*", "nhan quyen", "death penalty", "freedom", "tu do", "dialogue", "le thi thu hang",
    "labour", "bien dong", "\"freedom of expression\"", "climate change", "an ninh", "secur*", "EU delegation",
]


def fts5(query):
    # The same quoting as SqliteSearchIndex.ToFts5 for these simple queries.
    if query.startswith('"'):
        return query
    return " ".join(f'"{w[:-1]}"*' if w.endswith("*") else f'"{w}"' for w in query.split())


db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
total10 = total25 = same = 0
for query in queries:
    exact = [r[0] for r in db.execute(
        "SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH ? ORDER BY bm25(SearchIndex, 4.0, 1.0, 2.0), rowid LIMIT 25",
        (fts5(query),))]
    count = db.execute("SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH ?", (fts5(query),)).fetchone()[0]
    body = json.load(urllib.request.urlopen(f"{url}/api/v1/search?" + urllib.parse.urlencode({"q": query, "pageSize": 25})))
    got = [item["id"] * 4 + types[item["type"]] for item in body["items"]]
    in10, in25 = len(set(exact[:10]) & set(got[:10])), len(set(exact) & set(got))
    total10, total25, same = total10 + in10, total25 + in25, same + (exact[:10] == got[:10])
    print(f"{query:24} {count:6} matches  top 10: {in10:2}/10  top 25: {in25:2}/25  top 10 in the same order: {'yes' if exact[:10] == got[:10] else 'no'}")
print(f"{len(queries)} queries: top 10 {total10}/{10 * len(queries)}, top 25 {total25}/{25 * len(queries)}, "
      f"top 10 in the same order for {same}")
