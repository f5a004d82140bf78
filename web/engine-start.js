// Starts the engine module (engine.js and engine_bg.wasm, built from src/bin/engine.rs) on
// the page's main thread when the app asks for it (src/web/services/engine.rs), after the
// app has started. Its start installs window.unitPlanner; then "UnitPlannerReady" is fired
// on window (its detail holds the app's way in), or "UnitPlannerFailed" if it did not load.
(() => {
  const failed = () => dispatchEvent(new Event('UnitPlannerFailed'));
  const start = () => wasm_bindgen({ module_or_path: '/engine_bg.wasm' }).then(
    () => dispatchEvent(new CustomEvent('UnitPlannerReady', { detail: { complete: wasm_bindgen.complete } })),
    failed,
  );
  if (typeof wasm_bindgen === 'function') return void start();
  const script = document.createElement('script');
  script.src = '/engine.js';
  script.onload = start;
  script.onerror = failed;
  document.head.append(script);
})();
