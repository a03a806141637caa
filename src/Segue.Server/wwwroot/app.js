// The Segue page: build a playlist, see the served recommenders continue it side by side, and why.
// Plain DOM, no framework and nothing fetched from elsewhere: it works offline, under a strict CSP.
// Every name from the data goes in as text (textContent), never as markup.
"use strict";

const K = 20;
const STORE = "segue.playlist", COMPARE = "segue.compare", TOKEN = "segue.token";
const state = {
  title: "", tracks: [],        // tracks: catalogue entries {uri, name, artist, album, duration_ms, ...}
  pid: null, split: null, withheld: [],   // the dataset playlist it was loaded from; a held-out one's withheld tracks
};
let recommenders = [], limits = { max_tracks: 250, max_k: 500, max_title_length: 200 };
let undoStack = [];
let generation = 0;           // answers to an older playlist are dropped
let pendingFocus = null;      // {column, index}: where focus goes once that column is redrawn

const $ = (id) => document.getElementById(id);

function element(tag, { dataset = {}, attrs = {}, ...props } = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  Object.assign(e.dataset, dataset);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// Control characters and bidirectional overrides in a name would hide or reorder the rest of its
// row: each is shown as U+FFFD, and every name is isolated (<bdi>) so that right-to-left text
// stays inside its own span.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const clean = (text) => String(text ?? "").replace(UNSAFE, "\ufffd");
const bdi = (text, className) => element("bdi", { className: className || "", textContent: clean(text) });
const quoted = (text) => `\u201c${clean(text)}\u201d`;
const minutes = (ms) => `${Math.floor(ms / 60000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}`;
const count = (n, one, many = one + "s") => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

function announce(text) {
  // A fresh node each time, so that a repeated message is read again.
  $("status").replaceChildren(element("span", { textContent: text }));
}

class Unreachable extends Error {}
class NeedsToken extends Error {}

async function api(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  const token = sessionStorage.getItem(TOKEN);
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch {
    throw new Unreachable("The Segue server cannot be reached: is it still running?");
  }
  if (response.status === 401) throw new NeedsToken("This server wants an access token.");
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.detail || body?.title || `the server answered ${response.status}`);
  hideBanner();
  return body;
}

const post = (path, body) => api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

function showBanner(error) {
  $("banner-text").textContent = error.message;
  $("token-form").hidden = !(error instanceof NeedsToken);
  $("banner-retry").hidden = error instanceof NeedsToken;
  $("banner").hidden = false;
}

function hideBanner() { $("banner").hidden = true; }

// ---- the playlist ------------------------------------------------------------------------------

function snapshot() {
  return { title: state.title, tracks: [...state.tracks], pid: state.pid, split: state.split, withheld: [...state.withheld] };
}

function restore(saved) {
  Object.assign(state, saved);
  $("title").value = state.title;
}

function remember(label) {
  undoStack.push({ label, saved: snapshot() });
  $("undo").textContent = `Undo ${label}`;
  $("undo").hidden = false;
}

function undo() {
  const last = undoStack.pop();
  if (!last) return;
  restore(last.saved);
  $("undo").hidden = undoStack.length === 0;
  if (undoStack.length) $("undo").textContent = `Undo ${undoStack[undoStack.length - 1].label}`;
  changed();
  announce(`Undone: ${last.label}. ${count(state.tracks.length, "track")}.`);
  $(undoStack.length ? "undo" : "clear").focus();
}

function addTrack(track) {
  if (state.tracks.some(t => t.uri === track.uri)) {
    announce(`${clean(track.name)} is already in the playlist.`);
    return false;
  }
  if (state.tracks.length >= limits.max_tracks) {
    announce(`The playlist is full: at most ${limits.max_tracks} tracks.`);
    return false;
  }
  state.tracks.push(track);
  changed();
  announce(`Added ${clean(track.name)} by ${clean(track.artist)}. ${count(state.tracks.length, "track")}.`);
  return true;
}

