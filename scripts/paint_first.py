"""Makes each page in dist/ paint its own HTML before the app downloads: removes Trunk's
preload links and has its loader wait, when the page is visible, for its first
contentful paint (where the browser reports paints; else the first frame; at most 3 s)
before fetching the app's module and wasm, both at once (the wasm still checked against
Trunk's integrity digest). The pre-rendered page is the content; the app only takes it
over, so a slow link's bandwidth goes first to the page.
    python3 paint_first.py PAGE.html ..."""
import re
import sys

IMPORT = re.compile(r"import init, \* as bindings from '(/[^']+\.js)';\nconst wasm = await init\(\{ module_or_path: '(/[^']+\.wasm)' \}\);")
PRELOADS = re.compile(r'<link rel="(?:modulepreload|preload)" href="/[^"]+\.(?:js|wasm)"[^>]*>\s*')
WASM_INTEGRITY = re.compile(r'<link rel="preload" href="/[^"]+\.wasm"[^>]*integrity="([^"]+)"')

LOADER = """if (document.visibilityState === 'visible') await new Promise((painted) => {{
  if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {{
    new PerformanceObserver((list) => {{ if (list.getEntriesByName('first-contentful-paint').length) painted(); }})
      .observe({{ type: 'paint', buffered: true }});
  }} else {{
    requestAnimationFrame(() => setTimeout(painted));
  }}
  setTimeout(painted, 3000);
}});
const wasmResponse = fetch('{wasm}', {{ integrity: '{integrity}' }});
const bindings = await import('{js}');
const wasm = await bindings.default({{ module_or_path: wasmResponse }});"""


def paint_first(path):
    html = open(path, encoding="utf-8").read()
    found = IMPORT.search(html)
    if not found:
        sys.exit("paint_first.py: Trunk's loader is not in " + path)
    integrity = WASM_INTEGRITY.search(html)
    if not integrity:
        sys.exit("paint_first.py: the wasm's integrity digest is not in " + path)
    loader = LOADER.format(js=found.group(1), wasm=found.group(2), integrity=integrity.group(1))
    html = html.replace(found.group(0), loader)
    html = PRELOADS.sub("", html)
    open(path, "w", encoding="utf-8").write(html)


for page in sys.argv[1:]:
    paint_first(page)
print("paint_first.py: %d page(s) load the app after their first paint" % len(sys.argv[1:]))
