// The planner's workbench: one page, no build step. Talks only to its own server (/api, /files, /webjars).

const SERVICE_COLOURS = [
  ["hasu", "#c0392b", "HASU (hyper-acute stroke unit)"],
  ["mtc", "#6c3483", "major trauma centre"],
  ["stroke_unit", "#e67e22", "stroke unit"],
  ["type1_ae", "#2471a3", "type-1 A&E"],
];
const OTHER_COLOUR = "#7f8c8d";
// Closing an A&E takes the services that need an emergency department with it.
const NEEDS_AE = ["trauma_unit", "mtc"];
const HEADLINE = [
  ["deaths_total", "Deaths a year (all emergencies)", "count", true],
  ["stroke_deaths_90d", "Stroke deaths within 90 days a year", "count", true],
  ["stroke_mortality_90d", "Stroke mortality at 90 days", "share", true],
  ["trauma_deaths", "Major trauma deaths a year", "count", true],
  ["stroke_travel_minutes_mean", "Stroke travel, scene to door (min)", "minutes", true],
  ["stroke_share_within_30min", "Strokes reaching hospital within 30 min", "share", false],
  ["thrombolysis_rate", "Thrombolysis rate", "share", false],
  ["door_to_needle_minutes_median", "Door to needle, median (min)", "minutes", true],
  ["stroke_unit_care_share", "Strokes given stroke-unit or HASU care", "share", false],
  ["trauma_share_mtc_direct", "Major trauma straight to an MTC", "share", false],
  ["ambulance_share_within_8min", "Category A reached within 8 min", "share", false],
  ["diverts_per_year", "Diverts a year", "count", true],
];

const state = {
  net: null,
  configuration: null,          // the baseline's configuration
  scenarioConfiguration: "",    // the scenario's, "" = the baseline's
  closeSites: new Set(),
  closeServices: [],   // {site, service}
  openServices: [],    // {site, service}
  cover: {},           // service -> {all?, sites: {id: profile}}
  markers: new Map(),
  result: null,
  resultZones: null,
  resultSites: null,
};

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};

async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body };
}

function status(text) { $("status").textContent = text; }

// ------------------------------------------------------------------ map

const map = L.map("map", { zoomControl: true, preferCanvas: true, attributionControl: true });
map.attributionControl.setPrefix(false);
L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
const canvas = L.canvas({ padding: 0.2 });
let zonesLayer = null;
let areasLayer = null;
let admissionsLayer = L.layerGroup().addTo(map);
const siteLayer = L.layerGroup().addTo(map);
map.on("zoomend", () => declutterLabels());

function zoneStyle() {
  return { renderer: canvas, color: "#9aa9b8", weight: 0.3, fillColor: "#f4f1ea", fillOpacity: 1 };
}

async function loadBoundaries() {
  const [zones, areas] = await Promise.all([
    fetch("/api/boundaries/zones").then((r) => r.json()),
    fetch("/api/boundaries/areas").then((r) => r.json()),
  ]);
  zonesLayer = L.geoJSON(zones, { style: zoneStyle, renderer: canvas }).addTo(map);
  zonesLayer.eachLayer((l) => l.bindTooltip(() => zoneTooltip(l.feature), { sticky: true }));
  areasLayer = L.geoJSON(areas, {
    style: { renderer: canvas, color: "#34495e", weight: 1.4, fill: false, interactive: false },
    interactive: false,
  }).addTo(map);
  map.fitBounds(zonesLayer.getBounds());
  const source = zones.derived
    ? "Zones: Voronoi cells of zone centroids (the network has no boundary files)"
    : "Boundaries: ONS, Open Government Licence v3.0; contains OS data © Crown copyright and database right";
  map.attributionControl.addAttribution(source);
  state.derivedBoundaries = zones.derived;
}

function zoneTooltip(f) {
  const p = f.properties;
  let text = `${p.name} (${p.area}), ${Math.round(p.population).toLocaleString()} residents`;
  const change = state.zoneChange && state.zoneChange.get(p.id);
  if (change !== undefined && Number.isFinite(change)) {
    text += `; change ${change > 0 ? "+" : ""}${change.toFixed(2)} ${state.changeUnit}`;
  }
  return text;
}