function removeTrack(i) {
  const [track] = state.tracks.splice(i, 1);
  changed();
  announce(`Removed ${clean(track.name)}. ${count(state.tracks.length, "track")}.`);
  const rows = $("playlist").children;
  if (rows.length) rows[Math.min(i, rows.length - 1)].querySelector(".remove").focus();
  else $("search").focus();
}

function move(i, by) {
  const j = i + by;
  if (j < 0 || j >= state.tracks.length) return;
  [state.tracks[i], state.tracks[j]] = [state.tracks[j], state.tracks[i]];
  changed();
  announce(`Moved ${clean(state.tracks[j].name)} to position ${j + 1} of ${state.tracks.length}.`);
  // Focus follows the track; at an end, to the button that can still move it.
  const row = $("playlist").children[j];
  const edge = (by < 0 && j === 0) || (by > 0 && j === state.tracks.length - 1);
  row.querySelector(by < 0 ? (edge ? ".down" : ".up") : (edge ? ".up" : ".down")).focus();
}

function trackText(track) {
  return element("div", { className: "what" },
    element("span", { className: "name" }, bdi(track.name)),
    element("span", { className: "sub" }, bdi(track.artist), " \u00b7 ", bdi(track.album), ` \u00b7 ${minutes(track.duration_ms)}`));
}

function renderPlaylist() {
  const button = (className, label, text, action, disabled = false) =>
    element("button", { type: "button", className, title: label, textContent: text, onclick: action, disabled, attrs: { "aria-label": label } });
  $("playlist").replaceChildren(...state.tracks.map((track, i) => {
    const name = `${clean(track.name)} by ${clean(track.artist)}`;
    return element("li", { title: `${clean(track.name)} - ${clean(track.artist)} (${clean(track.album)})` }, trackText(track),
      button("up", `Move ${name} up`, "\u2191", () => move(i, -1), i === 0),
      button("down", `Move ${name} down`, "\u2193", () => move(i, 1), i === state.tracks.length - 1),
      button("remove", `Remove ${name}`, "\u2715", () => removeTrack(i)));
  }));
  $("playlist-count").textContent = state.tracks.length;
  $("empty-note").hidden = state.tracks.length > 0;
  const full = state.tracks.length >= limits.max_tracks;
  $("limit-note").hidden = !full;
  $("limit-note").textContent = full ? `The playlist is full: a request holds at most ${limits.max_tracks} tracks. Remove one to add another.` : "";
  const note = $("split-note");
  note.hidden = state.pid === null;
  note.textContent = state.pid === null ? ""
    : state.split === "test"
      ? `Held-out playlist ${state.pid} (test split): no recommender was trained on it. As in evaluation, its first ${state.tracks.length === 0 ? 0 : Math.min(state.tracks.length, 5)} tracks are the playlist; its ${count(state.withheld.length, "other track")} are withheld and marked \u2713 where a recommender finds them.`
      : `Training playlist ${state.pid}: every recommender has seen it whole, so its tracks are easy to find again.`;
  for (const id of ["export-uris", "export-json", "export-csv", "clear"]) $(id).disabled = state.tracks.length === 0 && !state.title;
}

let continueTimer;
function changed({ soon = false } = {}) {
  renderPlaylist();
  save();
  clearTimeout(continueTimer);
  const started = performance.now();
  // Typing waits for a pause; a click or a key press that changes the playlist asks at once.
  if (soon) continueTimer = setTimeout(() => continueAll(started), 150);
  else continueAll(started);
}

// ---- state that survives: the URL (shareable) and local storage (this browser) -----------------

const ID = "spotify:track:";

// A track in the link: a Spotify URI as its 22 characters (the links stay short), any other id
// (a playlist table's: any text, commas included) as "~" and the id percent-encoded.
function toLink(uri) {
  const rest = uri.startsWith(ID) ? uri.slice(ID.length) : "";
  return /^[0-9A-Za-z]+$/.test(rest) ? rest : "~" + encodeURIComponent(uri);
}

function fromLink(id) {
  if (!id.startsWith("~")) return ID + id;
  try { return decodeURIComponent(id.slice(1)); } catch { return null; }
}

