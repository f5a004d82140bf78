"""Adds a Content Security Policy to dist/index.html after the Trunk build, allowing the
inline module script Trunk injects by its hash and nothing else that is not our own."""
import base64
import hashlib
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "dist/index.html"
html = open(path, encoding="utf-8").read()
scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in scripts if s.strip()
)
policy = (
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' %s; style-src 'self'; "
    "connect-src 'self'; img-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'" % hashes
)
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
html = html.replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\">\n  " + meta, 1)
if meta not in html:
    sys.exit("csp.py: could not place the policy in " + path)
open(path, "w", encoding="utf-8").write(html)
print("csp.py: policy added with %d script hash(es)" % len(hashes.split()))
