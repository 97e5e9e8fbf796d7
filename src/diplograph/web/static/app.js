/* diplograph page: filter bar, paged event table, article view, timeline, network, map, dyad chart.
 * Plain browser JavaScript; every library is vendored under /static/vendor (no CDN).
 * Text from the database is only ever inserted with textContent, never as HTML. */
"use strict";

const API = "/api/v1";
const FILTER_NAMES = ["actor", "partner", "source", "target", "cameo", "plover", "quad_class", "since", "until", "place", "q", "min_confidence"];
const CODE_FILTERS = new Set(["actor", "partner", "source", "target"]);
/* The address bar says from/to where the API says since/until: /?actor=CHN&target=KAZ&from=2024-07-01 */
const LINK_NAMES = { since: "from", until: "to" };
const VIEW_DEFAULTS = { sort: "-date", interval: "month" };
const NO_DYAD = { partner: "", source: "", target: "" };  // cleared when a click picks a new actor
const QUAD_COLOURS = { 1: "#7fbf7b", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b" };
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const state = { filters: {}, offset: 0, limit: 50, sort: "-date", interval: "month", count: 0, capped: false };
const charts = { timeline: null, dyad: null };
let network = null;
let map = null;
let placeLayer = null;

function $(id) { return document.getElementById(id); }

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function query(extra = {}, withFilters = true) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(withFilters ? { ...state.filters, ...extra } : extra)) {
    if (value !== undefined && value !== null && String(value).trim() !== "") params.set(key, String(value).trim());
  }
  return params.toString();
}

async function api(path, extra = {}, withFilters = true) {
  const qs = query(extra, withFilters);
  const response = await fetch(`${API}${path}${qs ? "?" + qs : ""}`, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

function showError(err) { $("error").textContent = err ? String(err.message || err) : ""; }

function goldsteinColour(value) {
  const t = Math.max(-1, Math.min(1, (value || 0) / 10));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const grey = [150, 150, 150];
  const end = t >= 0 ? [27, 120, 55] : [178, 24, 43];
  const f = Math.abs(t);
  return `rgb(${mix(grey[0], end[0], f)},${mix(grey[1], end[1], f)},${mix(grey[2], end[2], f)})`;
}

function actorLabel(actor) { return actor ? (actor.code || "?") : "—"; }

function codeButton(actor) {
  if (!actor || !actor.code) return el("span", { class: "muted" }, "—");
  return el("button", {
    type: "button", class: "code", title: `${actor.name || ""}${actor.role ? " (" + actor.role + ")" : ""}`,
    onclick: (e) => { e.stopPropagation(); setFilters({ ...NO_DYAD, actor: actor.code }); },
  }, actor.code);
}

/* ---------- filters ---------- */

function readForm() {
  const filters = {};
  for (const name of FILTER_NAMES) {
    const input = document.querySelector(`#filters [name="${name}"]`);
    if (input && input.value.trim()) filters[name] = input.value.trim();
  }
  return filters;
}

function writeForm() {
  for (const name of FILTER_NAMES) {
    const input = document.querySelector(`#filters [name="${name}"]`);
    if (!input) continue;
    const value = state.filters[name] || "";
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === value)) {
      input.append(el("option", { value }, value));  // a link's quad_class=2,3 stays visible and kept
    }
    input.value = value;
  }
}

function setFilters(changes) {
  state.filters = Object.fromEntries(
    Object.entries({ ...state.filters, ...changes }).filter(([, v]) => v !== undefined && v !== ""));
  writeForm();
  refresh();
}

/* ---------- the shareable link: filters live in the query string ---------- */

function legacyHash() {
  /* Links made before the query string kept the filters in the hash: /#actor=CHN&since=2024-01 */
  return location.hash.length > 1 && location.hash.includes("=") ? location.hash.slice(1) : "";
}

function linkParams() {
  const params = new URLSearchParams(legacyHash());
  for (const [key, value] of new URLSearchParams(location.search)) params.set(key, value);
  return params;
}

function readLink(params) {
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = (params.get(LINK_NAMES[name]) ?? params.get(name) ?? "").trim();
    if (value) filters[name] = CODE_FILTERS.has(name) ? value.toUpperCase() : value;
  }
  state.filters = filters;
  for (const [name, fallback] of Object.entries(VIEW_DEFAULTS)) {
    const known = [...$(name).options].map((o) => o.value);
    state[name] = known.includes(params.get(name)) ? params.get(name) : fallback;
    $(name).value = state[name];
  }
  writeForm();
}