function save() {
  const params = new URLSearchParams();
  if (state.title) params.set("title", state.title);
  if (state.tracks.length) params.set("tracks", state.tracks.map(t => toLink(t.uri)).join(","));
  if (state.pid !== null) params.set("pid", state.pid);
  // In the fragment: never sent to the server, so a long playlist makes no long request line.
  const hash = params.toString();
  history.replaceState(null, "", hash ? `${location.pathname}#${hash}` : location.pathname);
  try { localStorage.setItem(STORE, JSON.stringify(snapshot())); } catch { /* storage full or off: the URL still has it */ }
}

async function load() {
  const hash = new URLSearchParams(location.hash.slice(1));
  const query = new URLSearchParams(location.search);
  if (hash.has("tracks") || hash.has("title")) {
    const uris = (hash.get("tracks") || "").split(",").filter(Boolean).map(fromLink).filter(Boolean).slice(0, limits.max_tracks);
    const found = uris.length ? await post("/api/tracks/lookup", { uris }) : { tracks: [], unknown: [] };
    state.title = $("title").value = hash.get("title") || "";
    state.tracks = found.tracks;
    if (hash.has("pid")) await withheldOf(Number(hash.get("pid")));
    if (found.unknown.length) announce(`${count(found.unknown.length, "track")} of the link not in this catalogue, left out.`);
    return;
  }
  if (query.has("pid")) {                      // /?pid=17 links to a dataset playlist
    $("pid").value = query.get("pid");
    await loadPlaylist();
    return;
  }
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) || "null");
    if (saved && Array.isArray(saved.tracks)) restore({ ...snapshot(), ...saved });
  } catch { /* nothing usable saved */ }
}

async function withheldOf(pid) {
  try {
    const playlist = await api(`/api/playlists/${pid}`);
    state.pid = playlist.pid;
    state.split = playlist.split;
    state.withheld = playlist.split === "test" ? playlist.tracks.slice(playlist.evaluation_seeds).map(t => t.uri) : [];
  } catch { state.pid = null; state.split = null; state.withheld = []; }
}

async function loadPlaylist(event) {
  event?.preventDefault();
  const error = $("load-error");
  error.hidden = true;
  const pid = $("pid").value.trim();
  if (!/^\d+$/.test(pid)) {
    error.textContent = "Give a playlist's pid: a whole number, 0 or more.";
    error.hidden = false;
    $("pid").focus();
    return;
  }
  try {
    const playlist = await api(`/api/playlists/${pid}`);
    if (state.tracks.length || state.title) remember("load");
    state.title = $("title").value = playlist.name;
    state.pid = playlist.pid;
    state.split = playlist.split;
    const seeds = playlist.split === "test" ? playlist.evaluation_seeds : playlist.tracks.length;
    state.tracks = playlist.tracks.slice(0, Math.min(seeds, limits.max_tracks));
    state.withheld = playlist.tracks.slice(seeds).map(t => t.uri);
    changed();
    announce(`Loaded playlist ${playlist.pid}, ${quoted(playlist.name)}: ${count(state.tracks.length, "track")}.`);
  } catch (e) {
    if (e instanceof Unreachable || e instanceof NeedsToken) { showBanner(e); return; }
    error.textContent = e.message;
    error.hidden = false;
  }
}

function clearPlaylist() {
  if (!state.tracks.length && !state.title) return;
  remember("clear");
  restore({ title: "", tracks: [], pid: null, split: null, withheld: [] });
  changed();
  announce("Playlist cleared. Undo brings it back.");
  $("undo").focus();
}

// ---- export ------------------------------------------------------------------------------------

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce(`Exported ${name}.`);
}

