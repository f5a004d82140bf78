// Starts the tools worker (src/bin/tools.rs): loads its glue and wasm, and keeps the
// messages that arrive while the wasm loads, handing them over once it has set its own
// handler, so the first request is never lost.
importScripts('./tools.js');
const early = [];
self.onmessage = (event) => early.push(event);
wasm_bindgen({ module_or_path: './tools_bg.wasm' }).then(() => {
  for (const event of early) self.onmessage(event);
});