function linkQuery() {
  const params = new URLSearchParams(location.search);  // parameters the page does not know are kept
  const ours = [...FILTER_NAMES, ...Object.values(LINK_NAMES), ...Object.keys(VIEW_DEFAULTS)];
  for (const name of ours) params.delete(name);
  for (const name of FILTER_NAMES) if (state.filters[name]) params.set(LINK_NAMES[name] || name, state.filters[name]);
  for (const [name, fallback] of Object.entries(VIEW_DEFAULTS)) if (state[name] !== fallback) params.set(name, state[name]);
  return params.toString().replace(/%2C/gi, ",");  // commas are legal in a query: cameo=04,190
}

function saveLink() {
  const qs = linkQuery();
  const url = `${location.pathname}${qs ? "?" + qs : ""}${legacyHash() ? "" : location.hash}`;
  if (url !== location.pathname + location.search + location.hash) history.replaceState(null, "", url);
}

/* ---------- events table ---------- */

function eventRow(ev) {
  const evidence = ev.evidence || "";
  const snippet = evidence.length > 160 ? evidence.slice(0, 157) + "…" : evidence;
  const chip = el("span", { class: "chip", title: QUAD_NAMES[ev.quad_class] || "" });
  chip.style.background = QUAD_COLOURS[ev.quad_class] || "#ccc";
  return el("tr", {
    class: "event-row", dataset: { eventId: ev.event_id, articleId: ev.article_id },
    onclick: () => openArticle(ev.article_id, ev.event_id),
  },
  el("td", { class: "date" }, ev.date || ""),
  el("td", { class: "dyad" }, codeButton(ev.source), " → ", codeButton(ev.target)),
  el("td", { class: "type", title: `CAMEO ${ev.cameo}, Goldstein ${ev.goldstein}` }, chip, ` ${ev.cameo} ${ev.plover || ""}`),
  el("td", { class: "evidence", title: evidence }, snippet),
  el("td", { class: "num" }, ev.mentions ?? ""),
  el("td", { class: "num" }, ev.confidence == null ? "" : ev.confidence.toFixed(2)));
}

async function loadEvents() {
  const page = await api("/events", { limit: state.limit, offset: state.offset, sort: state.sort });
  const body = $("event-table").querySelector("tbody");
  body.replaceChildren(...page.data.map(eventRow));
  if (!page.data.length) body.append(el("tr", {}, el("td", { colspan: "6", class: "muted" }, "No events match.")));
  state.count = page.count;
  state.capped = page.count_capped;
  const total = `${page.count.toLocaleString()}${page.count_capped ? "+" : ""}`;
  $("count").textContent = `${total} events`;
  const first = page.data.length ? state.offset + 1 : 0;
  $("page").textContent = `${first.toLocaleString()}–${(state.offset + page.data.length).toLocaleString()} of ${total}`;
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + page.data.length >= page.count && !page.count_capped;
}

/* ---------- article view ---------- */

function renderSpans(text, spans, currentEvent) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(a, b));
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const actor = covering.find((s) => s.kind === "actor");
    if (actor) node = el("mark", { class: "actor", title: `${actor.label} (${actor.code || "?"})` }, node);
    const events = covering.filter((s) => s.kind === "event");
    if (events.length) {
      const current = events.some((s) => s.event_id === currentEvent);
      node = el("mark", { class: current ? "event current" : "event", title: events.map((s) => s.label).join("; ") }, node);
    }
    out.push(node);
  }
  return out;
}

async function openArticle(articleId, eventId) {
  try {
    const article = await api(`/articles/${encodeURIComponent(articleId)}`, {}, false);
    $("article-card").hidden = false;
    $("article-title").textContent = article.title || article.article_id;
    $("article-meta").textContent = [article.date, article.source, article.article_id].filter(Boolean).join(" · ");
    $("article-text").replaceChildren(...renderSpans(article.text || "", article.spans, eventId));
    $("article-events").replaceChildren(...article.events.map((ev) => el("li", {
      class: ev.event_id === eventId ? "current" : "",
    }, `${ev.date} ${actorLabel(ev.source)} → ${actorLabel(ev.target)} ${ev.cameo} ${ev.plover || ""} (Goldstein ${ev.goldstein})`)));
    for (const row of document.querySelectorAll(".event-row")) {
      row.classList.toggle("selected", row.dataset.eventId === eventId);
    }
    const current = document.querySelector("#article-text mark.current");
    (current || $("article-card")).scrollIntoView({ block: "nearest" });
  } catch (err) { showError(err); }
}