const csvField = (value) => /[",\r\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value);

function exportAs(kind) {
  const name = (state.title || "playlist").replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "playlist";
  if (kind === "uris") download(`${name}.txt`, "text/plain", state.tracks.map(t => t.uri).join("\n") + "\n");
  if (kind === "json") download(`${name}.json`, "application/json", JSON.stringify({ title: state.title || null, tracks: state.tracks }, null, 2) + "\n");
  if (kind === "csv") {
    const columns = ["uri", "name", "artist", "album", "duration_ms"];
    download(`${name}.csv`, "text/csv", [columns.join(","), ...state.tracks.map(t => columns.map(c => csvField(t[c])).join(","))].join("\r\n") + "\r\n");
  }
}

// ---- search ------------------------------------------------------------------------------------

let searchTimer, searchNext = null, activeOption = -1, searchResults = [];

function options() { return [...$("search-results").children]; }

function setActive(i) {
  const list = options();
  activeOption = list.length ? (i + list.length) % list.length : -1;
  list.forEach((li, n) => li.setAttribute("aria-selected", String(n === activeOption)));
  const active = list[activeOption];
  if (active) {
    $("search").setAttribute("aria-activedescendant", active.id);
    active.scrollIntoView({ block: "nearest" });
  } else $("search").removeAttribute("aria-activedescendant");
}

function closeResults() {
  $("search-results").hidden = true;
  $("search").setAttribute("aria-expanded", "false");
  setActive(-1);
}

function renderResults(tracks, append) {
  if (!append) searchResults = [];
  const start = searchResults.length;
  searchResults.push(...tracks);
  const items = tracks.map((track, n) => element("li", {
    id: `result-${start + n}`, onclick: () => { addTrack(track); $("search").focus(); },
    attrs: { role: "option", "aria-selected": "false" },
  }, trackText(track), element("span", { className: "sub", textContent: count(track.playlists, "playlist") })));
  if (append) $("search-results").append(...items);
  else {
    $("search-results").replaceChildren(...items);
    setActive(-1);
  }
  const open = searchResults.length > 0;
  $("search-results").hidden = !open;
  $("search").setAttribute("aria-expanded", String(open));
  $("search-more").hidden = searchNext === null;
}

async function runSearch(append = false) {
  const q = $("search").value.trim();
  const note = $("search-state");
  if (!q) { closeResults(); note.textContent = ""; $("search-more").hidden = true; return; }
  note.textContent = "Searching\u2026";
  try {
    const page = await api(`/api/tracks?q=${encodeURIComponent(q)}&limit=15&offset=${append ? searchNext : 0}`);
    if ($("search").value.trim() !== q) return;
    searchNext = page.next_offset;
    renderResults(page.tracks, append);
    const shown = searchResults.length;
    note.textContent = shown === 0 ? `No track, artist or album matches ${quoted(q)}.`
      : `${count(shown, "result")}${searchNext === null ? "" : " so far"} for ${quoted(q)}.`;
    if (append) setActive(shown - page.tracks.length);
  } catch (e) {
    if (e instanceof Unreachable || e instanceof NeedsToken) showBanner(e);
    closeResults();
    note.textContent = e.message;
  }
}

function searchKey(event) {
  const open = !$("search-results").hidden;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (!open) return;
    event.preventDefault();
    setActive(activeOption < 0 && event.key === "ArrowUp" ? -1 : activeOption + (event.key === "ArrowDown" ? 1 : -1));
  } else if (event.key === "Enter") {
    event.preventDefault();
    if (open && activeOption >= 0) addTrack(searchResults[activeOption]);
    else if (open) setActive(0);
  } else if (event.key === "Escape" && open) {
    event.preventDefault();
    closeResults();
  }
}

// ---- continuations -----------------------------------------------------------------------------

const shown = () => recommenders.filter(r => !$(`column-${r.name}`)?.hidden);
const column = (name) => $(`column-${name}`);

