"""Adds a Content Security Policy to each pre-rendered page in dist/ after the build,
allowing the inline module script Trunk injects by its hash and nothing else that is not
our own (the service worker included): python3 csp.py PAGE.html ..."""
import base64
import hashlib
import re
import sys


def add_policy(path):
    html = open(path, encoding="utf-8").read()
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
        if s.strip()
    )
    policy = (
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' %s; style-src 'self'; "
        "connect-src 'self'; img-src 'self'; manifest-src 'self'; worker-src 'self'; "
        "base-uri 'none'; form-action 'none'" % hashes
    )
    meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', "", html)
    html = html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta, 1)
    if meta not in html:
        sys.exit("csp.py: could not place the policy in " + path)
    open(path, "w", encoding="utf-8").write(html)
    return len(hashes.split())


counts = [add_policy(path) for path in sys.argv[1:]]
print("csp.py: policy added to %d page(s), %s script hash(es)" % (len(counts), sorted(set(counts))))
