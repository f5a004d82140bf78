// The example of embed.html: checks a plan with window.unitPlanner, the planner's
// JavaScript API, and shows the answer. The API is there once the engine module the app
// starts has started (it then fires "UnitPlannerReady").
function whenReady(run) {
  if (window.unitPlanner) run(window.unitPlanner);
  else addEventListener('UnitPlannerReady', () => run(window.unitPlanner), { once: true });
}

whenReady((api) => {
  const form = document.getElementById('check-form');
  const select = document.getElementById('qualification');
  const output = document.getElementById('answer');
  for (const q of api.catalogue()) select.append(new Option(`${q.title} (${q.qualification_number ?? q.id})`, q.id));
  select.value = 'vtct-l1-cert-principles-cs'; // the qualification of the example units
  form.hidden = false;
  document.getElementById('loading').hidden = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const units = document.getElementById('units').value.split(/[\s,]+/).filter(Boolean);
    try {
      const check = api.check(select.value, units);
      const lines = [`Status: ${check.status}`, ...check.rules.map((r) => `${r.status}: ${r.text}${r.still_needed ? ` (${r.still_needed})` : ''}`)];
      if (check.status !== 'complete') {
        const suggestion = api.suggest(select.value, units);
        lines.push(suggestion.add ? `To complete it, add ${suggestion.add.join(', ')}.` : `It cannot be completed: ${suggestion.reason}`);
      }
      lines.push(`Open in the planner: ${api.link(select.value, units)}`);
      output.textContent = lines.join('\n');
    } catch (error) {
      output.textContent = `Error: ${error.message}`;
    }
  });
});