async function continueAll(started = performance.now()) {
  const mine = ++generation;
  const empty = state.tracks.length === 0 && !state.title;
  const request = { title: state.title || null, tracks: state.tracks.map(t => t.uri), k: K, reasons: true };
  const columns = shown();
  await Promise.all(columns.map(async (r) => {
    const c = column(r.name);
    if (empty) { renderEmpty(c); return; }
    c.setAttribute("aria-busy", "true");
    c.querySelector(".state").textContent = "Updating\u2026";
    try {
      const answer = await post("/api/continue", { ...request, recommender: r.name });
      if (mine === generation) renderContinuation(c, r, answer);
    } catch (e) {
      if (mine !== generation) return;
      if (e instanceof Unreachable || e instanceof NeedsToken) showBanner(e);
      setState(c, e.message, true);
      c.querySelector("ol").replaceChildren();
    } finally {
      if (mine === generation) c.setAttribute("aria-busy", "false");
    }
  }));
  if (mine !== generation) return;
  const took = performance.now() - started;
  (window.segueTimings ||= []).push(took);
  if (!empty && columns.length) announce(`Continuations updated: ${columns.map(r => r.name).join(", ")}.`);
}

function setState(c, text, warn) {
  const s = c.querySelector(".state");
  s.textContent = text;
  s.classList.toggle("warn", !!warn);
}

function renderEmpty(c) {
  c.setAttribute("aria-busy", "false");
  setState(c, "Add a track or type a title to see this recommender's continuation.");
  c.querySelector("ol").replaceChildren();
}

function titleNote(r, answer) {
  switch (answer.title_use) {
    case "ignored": return `It ignores the title.`;
    case "unknown": return `No training playlist has the title ${quoted(state.title)} or a word of it: the title tells it nothing.`;
    default: return "";
  }
}

function reasonText(r, answer, rec) {
  const why = rec.reason, about = why?.estimated ? "about " : "";
  if (answer.fallback || r.kind === "popularity") {
    const text = `Popular: in ${count(rec.track.playlists, "training playlist")}.`;
    return { short: text, long: text };
  }
  const parts = [];
  if (why?.seed) {
    const seed = state.tracks.find(t => t.uri === why.seed);
    parts.push(`With ${seed ? quoted(seed.name) : "a seed"} in ${about}${count(why.with_seed, "playlist")}`);
    if (why.with_seeds > why.with_seed) parts.push(`with your tracks in ${about}${count(why.with_seeds, "playlist")}`);
  }
  if (why?.with_title > 0) parts.push(`in ${about}${count(why.with_title, "playlist")} titled ${quoted(state.title)}`);
  if (!parts.length) {
    const text = r.kind === "model" ? "Near your tracks in the model's embeddings; in no playlist with them."
      : `In ${count(rec.track.playlists, "training playlist")}.`;
    return { short: text, long: text };
  }
  const sentence = (list) => { const text = list.join("; "); return text[0].toUpperCase() + text.slice(1) + "."; };
  return { short: sentence(parts.slice(0, 1)), long: sentence(parts) };
}

function renderContinuation(c, r, answer) {
  const notes = [];
  if (answer.fallback) notes.push(r.uses === "seeds" ? "No known track to start from: the most popular tracks instead."
    : "Nothing it knows to start from: the most popular tracks instead.");
  const title = titleNote(r, answer);
  if (title) notes.push(title);
  if (answer.unknown.length) notes.push(`Not in the catalogue, skipped: ${answer.unknown.map(clean).join(", ")}.`);
  const hits = answer.tracks.filter(t => state.withheld.includes(t.track.uri)).length;
  if (state.withheld.length) notes.push(`${hits} of the ${count(state.withheld.length, "withheld track")} found in the top ${answer.tracks.length}.`);
  setState(c, notes.join(" ") || `Top ${answer.tracks.length}.`, answer.fallback || answer.title_use === "unknown");

  const scores = answer.tracks.map(t => t.score), high = Math.max(...scores), low = Math.min(...scores);
  c.querySelector("ol").replaceChildren(...answer.tracks.map((rec, i) => {
    const t = rec.track, hit = state.withheld.includes(t.uri);
    const relative = high > low ? (rec.score - low) / (high - low) : 1;
    const bar = element("span", { className: "bar", attrs: { "aria-hidden": "true" } }, element("span"));
    bar.firstChild.style.width = `${Math.max(2, Math.round(relative * 100))}%`;
    const raw = answer.fallback ? `${count(t.playlists, "training playlist")}` : `raw score ${rec.score.toPrecision(4)}`;
    const add = element("button", {
      type: "button", className: "add", textContent: "+", title: `Add ${clean(t.name)}`,
      attrs: { "aria-label": `Add ${clean(t.name)} by ${clean(t.artist)}` },
      onclick: () => { pendingFocus = { column: r.name, index: i }; addTrack(t); },
    });
    const what = trackText(t);
    const why = reasonText(r, answer, rec);
    what.append(element("span", { className: "why", textContent: why.short, title: why.long }), bar,
      element("span", { className: "visually-hidden", textContent: `${why.long === why.short ? "" : why.long + " "}Rank ${rec.rank}, ${raw}.` }));
    if (hit) what.querySelector(".name").prepend(element("span", { className: "hit-mark", textContent: "\u2713 withheld " }));
    return element("li", { className: hit ? "hit" : "", title: `${clean(t.name)} - ${clean(t.artist)} (${clean(t.album)}): rank ${rec.rank}, ${raw}` },
      what, add);
  }));
  if (pendingFocus?.column === r.name) {
    const buttons = c.querySelectorAll("button.add");
    (buttons[Math.min(pendingFocus.index, buttons.length - 1)] || $("search")).focus();
    pendingFocus = null;
  }
}