/* ---------- timeline and dyad charts ---------- */

function chartOptions(stacked, yTitle) {
  return {
    animation: false, responsive: true, maintainAspectRatio: false,
    plugins: { legend: { position: "bottom", labels: { boxWidth: 12 } } },
    scales: { x: { stacked, ticks: { maxRotation: 0, autoSkip: true } }, y: { stacked, beginAtZero: true, title: { display: !!yTitle, text: yTitle } } },
  };
}

async function loadTimeline() {
  const series = await api("/series", { interval: state.interval });
  const labels = series.data.map((p) => p.period);
  const datasets = [1, 2, 3, 4].map((q) => ({
    label: QUAD_NAMES[q], data: series.data.map((p) => p[`q${q}`]), backgroundColor: QUAD_COLOURS[q],
  }));
  if (charts.timeline) charts.timeline.destroy();
  charts.timeline = new Chart($("timeline"), { type: "bar", data: { labels, datasets }, options: chartOptions(true, "events") });
}

async function topPartner(actor) {
  const found = await api(`/actors/${encodeURIComponent(actor)}`, { top: 1 }, false).catch(() => null);
  return found && found.partners.length ? found.partners[0].code : null;
}

function dyadSides() {
  /* The actor (or source, or target) and the other side the filters name, if any. */
  const f = state.filters;
  const actor = f.actor || f.source || f.target;
  return [actor, [f.partner, f.target, f.source].find((code) => code && code !== actor)];
}

async function loadDyad() {
  let [actor, partner] = dyadSides();
  const guessed = Boolean(actor && !partner);
  if (guessed) partner = await topPartner(actor);
  if (charts.dyad) { charts.dyad.destroy(); charts.dyad = null; }
  $("dyad-hint").hidden = Boolean(actor && partner);
  if (!actor || !partner) { $("dyad-title").textContent = "Dyad"; return; }
  const interval = state.interval === "day" ? "week" : state.interval;
  const dyad = await api(`/dyads/${encodeURIComponent(actor)}/${encodeURIComponent(partner)}/series`,
    { interval, since: state.filters.since, until: state.filters.until }, false);
  $("dyad-title").textContent = `Dyad ${dyad.a} ↔ ${dyad.b}${guessed ? " (top partner)" : ""}`;
  const labels = dyad.data.map((p) => p.period);
  const line = (label, key, kind, colour, dash) => ({
    label, borderColor: colour, backgroundColor: colour, borderDash: dash, tension: 0, pointRadius: 2,
    data: dyad.data.map((p) => (kind === "coop" ? p[key].q1 + p[key].q2 : p[key].q3 + p[key].q4)),
  });
  const datasets = [
    line(`${dyad.a} → ${dyad.b} cooperation`, "a_to_b", "coop", "#1b7837", []),
    line(`${dyad.a} → ${dyad.b} conflict`, "a_to_b", "conflict", "#b2182b", []),
    line(`${dyad.b} → ${dyad.a} cooperation`, "b_to_a", "coop", "#5aae61", [6, 4]),
    line(`${dyad.b} → ${dyad.a} conflict`, "b_to_a", "conflict", "#e08214", [6, 4]),
  ];
  charts.dyad = new Chart($("dyad"), { type: "line", data: { labels, datasets }, options: chartOptions(false, `events per ${interval}`) });
}

/* ---------- network ---------- */

