"""Adds a Content Security Policy to each pre-rendered page in dist/ after the build,
allowing the inline module script Trunk injects and the inlined stylesheet by their
hashes, and nothing else that is not our own (the service worker included):
    python3 csp.py PAGE.html ..."""
import base64
import hashlib
import re
import sys


def digests(blocks):
    """The CSP source expressions allowing these inline blocks by their SHA-256."""
    return " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode()
        for b in blocks
        if b.strip()
    )


def add_policy(path):
    html = open(path, encoding="utf-8").read()
    hashes = digests(re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S))
    styles = digests(re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S))
    policy = (
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' %s; style-src 'self' %s; "
        "connect-src 'self'; img-src 'self'; manifest-src 'self'; worker-src 'self'; "
        "base-uri 'none'; form-action 'none'" % (hashes, styles)
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