const USES = { seeds: "reads your tracks", title: "reads the title", seeds_and_title: "reads your tracks and the title", neither: "reads neither" };

function renderRecommenders() {
  let chosen = null;
  try { chosen = JSON.parse(localStorage.getItem(COMPARE) || "null"); } catch { /* none saved */ }
  $("served").textContent = `${count(recommenders.length, "recommender")} served`;
  $("recommenders").replaceChildren(...recommenders.map(r =>
    element("section", { id: `column-${r.name}`, className: "recommender", dataset: { name: r.name },
      hidden: Array.isArray(chosen) && !chosen.includes(r.name), attrs: { "aria-labelledby": `heading-${r.name}`, "aria-busy": "false" } },
      element("h3", { id: `heading-${r.name}` }, bdi(r.name), element("span", { className: "uses", textContent: USES[r.uses] || r.uses })),
      element("p", { className: "about", textContent: r.description }),
      element("p", { className: "state" }),
      element("ol", { className: "tracks", attrs: { "aria-label": `${clean(r.name)}'s continuation` } }))));
  $("compare-choices").replaceChildren(...recommenders.map(r => {
    const box = element("input", { type: "checkbox", checked: !column(r.name).hidden, onchange: () => choose(r.name, box.checked) });
    return element("label", { className: "check" }, box, bdi(r.name));
  }));
}

function choose(name, on) {
  column(name).hidden = !on;
  localStorage.setItem(COMPARE, JSON.stringify(shown().map(r => r.name)));
  announce(`${clean(name)} ${on ? "shown" : "hidden"}.`);
  if (on) continueAll();
}

// ---- the dataset and the runs ------------------------------------------------------------------

function figureRow(name, value) {
  return element("tr", {}, element("th", { textContent: name, attrs: { scope: "row" } }),
    element("td", { className: "n", textContent: typeof value === "number" ? value.toLocaleString("en", { maximumFractionDigits: 2 }) : value }));
}

