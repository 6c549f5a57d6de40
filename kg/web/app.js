// kg query page: plain JavaScript, no libraries. Talks to /queries and /query of kg serve.
"use strict";

const $ = (id) => document.getElementById(id);
let namedQueries = [];

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.style.display = message ? "block" : "none";
}

function setStatus(message) {
  $("status").textContent = message;
}

function clearResults() {
  $("results").tHead.replaceChildren();
  $("results").tBodies[0].replaceChildren();
}

function cellText(binding) {
  if (!binding) return "";
  return binding.value;
}

function renderResults(data) {
  clearResults();
  const head = $("results").tHead;
  const body = $("results").tBodies[0];
  if (typeof data.boolean === "boolean") {
    const tr = head.insertRow();
    tr.appendChild(document.createElement("th")).textContent = "ASK";
    body.insertRow().insertCell().textContent = String(data.boolean);
    setStatus("ASK: " + data.boolean);
    return;
  }
  const vars = data.head.vars || [];
  const tr = head.insertRow();
  for (const v of vars) tr.appendChild(document.createElement("th")).textContent = v;
  for (const row of data.results.bindings) {
    const r = body.insertRow();
    for (const v of vars) {
      const td = r.insertCell();
      const b = row[v];
      td.textContent = cellText(b);
      if (b && b.type === "uri") td.className = "uri";
      if (b && b["xml:lang"]) td.lang = b["xml:lang"];
    }
  }
  const n = data.results.bindings.length;
  setStatus(n + (n === 1 ? " row" : " rows"));
}

async function fetchResults(url, options) {
  showError("");
  clearResults();
  setStatus("running…");
  let response;
  try {
    response = await fetch(url, options);
  } catch (e) {
    setStatus("");
    showError("Could not reach the server: " + e);
    return;
  }
  const text = await response.text();
  if (!response.ok) {
    setStatus("");
    showError("HTTP " + response.status + ": " + text.trim());
    return;
  }
  const ctype = response.headers.get("Content-Type") || "";
  if (!ctype.includes("json")) {
    // CONSTRUCT / DESCRIBE: show the graph as text
    setStatus("graph result (" + ctype.split(";")[0] + ")");
    const r = $("results").tBodies[0].insertRow().insertCell();
    const pre = document.createElement("pre");
    pre.textContent = text;
    r.appendChild(pre);
    return;
  }
  renderResults(JSON.parse(text));
}

function runTyped() {
  const body = new URLSearchParams({ query: $("query").value });
  fetchResults("query", {
    method: "POST",
    headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.5" },
    body: body,
  });
}

function runNamed() {
  const name = $("named").value;
  if (!name) return;
  const params = new URLSearchParams();
  for (const input of $("params").querySelectorAll("input")) {
    if (input.value.trim()) params.set(input.name, input.value.trim());
  }
  const qs = params.toString();
  fetchResults("queries/" + encodeURIComponent(name) + (qs ? "?" + qs : ""), {
    headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.5" },
  });
}

function pickNamed() {
  const name = $("named").value;
  const q = namedQueries.find((x) => x.name === name);
  const box = $("params");
  box.replaceChildren();
  $("description").textContent = q ? q.description : "";
  $("run-named").disabled = !q;
  if (!q) return;
  $("query").value = q.query;
  for (const p of q.parameters) {
    const label = document.createElement("label");
    const span = document.createElement("span");
    span.textContent = "?" + p.name;
    const input = document.createElement("input");
    input.name = p.name;
    input.id = "param-" + p.name;
    input.placeholder = p.description || "optional";
    label.append(span, " ", input);
    box.appendChild(label);
  }
}

async function loadNamed() {
  try {
    const response = await fetch("queries", { headers: { "Accept": "application/json" } });
    if (!response.ok) throw new Error("HTTP " + response.status);
    namedQueries = await response.json();
  } catch (e) {
    showError("Could not load the named queries: " + e);
    return;
  }
  const select = $("named");
  for (const q of namedQueries) {
    const opt = document.createElement("option");
    opt.value = q.name;
    opt.textContent = q.name;
    opt.title = q.description;
    select.appendChild(opt);
  }
  select.dataset.loaded = "true";
}

$("named").addEventListener("change", pickNamed);
$("run-named").addEventListener("click", runNamed);
$("run").addEventListener("click", runTyped);
$("query").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runTyped();
});
loadNamed();