function shortName(name) {
  return name.replace(/ University Hospital$/, "").replace(/ Hospital$/, "").replace(/^The /, "");
}

function configurationSites(name) {
  const conf = state.net.configurations.find((c) => c.name === name);
  return conf && conf.sites ? conf.sites : null;
}

function scenarioConfiguration() {
  return state.scenarioConfiguration || state.configuration;
}

// The services a site offers in the scenario: its configuration with the planner's changes. "changed" marks a
// site that differs from the baseline (another configuration, or an edit).
function siteState(id) {
  const sites = configurationSites(scenarioConfiguration());
  const base = sites ? sites[id] : { open: true, services: [] };
  const baseline = (configurationSites(state.configuration) || {})[id] || base;
  if (state.closeSites.has(id)) return { open: false, services: [], changed: true, base };
  let services = [...base.services];
  let changed = baseline.open !== base.open || baseline.services.length !== base.services.length
    || baseline.services.some((x) => !base.services.includes(x));
  for (const c of state.closeServices.filter((x) => x.site === id)) {
    services = services.filter((s) => s !== c.service); changed = true;
  }
  for (const c of state.openServices.filter((x) => x.site === id)) {
    if (!services.includes(c.service)) services.push(c.service);
    changed = true;
  }
  const coverChanged = Object.values(state.cover).some((c) => c.sites && c.sites[id]);
  const edited = state.closeServices.some((x) => x.site === id) || state.openServices.some((x) => x.site === id)
    || coverChanged;
  return { open: base.open, services, changed: changed || edited, edited, base };
}

function colourOf(services) {
  for (const [key, colour] of SERVICE_COLOURS) if (services.includes(key)) return colour;
  return OTHER_COLOUR;
}

function drawSites() {
  siteLayer.clearLayers();
  state.markers.clear();
  for (const site of state.net.sites) {
    const s = siteState(site.id);
    const classes = ["site-marker", !s.open ? "closed" : "", s.changed ? "changed" : ""].join(" ");
    const icon = L.divIcon({
      className: classes,
      html: `<span class="dot" style="background:${colourOf(s.services)}"></span>`
        + `<span class="label">${escapeHtml(shortName(site.name))}</span>`,
      iconSize: null, iconAnchor: [9, 9],
    });
    const marker = L.marker([site.lat, site.lon], { icon, title: site.name, riseOnHover: true, zIndexOffset: 1000 });
    marker.on("click", () => openSite(site, marker));
    marker.on("add", () => {
      const e = marker.getElement();
      if (e) { e.dataset.site = site.id; e.setAttribute("aria-label", site.name); }
    });
    marker.addTo(siteLayer);
    state.markers.set(site.id, marker);
  }
  declutterLabels();
  drawLegend();
}