async function loadNetwork() {
  const graph = await api("/network", { max_edges: 60 });
  const nodes = graph.nodes.map((n) => ({ id: n.code, label: n.code, value: n.events, title: el("div", {}, `${n.name || n.code}: ${n.events} events`) }));
  const edges = graph.edges.map((e) => ({
    from: e.source, to: e.target, value: e.events, arrows: "to",
    color: { color: goldsteinColour(e.goldstein_mean), highlight: "#333" },
    title: el("div", {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean}`),
  }));
  const data = { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) };
  if (network) { network.setData(data); return; }
  network = new vis.Network($("network"), data, {
    nodes: { shape: "dot", scaling: { min: 6, max: 34 }, color: { background: "#4a6fa5", border: "#2d4a73" }, font: { size: 13 } },
    edges: { smooth: { type: "continuous" }, scaling: { min: 1, max: 8 } },
    physics: { solver: "forceAtlas2Based", stabilization: { iterations: 150 } },
    interaction: { hover: true, tooltipDelay: 150 },
  });
  network.on("stabilizationIterationsDone", () => network.setOptions({ physics: false }));
  network.on("click", (params) => {
    if (params.nodes.length) setFilters({ ...NO_DYAD, actor: params.nodes[0] });
    else if (params.edges.length) {
      const edge = network.body.data.edges.get(params.edges[0]);
      if (edge) setFilters({ ...NO_DYAD, actor: edge.from, partner: edge.to });
    }
  });
}

/* ---------- map (country shapes from vendored TopoJSON; no tile server) ---------- */

async function initMap() {
  map = L.map("map", { worldCopyJump: true, zoomSnap: 0.25, minZoom: 1, attributionControl: true }).setView([30, 20], 1.25);
  map.attributionControl.setPrefix(false).addAttribution("Natural Earth via world-atlas");
  const response = await fetch("/static/vendor/world-atlas/countries-110m.json");
  const topo = await response.json();
  L.geoJSON(topojson.feature(topo, topo.objects.countries), {
    style: { color: "#ffffff", weight: 0.6, fillColor: "#d5dae1", fillOpacity: 1 }, interactive: false,
  }).addTo(map);
  placeLayer = L.layerGroup().addTo(map);
}

async function loadMap() {
  if (!map) await initMap();
  const found = await api("/places", { limit: 500 });
  placeLayer.clearLayers();
  const most = Math.max(1, ...found.data.map((p) => p.events));
  for (const p of found.data) {
    const marker = L.circleMarker([p.lat, p.lon], {
      radius: 3 + 15 * Math.sqrt(p.events / most), color: "#333", weight: 0.7,
      fillColor: goldsteinColour(p.goldstein_mean), fillOpacity: 0.8,
    });
    marker.bindTooltip(el("span", {}, `${p.name || "?"} (${p.country || "?"}): ${p.events} events`));  // text, not HTML
    marker.on("click", () => setFilters({ place: p.name || p.country }));
    marker.addTo(placeLayer);
  }
  $("map-note").textContent = `${found.data.length} places`;
}

/* ---------- page ---------- */

async function loadStats() {
  const s = await api("/stats", {}, false);
  $("stats").textContent = `${s.events.toLocaleString()} events · ${s.articles.toLocaleString()} articles · ${s.first_date || "?"} to ${s.last_date || "?"}`;
  const actors = await api("/actors", { limit: 300 }, false);
  $("actor-codes").replaceChildren(...actors.data.map((a) => el("option", { value: a.code }, a.name || a.code)));
}

async function refresh() {
  state.offset = 0;
  showError(null);
  saveLink();
  const jobs = [loadEvents(), loadTimeline(), loadNetwork(), loadMap(), loadDyad()];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
}

function bind() {
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); state.filters = readForm(); refresh(); });
  $("reset").addEventListener("click", () => { state.filters = {}; writeForm(); refresh(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch(showError); });
  $("next").addEventListener("click", () => { state.offset += state.limit; loadEvents().catch(showError); });
  $("sort").addEventListener("change", (e) => { state.sort = e.target.value; state.offset = 0; saveLink(); loadEvents().catch(showError); });
  $("interval").addEventListener("change", (e) => { state.interval = e.target.value; saveLink(); loadTimeline().then(loadDyad).catch(showError); });
  $("article-close").addEventListener("click", () => { $("article-card").hidden = true; });
  // An old /#actor=CHN link pasted over this page changes only the hash: no reload, so read it here.
  window.addEventListener("hashchange", () => { if (legacyHash()) { readLink(new URLSearchParams(legacyHash())); refresh(); } });
}

document.addEventListener("DOMContentLoaded", () => {
  bind();
  readLink(linkParams());
  loadStats().catch(showError);
  refresh();
});
