// The Segue page: build a playlist, see every served recommender continue it side by side.
// Plain DOM, no framework and nothing fetched from elsewhere: it works offline.
"use strict";

const K = 20;
const state = { title: "", tracks: [], recommenders: [] };   // tracks: catalogue entries {uri, name, artist, ...}
let generation = 0;                                          // answers to an older playlist are dropped

const $ = (id) => document.getElementById(id);

function element(tag, { dataset = {}, ...props } = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  Object.assign(e.dataset, dataset);
  for (const c of children) e.append(c);
  return e;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || response.statusText);
  return body;
}

function trackItem(track, extra = []) {
  return element("li", { title: `${track.name} - ${track.artist} (${track.album})` },
    element("span", { className: "what" }, track.name + " ", element("span", { className: "artist" }, track.artist)),
    ...extra);
}

function addTrack(track) {
  if (state.tracks.some(t => t.uri === track.uri)) return;
  state.tracks.push(track);
  changed();
}

function renderPlaylist() {
  const list = $("playlist");
  list.replaceChildren(...state.tracks.map((track, i) => {
    const button = (label, text, action) => element("button", { type: "button", title: label, ariaLabel: label, textContent: text, onclick: action });
    return trackItem(track, [
      button("move up", "\u2191", () => move(i, -1)),
      button("move down", "\u2193", () => move(i, 1)),
      button("remove", "\u2715", () => { state.tracks.splice(i, 1); changed(); }),
    ]);
  }));
  $("playlist-count").textContent = state.tracks.length;
}

function move(i, by) {
  const j = i + by;
  if (j < 0 || j >= state.tracks.length) return;
  [state.tracks[i], state.tracks[j]] = [state.tracks[j], state.tracks[i]];
  changed();
}

let continueTimer;
function changed() {
  renderPlaylist();
  clearTimeout(continueTimer);
  continueTimer = setTimeout(continueAll, 200);
}

async function continueAll() {
  const mine = ++generation;
  const request = { title: state.title || null, tracks: state.tracks.map(t => t.uri), k: K };
  await Promise.all(state.recommenders.map(async (r) => {
    const column = document.querySelector(`.recommender[data-name="${CSS.escape(r.name)}"]`);
    try {
      const answer = await api("/api/continue", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...request, recommender: r.name }),
      });
      if (mine === generation) renderContinuation(column, answer);
    } catch (error) {
      if (mine === generation) column.querySelector("ol").replaceChildren(element("li", { className: "error", textContent: error.message }));
    }
  }));
}

function renderContinuation(column, answer) {
  column.querySelector(".badge").hidden = !answer.fallback;
  column.querySelector(".note").textContent = answer.unknown.length ? `not in the catalogue: ${answer.unknown.join(", ")}` : "";
  // A fallback's scores are popularity counts: whole numbers, shown as such.
  column.querySelector("ol").replaceChildren(...answer.tracks.map(track =>
    Object.assign(trackItem(track, [element("span", { className: "score", textContent: answer.fallback ? String(track.score) : track.score.toFixed(3) })]),
      { onclick: () => addTrack(track) })));
}

function renderRecommenders() {
  $("served").textContent = `serving ${state.recommenders.map(r => `${r.name} (${r.source})`).join(", ")}`;
  $("recommenders").replaceChildren(...state.recommenders.map(r =>
    element("div", { className: "recommender", dataset: { name: r.name } },
      element("h3", {}, r.name, element("span", { className: "badge", hidden: true, title: "no known seed: the most popular tracks", textContent: "popularity fallback" })),
      element("p", { className: "note" }),
      element("ol", { className: "tracks" }))));
}

let searchTimer;
function search() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const q = $("search").value.trim();
    const results = $("search-results");
    if (!q) { results.replaceChildren(); return; }
    try {
      const tracks = await api(`/api/tracks?q=${encodeURIComponent(q)}&limit=15`);
      if ($("search").value.trim() !== q) return;
      results.replaceChildren(...tracks.map(track =>
        Object.assign(trackItem(track, [element("span", { className: "score", textContent: `${track.playlists} playlists` })]),
          { onclick: () => addTrack(track) })));
    } catch (error) {
      results.replaceChildren(element("li", { className: "error", textContent: error.message }));
    }
  }, 150);
}

async function loadPlaylist(event) {
  event?.preventDefault();
  const error = $("load-error");
  error.hidden = true;
  try {
    const playlist = await api(`/api/playlists/${encodeURIComponent($("pid").value)}`);
    history.replaceState(null, "", `?pid=${playlist.pid}`);
    state.title = $("title").value = playlist.name;
    state.tracks = playlist.tracks;
    changed();
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

function figureRow(name, value) {
  return element("tr", {}, element("th", { textContent: name }),
    element("td", { className: "n", textContent: typeof value === "number" ? value.toLocaleString("en", { maximumFractionDigits: 2 }) : value }));
}

function renderStats(stats) {
  $("figures").replaceChildren(
    figureRow("playlists", stats.playlists), figureRow("training / test", `${stats.train_playlists.toLocaleString("en")} / ${stats.test_playlists.toLocaleString("en")}`),
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
  $("runs-note").textContent = `${runs.runs.length} run(s) under ${runs.folder}`;
  const metrics = ["track_recall@500", "r_precision", "ndcg", "mean_loss"];
  $("runs-table").replaceChildren(
    element("tr", {}, ...["run", "status", "steps", ...metrics].map(h => element("th", { textContent: h }))),
    ...runs.runs.map(r => element("tr", {},
      element("td", { textContent: r.name }), element("td", { textContent: r.status }),
      element("td", { className: "n", textContent: r.steps.toLocaleString("en") }),
      ...metrics.map(m => element("td", { className: "n", textContent: m in r.metrics ? r.metrics[m].toFixed(4) : "-" })))));
  if (runs.runs.some(r => r.status === "complete")) {
    $("report").src = "/runs/report";
    $("report").hidden = false;
  }
}

async function start() {
  $("title").addEventListener("input", () => { state.title = $("title").value.trim(); changed(); });
  $("search").addEventListener("input", search);
  $("load-form").addEventListener("submit", loadPlaylist);
  $("clear").addEventListener("click", () => { state.tracks = []; changed(); });
  state.recommenders = await api("/api/recommenders");
  renderRecommenders();
  // ?pid=N starts from that playlist of the dataset: a page to link to.
  const pid = new URLSearchParams(location.search).get("pid");
  if (pid !== null) {
    $("pid").value = pid;
    await loadPlaylist();
  }
  changed();
  api("/api/stats").then(renderStats, e => $("figures").replaceChildren(figureRow("error", e.message)));
  api("/api/runs").then(renderRuns, e => { $("runs-note").textContent = e.message; });
}

start();