// Hides names that would overlap a name already shown or another hospital's marker (changed and larger-service
// sites first), so that names on screen never overlap; zooming in shows more of them. Every name stays in the
// marker's tooltip.
function declutterLabels() {
  const overlap = (r, o) => r.left < o.right && r.right > o.left && r.top < o.bottom && r.bottom > o.top;
  const order = [...state.markers.entries()].map(([id, m]) => ({ id, m, s: siteState(id) }))
    .sort((a, b) => (b.s.changed - a.s.changed) || (b.s.services.length - a.s.services.length) || a.id.localeCompare(b.id));
  const dots = new Map();
  for (const { id, m } of order) {
    const dot = m.getElement() && m.getElement().querySelector(".dot");
    if (dot) dots.set(id, dot.getBoundingClientRect());
  }
  const shown = [];
  for (const { id, m } of order) {
    const e = m.getElement();
    const label = e && e.querySelector(".label");
    if (!label) continue;
    label.style.visibility = "visible";
    const r = label.getBoundingClientRect();
    const hitsDot = [...dots].some(([other, d]) => other !== id && overlap(r, d));
    if (hitsDot || shown.some((o) => overlap(r, o))) {
      label.style.visibility = "hidden";
    } else {
      shown.push(r);
    }
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function openSite(site, marker) {
  const s = siteState(site.id);
  const box = el("div", { class: "site-popup", "data-site": site.id });
  box.append(el("h4", {}, site.name), el("div", { class: "muted" }, `id ${site.id}`));
  box.append(el("div", {}, s.open ? `Offers: ${s.services.join(", ") || "nothing"}` : "Closed in this scenario"));
  const act = (label, fn, cls = "small") => box.append(el("button", { class: cls, type: "button", onclick: () => {
    fn(); map.closePopup(); refreshScenario();
  } }, label));
  if (state.closeSites.has(site.id)) {
    act("Reopen site", () => state.closeSites.delete(site.id));
  } else if (s.open) {
    if (s.services.includes("type1_ae")) {
      act("Close A&E", () => {
        for (const service of ["type1_ae", ...NEEDS_AE]) {
          if (s.services.includes(service)) state.closeServices.push({ site: site.id, service });
        }
      }, "small close-ae");
    }
    act("Close whole site", () => state.closeSites.add(site.id), "small close-site");
    for (const service of s.services) {
      if (service === "type1_ae") continue;
      act(`Withdraw ${service}`, () => state.closeServices.push({ site: site.id, service }));
    }
    for (const service of state.net.services) {
      if (!s.services.includes(service)) {
        act(`Add ${service}`, () => state.openServices.push({ site: site.id, service }));
      }
    }
  }
  if (s.edited && !state.closeSites.has(site.id)) {
    act("Undo changes here", () => {
      state.closeServices = state.closeServices.filter((x) => x.site !== site.id);
      state.openServices = state.openServices.filter((x) => x.site !== site.id);
      for (const c of Object.values(state.cover)) if (c.sites) delete c.sites[site.id];
    });
  }
  marker.bindPopup(box).openPopup();
  marker.unbindPopup();
}

function drawLegend(extra) {
  const legend = $("legend");
  legend.replaceChildren();
  legend.append(el("strong", {}, "Hospitals"), el("br"));
  for (const [, colour, label] of SERVICE_COLOURS) {
    legend.append(el("span", { class: "swatch", style: `background:${colour};border-radius:50%` }), label, el("br"));
  }
  legend.append(el("span", { class: "swatch", style: `background:${OTHER_COLOUR};border-radius:50%` }), "other", el("br"));
  legend.append(el("span", { class: "swatch", style: "background:#fff;border:2px solid #a4000f;border-radius:50%" }),
    "closed in the scenario", el("br"));
  legend.append(el("span", { class: "swatch", style: "background:#fff" }), el("b", {}, "bold name"), ": changed", el("br"));
  if (extra) legend.append(extra);
  if (state.derivedBoundaries) legend.append(el("div", { class: "muted" }, "Zones are derived Voronoi cells, not real boundaries"));
}

// ------------------------------------------------------------------ scenario panel

function draft() {
  const cover = {};
  for (const [service, c] of Object.entries(state.cover)) {
    const v = {};
    if (c.all) v.all = c.all;
    if (c.sites && Object.keys(c.sites).length) v.sites = c.sites;
    if (Object.keys(v).length) cover[service] = v;
  }
  return {
    name: $("name").value.trim(),
    configuration: state.configuration,
    scenarioConfiguration: scenarioConfiguration(),
    days: Number($("days").value), warmupDays: Number($("warmup").value),
    replications: Number($("replications").value), seed: Number($("seed").value),
    closeSites: [...state.closeSites], closeServices: state.closeServices, openServices: state.openServices,
    cover, fleetScale: Number($("fleet").value),
  };
}

function siteName(id) {
  const s = state.net.sites.find((x) => x.id === id);
  return s ? s.name : id;
}

function refreshScenario() {
  const list = $("changes");
  list.replaceChildren();
  const remove = (fn) => el("button", { class: "small", type: "button", onclick: () => { fn(); refreshScenario(); } }, "undo");
  for (const id of state.closeSites) list.append(el("li", {}, `Close ${siteName(id)} `, remove(() => state.closeSites.delete(id))));
  state.closeServices.forEach((c, i) => list.append(el("li", {}, `Withdraw ${c.service} at ${siteName(c.site)} `,
    remove(() => state.closeServices.splice(i, 1)))));
  state.openServices.forEach((c, i) => list.append(el("li", {}, `Add ${c.service} at ${siteName(c.site)} `,
    remove(() => state.openServices.splice(i, 1)))));
  for (const [service, c] of Object.entries(state.cover)) {
    if (c.all) list.append(el("li", {}, `Cover of ${service} at all sites: ${c.all} `, remove(() => delete c.all)));
    for (const [site, p] of Object.entries(c.sites || {})) {
      list.append(el("li", {}, `Cover of ${service} at ${siteName(site)}: ${p} `, remove(() => delete c.sites[site])));
    }
  }
  const fleet = Number($("fleet").value);
  if (fleet !== 1) list.append(el("li", {}, `Fleet scaled by ${fleet}`));
  if (!list.children.length) list.append(el("li", { class: "muted" }, "none yet: click a hospital on the map"));
  drawSites();
  const describe = (name) => {
    const c = state.net.configurations.find((x) => x.name === name);
    return c ? `${name}: ${c.vehicles} ambulances; strokes routed to ${c.strokeRouting.replaceAll("_", " ")}` : "";
  };
  const conf = state.net.configurations.find((c) => c.name === scenarioConfiguration());
  $("configuration-info").textContent = state.scenarioConfiguration && state.scenarioConfiguration !== state.configuration
    ? `Baseline ${describe(state.configuration)}. Scenario ${describe(state.scenarioConfiguration)}.`
    : describe(state.configuration);
  $("fleet-info").textContent = conf ? `(${Math.round(conf.vehicles * fleet)} ambulances)` : "";
}

function showProblems(problems) {
  const box = $("problems");
  box.replaceChildren(...problems.map((p) => el("li", {}, p)));
  box.hidden = problems.length === 0;
}

async function check() {
  const r = await api("/api/check", { method: "POST", body: JSON.stringify(draft()) });
  showProblems(r.ok ? [] : r.body.problems || [r.body.error]);
  status(r.ok ? "The scenario is valid" : "The scenario has problems");
}

async function save() {
  const r = await api("/api/save", { method: "POST", body: JSON.stringify(draft()) });
  showProblems(r.ok ? [] : r.body.problems || [r.body.error]);
  const box = $("saved");
  box.hidden = !r.ok;
  if (r.ok) {
    box.textContent = `Saved ${r.body.file}\nRun it with: acuteflow run ${r.body.file}\n\n${r.body.yaml}`;
    box.dataset.file = r.body.file;
    status(`Saved ${r.body.file}`);
  }
}

async function run() {
  const r = await api("/api/runs", { method: "POST", body: JSON.stringify(draft()) });
  showProblems(r.ok ? [] : r.body.problems || [r.body.error]);
  if (!r.ok) { status("Not run: the scenario has problems"); return; }
  follow(r.body);
  selectTab("runs");
}

// ------------------------------------------------------------------ runs

const jobs = new Map();

function follow(job) {
  jobs.set(job.id, job);
  drawRuns();
  const events = new EventSource(`/api/runs/${job.id}/events`);
  events.addEventListener("progress", (e) => {
    const j = JSON.parse(e.data);
    jobs.set(j.id, j);
    drawRuns();
    if (["done", "failed", "cancelled"].includes(j.state)) {
      events.close();
      if (j.state === "done") {
        status(`Run ${j.name} finished`);
        loadFolders(j.result).then(() => selectTab("results"));
      }
    }
  });
  events.onerror = () => events.close();
}

function drawRuns() {
  const list = $("runs");
  list.replaceChildren();
  const all = [...jobs.values()].sort((a, b) => b.id - a.id);
  for (const j of all) {
    const li = el("li", { "data-run": j.id, "data-state": j.state },
      el("strong", {}, `#${j.id} ${j.name}`), el("span", { class: `state ${j.state}` }, j.state), el("br"),
      el("progress", { max: String(j.total), value: String(j.done) }), `${j.done} of ${j.total} replications`);
    if (j.message) li.append(el("div", { class: "muted" }, j.message));
    if (j.problems && j.problems.length) li.append(el("ul", { class: "problems" }, ...j.problems.map((p) => el("li", {}, p))));
    if (j.state === "queued" || j.state === "running") {
      li.append(el("button", { class: "small", type: "button", onclick: () => api(`/api/runs/${j.id}`, { method: "DELETE" }) }, "Cancel"));
    }
    if (j.result) {
      li.append(el("button", { class: "small", type: "button", onclick: () => { openResult(j.result); selectTab("results"); } }, "Show results"));
    }
    list.append(li);
  }
  const running = all.filter((j) => j.state === "running" || j.state === "queued").length;
  $("runs-badge").textContent = running ? `(${running})` : "";
}

// ------------------------------------------------------------------ results

async function loadFolders(select) {
  const r = await api("/api/results");
  const folders = r.ok ? r.body : [];
  for (const id of ["result-folder", "compare-folder"]) {
    const s = $(id);
    const keep = id === "result-folder" ? (select || s.value) : s.value;
    s.replaceChildren(...(id === "compare-folder" ? [el("option", { value: "" }, "(none)")] : []),
      ...folders.map((f) => el("option", { value: f }, f)));
    if (keep && folders.includes(keep)) s.value = keep;
  }
  if ($("result-folder").value) await openResult($("result-folder").value);
}

async function openResult(path) {
  $("result-folder").value = path;
  const r = await api(`/api/result?path=${encodeURIComponent(path)}`);
  if (!r.ok) { status(r.body.error || "cannot open the results folder"); return; }
  state.result = r.body;
  const compare = $("compare-folder").value;
  state.compare = compare && compare !== path ? (await api(`/api/result?path=${encodeURIComponent(compare)}`)).body : null;
  const links = $("result-links");
  links.replaceChildren();
  if (r.body.report_html) links.append(el("a", { href: `/files/${path}/report.html`, target: "_blank" }, "full report"), " · ");
  links.append(el("a", { href: `/files/${path}/summary.csv` }, "summary.csv"));
  state.resultZones = r.body.zones_geojson ? await fetch(`/files/${path}/zones.geojson`).then((x) => x.json()) : null;
  state.resultSites = r.body.sites_geojson ? await fetch(`/files/${path}/sites.geojson`).then((x) => x.json()) : null;
  drawDeltaTable();
  drawSiteTable();
  drawBoroughTable();
  drawChangeMap();
}

function pair(result) {
  const d = (result && result.differences) || [];
  return d.length ? { scenario: d[0].scenario, baseline: d[0].baseline } : null;
}

function fmt(v, unit, signed) {
  if (v === "" || v === undefined || v === null || !Number.isFinite(Number(v))) return "n/a";
  let x = Number(v);
  let digits = 1;
  if (unit === "share") { x *= 100; digits = Math.abs(x) < 1 ? 2 : 1; }
  if (unit === "count") digits = Math.abs(x) >= 100 ? 0 : 1;
  const s = x.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed && x > 0 ? `+${s}` : s;
}

function deltaCell(row, unit, lowerIsBetter) {
  if (!row) return el("td", {}, "n/a");
  const mean = Number(row.mean_difference);
  const interval = row.ci95_low === "" ? "" : ` (${fmt(row.ci95_low, unit, true)} to ${fmt(row.ci95_high, unit, true)})`;
  const clear = row.ci95_low !== "" && (Number(row.ci95_low) > 0 || Number(row.ci95_high) < 0);
  const good = lowerIsBetter ? mean < 0 : mean > 0;
  return el("td", { class: clear ? (good ? "better" : "worse") : "", "data-metric": row.metric },
    `${fmt(mean, unit, true)}${unit === "share" ? " pts" : ""}${interval}`);
}

function drawDeltaTable() {
  const t = $("delta-table");
  t.replaceChildren();
  const p = pair(state.result);
  if (!p) { t.append(el("tr", {}, el("td", {}, "This folder has no differences.csv (one scenario).") )); return; }
  const comp = state.compare && pair(state.compare);
  const head = el("tr", {}, el("th", {}, "measure"), el("th", {}, `${p.scenario} − ${p.baseline}`));
  if (comp) head.append(el("th", {}, `${$("compare-folder").value}: ${comp.scenario} − ${comp.baseline}`));
  const psa = state.result.psa_differences;
  if (psa && psa.length) head.append(el("th", {}, "PSA interval"));
  t.append(el("thead", {}, head));
  const body = el("tbody");
  for (const [metric, label, unit, lower] of HEADLINE) {
    const row = state.result.differences.find((r) => r.metric === metric && r.scenario === p.scenario);
    if (!row) continue;
    const tr = el("tr", {}, el("th", {}, label), deltaCell(row, unit, lower));
    if (comp) tr.append(deltaCell(state.compare.differences.find((r) => r.metric === metric && r.scenario === comp.scenario), unit, lower));
    if (psa && psa.length) {
      const q = psa.find((r) => r.metric === metric && (!r.scenario || r.scenario === p.scenario));
      const lo = q && (q.ci95_low ?? q.p2_5 ?? q.low);
      const hi = q && (q.ci95_high ?? q.p97_5 ?? q.high);
      tr.append(el("td", {}, q && lo !== undefined ? `${fmt(lo, unit, true)} to ${fmt(hi, unit, true)}` : ""));
    }
    body.append(tr);
  }
  t.append(body);
  const deaths = state.result.differences.find((r) => r.metric === "deaths_total" && r.scenario === p.scenario);
  if (deaths) {
    const m = Number(deaths.mean_difference);
    status(m > 0 ? `${fmt(m, "count")} more deaths a year in ${p.scenario}` : `${fmt(-m, "count")} deaths a year averted in ${p.scenario}`);
  }
}

function number(v, decimals, signed) {
  if (v === "" || v === undefined || v === null || !Number.isFinite(Number(v))) return "–";
  const x = Number(v);
  const t = x.toLocaleString("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return signed && x > 0 && Number(t.replace(/,/g, "")) !== 0 ? "+" + t : t;
}

function drawSiteTable() {
  const t = $("site-table");
  t.replaceChildren();
  const p = pair(state.result);
  const rows = state.result.site_summary || [];
  if (!p || !rows.length) return;
  const present = new Set(Object.keys(rows[0]));
  const measures = (state.result.site_measures || []).filter((m) => present.has(m.column));
  const top = el("tr", {}, el("th", { rowspan: "2" }, "hospital"), el("th", { rowspan: "2" }, "services in scenario"));
  const sub = el("tr");
  for (const m of measures) {
    top.append(el("th", { colspan: "3" }, `${m.label} (${m.unit})`));
    sub.append(el("th", {}, p.baseline), el("th", {}, p.scenario), el("th", {}, "change"));
  }
  t.append(el("thead", {}, top, sub));
  const body = el("tbody");
  const base = new Map(rows.filter((r) => r.scenario === p.baseline).map((r) => [r.site_id, r]));
  const scen = rows.filter((r) => r.scenario === p.scenario);
  const admissions = "admissions_per_year_mean";
  const list = scen.map((r) => ({ r, b: base.get(r.site_id) || {} }))
    .filter(({ r, b }) => Number(b[admissions] || 0) > 0 || Number(r[admissions] || 0) > 0)
    .map((x) => ({ ...x, change: Number(x.r[admissions] || 0) - Number(x.b[admissions] || 0) }));
  list.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  for (const { r, b } of list) {
    const tr = el("tr", { "data-site": r.site_id }, el("td", {}, r.site_name + (r.open === "false" ? " (closed)" : "")),
      el("td", {}, r.services));
    for (const m of measures) {
      const v0 = b[m.column];
      const v1 = r[m.column];
      const both = v0 !== undefined && v0 !== "" && v1 !== "";
      tr.append(el("td", { "data-measure": m.column }, number(v0, m.decimals)), el("td", {}, number(v1, m.decimals)),
        el("td", {}, both ? number(Number(v1) - Number(v0), m.decimals, true) : "–"));
    }
    body.append(tr);
  }
  t.append(body);
}

function drawBoroughTable() {
  const t = $("borough-table");
  t.replaceChildren();
  const p = pair(state.result);
  const rows = state.result.borough_summary || [];
  if (!p || !rows.length) {
    t.append(el("tr", {}, el("td", {}, "No borough_summary.csv in this folder.")));
    return;
  }
  t.append(el("thead", {}, el("tr", {}, el("th", {}, "borough"), el("th", {}, "deaths per 100,000, baseline"),
    el("th", {}, "scenario"), el("th", {}, "change"), el("th", {}, "stroke travel change (min)"))));
  const body = el("tbody");
  const base = new Map(rows.filter((r) => r.scenario === p.baseline).map((r) => [r.area, r]));
  const list = rows.filter((r) => r.scenario === p.scenario).map((r) => {
    const b = base.get(r.area) || {};
    return { r, b, change: Number(r.deaths_per_100000) - Number(b.deaths_per_100000),
      travel: Number(r.stroke_travel_minutes_mean) - Number(b.stroke_travel_minutes_mean) };
  });
  list.sort((a, b) => b.change - a.change);
  for (const { r, b, change, travel } of list) {
    body.append(el("tr", { "data-area": r.area }, el("td", {}, r.area), el("td", {}, fmt(b.deaths_per_100000, "minutes")),
      el("td", {}, fmt(r.deaths_per_100000, "minutes")), el("td", { class: change > 0 ? "worse" : change < 0 ? "better" : "" },
        fmt(change, "minutes", true)), el("td", {}, fmt(travel, "minutes", true))));
  }
  t.append(body);
}

const RAMP = ["#2166ac", "#67a9cf", "#d1e5f0", "#f7f7f7", "#fddbc7", "#ef8a62", "#b2182b"];

function rampColour(v, max) {
  if (!Number.isFinite(v)) return "#dddddd";
  if (max <= 0) return RAMP[3];
  const t = Math.max(-1, Math.min(1, v / max));
  const i = Math.round((t + 1) / 2 * (RAMP.length - 1));
  return RAMP[i];
}

function drawChangeMap() {
  admissionsLayer.clearLayers();
  const p = pair(state.result);
  const measure = $("change-measure").value;
  const title = $("map-title");
  if (!p) { title.textContent = ""; return; }
  state.zoneChange = new Map();
  if ((measure === "travel" || measure === "deaths") && state.resultZones) {
    for (const f of state.resultZones.features) {
      const q = f.properties;
      let v;
      if (measure === "travel") {
        v = q[`${p.scenario}.stroke_travel_minutes`] - q[`${p.baseline}.stroke_travel_minutes`];
      } else {
        v = (q[`${p.scenario}.expected_deaths_per_year`] - q[`${p.baseline}.expected_deaths_per_year`]) / q.population * 1e5;
      }
      state.zoneChange.set(q.id, v);
    }
  }
  const values = [...state.zoneChange.values()].filter(Number.isFinite).map(Math.abs).sort((a, b) => a - b);
  const max = values.length ? values[Math.floor(values.length * 0.98)] || values[values.length - 1] : 0;
  state.changeUnit = measure === "travel" ? "min" : "per 100,000";
  zonesLayer.eachLayer((l) => {
    const v = state.zoneChange.get(l.feature.properties.id);
    l.setStyle(v === undefined ? zoneStyle() : { fillColor: rampColour(v, max), fillOpacity: 0.85, color: "#9aa9b8", weight: 0.2 });
  });
  let legendExtra = el("div");
  if (measure === "admissions" && state.resultSites) {
    let maxAbs = 0;
    const deltas = state.resultSites.features.map((f) => {
      const d = (f.properties[`${p.scenario}.admissions_per_year`] ?? 0) - (f.properties[`${p.baseline}.admissions_per_year`] ?? 0);
      maxAbs = Math.max(maxAbs, Math.abs(d));
      return [f, d];
    });
    for (const [f, d] of deltas) {
      if (!d) continue;
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], { renderer: canvas, radius: 4 + 26 * Math.sqrt(Math.abs(d) / maxAbs),
        color: d > 0 ? "#b2182b" : "#2166ac", fillOpacity: 0.35, weight: 1.5 })
        .bindTooltip(`${f.properties.name}: ${d > 0 ? "+" : ""}${Math.round(d).toLocaleString()} admissions a year`)
        .addTo(admissionsLayer);
    }
    legendExtra.append(el("strong", {}, "Admissions a year"), el("br"),
      el("span", { class: "swatch", style: "background:#b2182b;border-radius:50%" }), "more ",
      el("span", { class: "swatch", style: "background:#2166ac;border-radius:50%" }), "fewer", el("br"),
      `largest change ${Math.round(maxAbs).toLocaleString()}`);
    title.textContent = `Change in site admissions a year: ${p.scenario} − ${p.baseline}`;
  } else {
    const label = measure === "travel" ? "stroke travel minutes" : "deaths per 100,000 residents a year";
    title.textContent = `Change in ${label}: ${p.scenario} − ${p.baseline}`;
    const ramp = el("div", { class: "ramp" }, ...RAMP.map((c) => el("span", { style: `background:${c}` })));
    legendExtra.append(el("strong", {}, `Change in ${label}`), ramp,
      el("div", {}, `−${max.toFixed(2)} (better)`, el("span", { style: "float:right" }, `+${max.toFixed(2)} (worse)`)));
  }
  title.dataset.measure = measure;
  drawLegend(legendExtra);
}

// ------------------------------------------------------------------ wiring

function selectTab(name) {
  for (const b of document.querySelectorAll(".tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const t of document.querySelectorAll(".tab")) t.hidden = t.id !== `tab-${name}`;
}

async function init() {
  for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => selectTab(b.dataset.tab));
  const r = await api("/api/network");
  state.net = r.body;
  $("network-name").textContent = `network ${state.net.name}: ${state.net.sites.length} hospitals`;
  const confSelect = $("configuration");
  for (const c of state.net.configurations) confSelect.append(el("option", { value: c.name }, c.name));
  state.configuration = state.net.configurations.some((c) => c.name === "concentrated-2010")
    ? "concentrated-2010" : state.net.configurations[0].name;
  confSelect.value = state.configuration;
  confSelect.addEventListener("change", () => { state.configuration = confSelect.value; refreshScenario(); });
  const scenSelect = $("scenario-configuration");
  scenSelect.append(el("option", { value: "" }, "the baseline's"));
  for (const c of state.net.configurations) scenSelect.append(el("option", { value: c.name }, c.name));
  scenSelect.addEventListener("change", () => { state.scenarioConfiguration = scenSelect.value; refreshScenario(); });
  for (const s of state.net.services) $("cover-service").append(el("option", { value: s }, s));
  for (const p of state.net.coverProfiles) $("cover-profile").append(el("option", { value: p }, p));
  for (const s of state.net.sites) $("cover-site").append(el("option", { value: s.id }, s.name));
  $("cover-add").addEventListener("click", () => {
    const service = $("cover-service").value;
    const site = $("cover-site").value;
    const c = state.cover[service] || (state.cover[service] = { sites: {} });
    if (site) c.sites[site] = $("cover-profile").value; else c.all = $("cover-profile").value;
    refreshScenario();
  });
  $("fleet").addEventListener("input", refreshScenario);
  $("check").addEventListener("click", check);
  $("run").addEventListener("click", run);
  $("save").addEventListener("click", save);
  $("result-folder").addEventListener("change", () => openResult($("result-folder").value));
  $("compare-folder").addEventListener("change", () => openResult($("result-folder").value));
  $("change-measure").addEventListener("change", drawChangeMap);
  $("show-names").addEventListener("change", (e) => document.getElementById("map").classList.toggle("hide-names", !e.target.checked));
  await loadBoundaries();
  refreshScenario();
  await loadFolders();
  const runs = await api("/api/runs");
  if (runs.ok) for (const j of runs.body) { jobs.set(j.id, j); if (j.state === "queued" || j.state === "running") follow(j); }
  drawRuns();
  document.body.dataset.ready = "true";
  status("Ready");
}

init().catch((e) => { status(`Could not start: ${e}`); throw e; });