function renderStats(stats) {
  $("served").textContent = `${count(recommenders.length, "recommender")} over ${count(stats.unique_tracks, "track")} from ${count(stats.playlists, "playlist")}`;
  $("figures").replaceChildren(
    figureRow("playlists", stats.playlists), figureRow("training / held-out", `${stats.train_playlists.toLocaleString("en")} / ${stats.test_playlists.toLocaleString("en")}`),
    figureRow("track occurrences", stats.track_occurrences), figureRow("unique tracks", stats.unique_tracks),
    figureRow("unique albums", stats.unique_albums), figureRow("unique artists", stats.unique_artists),
    figureRow("unique titles", stats.unique_titles), figureRow("average length", stats.average_playlist_length),
    figureRow("median length", stats.median_playlist_length), figureRow("lengths", `${stats.min_playlist_length} to ${stats.max_playlist_length}`));
  const svg = $("histogram"), ns = "http://www.w3.org/2000/svg";
  const buckets = stats.length_histogram, width = 560, height = 240, bottom = 40, left = 10;
  const most = Math.max(...buckets.map(b => b.playlists), 1), step = (width - left) / buckets.length;
  svg.replaceChildren(...buckets.flatMap((b, i) => {
    const h = (height - bottom - 10) * b.playlists / most, x = left + i * step;
    const bar = document.createElementNS(ns, "rect");
    Object.entries({ x: x + 1, y: height - bottom - h, width: Math.max(step - 2, 1), height: h }).forEach(([k, v]) => bar.setAttribute(k, v));
    bar.append(Object.assign(document.createElementNS(ns, "title"), { textContent: `${b.lengths}: ${b.playlists.toLocaleString("en")} playlists` }));
    const label = document.createElementNS(ns, "text");
    label.setAttribute("transform", `translate(${x + step / 2}, ${height - bottom + 6}) rotate(60)`);
    label.textContent = b.lengths;
    return [bar, label];
  }));
}

function renderRuns(runs) {
  if (!runs.folder) { $("runs-note").textContent = "No runs folder given (segue serve --runs DIR)."; return; }
  const cases = new Set(runs.runs.map(r => r.evaluated_on).filter(Boolean));
  $("runs-note").textContent = `${count(runs.runs.length, "run")} under ${clean(runs.folder)}.`
    + (cases.size > 1 ? " Their metrics were measured on different playlists (see \u201cevaluated on\u201d): compare them with care." : "");
  const metrics = ["track_recall@500", "r_precision", "ndcg", "mean_loss"];
  $("runs-table").replaceChildren(
    element("tr", {}, ...["run", "status", "steps", "evaluated on", ...metrics].map(h => element("th", { textContent: h, attrs: { scope: "col" } }))),
    ...runs.runs.map(r => element("tr", {},
      element("td", {}, bdi(r.name)), element("td", { textContent: r.problem ? `${r.status}: ${clean(r.problem)}` : r.status }),
      element("td", { className: "n", textContent: r.steps.toLocaleString("en") }),
      element("td", { textContent: r.evaluated_on || "-" }),
      ...metrics.map(m => element("td", { className: "n", textContent: m in r.metrics ? r.metrics[m].toFixed(4) : "-" })))));
  if (runs.runs.some(r => r.status === "complete")) {
    $("report").src = "/runs/report";
    $("report").hidden = false;
  }
}

// ---- start -------------------------------------------------------------------------------------

async function start() {
  try {
    [recommenders, limits] = await Promise.all([api("/api/recommenders"), api("/api/limits")]);
  } catch (e) {
    showBanner(e);
    return;
  }
  $("title").maxLength = limits.max_title_length;
  renderRecommenders();
  try { await load(); } catch (e) { if (e instanceof Unreachable || e instanceof NeedsToken) showBanner(e); }
  changed();
  api("/api/stats").then(renderStats, e => $("figures").replaceChildren(figureRow("error", e.message)));
  api("/api/runs").then(renderRuns, e => { $("runs-note").textContent = e.message; });
}

$("title").addEventListener("input", () => { state.title = $("title").value.trim(); changed({ soon: true }); });
$("search").addEventListener("input", () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => runSearch(), 120); });
$("search").addEventListener("keydown", searchKey);
$("search-more").addEventListener("click", () => runSearch(true));
$("load-form").addEventListener("submit", loadPlaylist);
$("clear").addEventListener("click", clearPlaylist);
$("undo").addEventListener("click", undo);
$("export-uris").addEventListener("click", () => exportAs("uris"));
$("export-json").addEventListener("click", () => exportAs("json"));
$("export-csv").addEventListener("click", () => exportAs("csv"));
$("banner-retry").addEventListener("click", () => { hideBanner(); recommenders.length ? continueAll() : start(); });
$("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN, $("token").value.trim());
  hideBanner();
  recommenders.length ? continueAll() : start();
});

start();
