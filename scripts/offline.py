"""Writes dist/sw.js: the service worker of web/sw.js with the files it caches (every
page and asset in dist/, but not precompressed copies or the worker itself) and a version
that changes whenever any of them does: python3 offline.py dist"""
import hashlib
import json
import os
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
files = []
for root, _, names in os.walk(dist):
    for name in names:
        path = os.path.join(root, name)
        rel = "/" + os.path.relpath(path, dist).replace(os.sep, "/")
        if rel.endswith((".gz", ".br")) or rel in ("/sw.js", "/embed.html", "/embed.js"):
            continue
        files.append((rel[: -len("index.html")] if rel.endswith("/index.html") else rel, path))
files.sort()
digest = hashlib.sha256()
for rel, path in files:
    digest.update(rel.encode() + b"\0" + open(path, "rb").read())
worker = open(os.path.join(os.path.dirname(__file__), "..", "web", "sw.js"), encoding="utf-8").read()
head = "const VERSION = %s;\nconst FILES = %s;\n" % (
    json.dumps(digest.hexdigest()[:16]),
    json.dumps([rel for rel, _ in files], indent=0),
)
open(os.path.join(dist, "sw.js"), "w", encoding="utf-8").write(head + worker)
print("offline.py: service worker caches %d files" % len(files))
