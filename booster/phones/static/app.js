// SPDX-License-Identifier: MIT
// The phone's page: join with the room code, pick a team, follow the card, answer. Plain JavaScript, no
// framework, nothing stored on the phone: the room code and team live in the address (#room=..&team=..) so
// that a reloaded page rejoins, and everything else in memory.
"use strict";

const $ = (id) => document.getElementById(id);
const S = { strings: {}, languages: [], lang: "", code: "", team: null, token: null, teams: [], version: "",
            data: null, shown: "", selected: null, recorded: "", poller: null, generation: 0, arming: null,
            kept: null };  // an answer tapped while the laptop could not be reached: sent when it is back

function t(key, fill) {
  let text = S.strings[key] || key;
  for (const [name, value] of Object.entries(fill || {})) text = text.split("{" + name + "}").join(value);
  return text;
}

function show(screen) {
  for (const id of ["join-screen", "team-screen", "play-screen"]) $(id).hidden = id !== screen;
}

function problem(text) {
  $("problem").hidden = !text;
  $("problem").textContent = text || "";
}

function connection(online) {
  // Whose connection is the problem: this phone's (no network at all) or the laptop's (the room's Wi-Fi
  // works, the laptop does not answer: asleep, closed, on another network).
  $("connection").hidden = online;
  $("connection").textContent = online ? t("online")
    : navigator.onLine === false ? t("phone_offline") : t("laptop_unreachable");
  if (online) sendKept();
}

async function api(method, path, body, signal) {
  const headers = { "Content-Type": "application/json" };
  if (S.token) headers["X-Token"] = S.token;
  const response = await fetch(path, { method, headers, cache: "no-store", credentials: "omit",
                                       body: body === undefined ? undefined : JSON.stringify(body),
                                       signal });
  let data = {};
  try { data = await response.json(); } catch (e) { data = {}; }
  return { status: response.status, data };
}

function remember() {
  const parts = [];
  if (S.code) parts.push("room=" + encodeURIComponent(S.code));
  if (S.team !== null) parts.push("team=" + S.team);
  // The phone's token too: a reloaded page is the same phone of the same team (not one more in the count).
  if (S.token) parts.push("token=" + encodeURIComponent(S.token));
  if (S.lang) parts.push("lang=" + encodeURIComponent(S.lang));
  history.replaceState(null, "", "#" + parts.join("&"));
}

async function hello(lang) {
  const { status, data } = await api("GET", "/api/hello" + (lang ? "?lang=" + encodeURIComponent(lang) : ""));
  if (status !== 200) throw new Error("hello " + status);
  S.strings = data.strings; S.languages = data.languages; S.lang = data.lang;
  document.documentElement.lang = S.lang;
  const select = $("lang");
  select.replaceChildren(...S.languages.map((l) => new Option(l.name, l.id, false, l.id === S.lang)));
  for (const [id, key] of [["title", "title"], ["intro", "intro"], ["code-label", "code_label"],
      ["join-button", "join"], ["teams-title", "teams_title"], ["change-team", "change_team"],
      ["answers-legend", "answers"], ["tool-legend", "tool_legend"], ["tools-title", "tools_title"],
      ["lang-label", "language"]]) $(id).textContent = t(key);
  document.title = t("title");
}

function refused(key) {
  const known = ["bad_code", "too_many", "expired"];
  return known.includes(key) ? t(key) : S.strings["refused_" + key] ? t("refused_" + key) : t("refused_not_legal");
}

async function enterCode(code) {
  const { status, data } = await api("POST", "/api/room", { code });
  if (status !== 200) { problem(refused(data.error)); return false; }
  S.code = code; S.teams = data.teams;
  return true;
}

function showTeams() {
  stopPolling(); S.token = null; S.team = null; remember();
  const list = $("teams");
  list.replaceChildren(...S.teams.map((name, i) => {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button"; button.textContent = name; button.dataset.team = String(i);
    button.addEventListener("click", () => joinTeam(i));
    li.append(button);
    return li;
  }));
  show("team-screen");
  $("teams-title").focus();
}

async function leaveTeam() {
  // "Change team" is a deliberate step: the server forgets this phone's token and the page the room code, so
  // a phone joins another team only by entering the code again (a mis-tap at join is still easy to undo).
  stopPolling();
  const token = S.token;
  S.token = null; S.team = null; S.code = ""; S.teams = []; S.data = null; S.shown = ""; S.recorded = "";
  remember();
  if (token) {
    try {
      await fetch("/api/leave", { method: "POST", headers: { "X-Token": token }, cache: "no-store",
                                  credentials: "omit" });
    } catch (e) { /* offline: the server forgets the token anyway once the phone stops asking */ }
  }
  problem("");
  $("code").value = "";
  show("join-screen");
  $("code").focus();
}

async function joinTeam(team) {
  const { status, data } = await api("POST", "/api/join", { code: S.code, team });
  if (status !== 200) { problem(refused(data.error)); show("join-screen"); return false; }
  problem("");
  S.token = data.token; S.team = data.team; S.version = ""; S.shown = ""; S.selected = null;
  remember();
  show("play-screen");
  $("team-name").textContent = t("team_label", { team: S.teams[S.team] || "" });
  $("team-name").focus();
  startPolling();
  return true;
}

// -- following the game: long polling, resumed at once when the phone wakes or comes back online ----------
function stopPolling() {
  S.generation += 1;
  if (S.poller) S.poller.abort();
  S.poller = null;
}

function startPolling() {
  stopPolling();
  poll(S.generation);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function poll(generation) {
  let failures = 0;
  while (generation === S.generation && S.token) {
    S.poller = new AbortController();
    const timer = setTimeout(() => S.poller && S.poller.abort(), 30000);
    try {
      const query = "?since=" + encodeURIComponent(S.version) + "&lang=" + encodeURIComponent(S.lang);
      const { status, data } = await api("GET", "/api/view" + query, undefined, S.poller.signal);
      clearTimeout(timer);
      if (generation !== S.generation) return;
      if (status === 401) { await rejoin(); return; }
      if (status !== 200) { await sleep(2000); continue; }
      failures = 0; connection(true);
      S.version = String(data.version);
      render(data);
    } catch (e) {
      clearTimeout(timer);
      if (generation !== S.generation) return;
      failures += 1;
      connection(false);
      await sleep(Math.min(5000, 500 * failures));
    }
  }
}

async function rejoin() {
  // The server forgot this phone (it restarted, or too many phones came): join again with what we have.
  // A new game (other team names) means choosing the team again.
  // A room with no teams yet is a laptop starting again: wait for its game to open (a resumed game keeps
  // its room code, so its phones get back in on their own).
  S.token = null;
  const before = JSON.stringify(S.teams);
  if (S.code && S.team !== null && await enterCode(S.code)) {
    if (S.teams.length === 0) { S.teams = JSON.parse(before); connection(false); await sleep(2000); return rejoin(); }
    if (JSON.stringify(S.teams) === before) await joinTeam(S.team);
    else showTeams();
  } else {
    problem(t("expired")); show("join-screen");
  }
}

// -- drawing the view -----------------------------------------------------------------------------------
function render(data) {
  const key = JSON.stringify([data.view, data.answered, data.answering, data.teams, S.lang, data.paused]);
  if (key === S.shown) return;
  const resumed = S.data && S.data.paused && !data.paused;
  S.shown = key; S.data = data; S.teams = data.teams;
  const view = data.view;
  // Paused by the facilitator (the projector is blacked out): every phone waits, nothing can be sent.
  $("paused").hidden = !data.paused;
  $("paused").textContent = t("paused");
  $("confirm").disabled = Boolean(data.paused);
  if (resumed) sendKept();
  $("team-name").textContent = t("team_label", { team: S.teams[S.team] || "" });
  const status = view.phase === "writing" ? t("writing", { stage: view.writing.name })
    : view.phase === "open" ? t(view.turn === null ? "all_open" : "your_turn")
    : view.phase === "answered" ? t("answered")
    : view.phase === "over" ? t("over")
    : view.turn !== null && view.turn !== S.team ? t("waiting_turn", { team: S.teams[view.turn] || "" })
    : t("waiting");
  $("status").textContent = status;
  const rec = view.recorded;
  $("recorded").hidden = !rec;
  if (rec) {
    const said = rec.tool_title ? t("recorded_tool", { option: rec.option_text, tool: rec.tool_title })
      : t("recorded", { option: rec.option_text });
    $("recorded").textContent = rec.laptop ? said + " " + t("recorded_laptop") : said;
  }
  // The recorded answer changed (this phone, another of the team, or the laptop entered, replaced or
  // withdrew it): the radio buttons follow it, so that they never show an answer the game does not hold.
  const recordedKey = JSON.stringify(rec && [rec.card, rec.option, rec.tool]);
  if (recordedKey !== S.recorded) {
    S.recorded = recordedKey;
    if (view.card) S.selected = { card: view.card.id, option: rec && rec.card === view.card.id ? rec.option : null,
                                  tool: rec && rec.card === view.card.id ? rec.tool : null };
  }
  $("progress").hidden = data.answering <= 1;
  $("progress").textContent = t(data.answered === 1 ? "answered_count_one" : "answered_count",
                                { n: data.answered, total: data.answering });
  drawWriting(view);
  drawCard(view);
  drawReveal(view);
  drawTools(view);
}

// The transfer step: the team writes its own answer for its project. What it types is only ever text.
function drawWriting(view) {
  const w = view.writing;
  $("writing").hidden = !w;
  if (!w) { S.writing = null; return; }
  $("writing-title").textContent = w.name;
  $("writing-label").textContent = t("writing_label");
  $("writing-send").textContent = t("writing_send");
  $("writing-prompts").replaceChildren(...w.prompts.map((q) => {
    const li = document.createElement("li"); li.textContent = q; return li;
  }));
  if (S.writing !== w.stage) {  // a new stage: start from what the team has written so far
    S.writing = w.stage;
    $("writing-text").value = w.text;
    $("writing-sent").hidden = true;
  }
}

async function sendWriting(event) {
  event.preventDefault();
  const w = S.data && S.data.view.writing;
  if (!w) return;
  problem("");
  const button = $("writing-send");
  button.disabled = true;
  try {
    const body = { team: S.team, stage: w.stage, text: $("writing-text").value };
    const { status, data } = await api("POST", "/api/transfer", body);
    if (status === 401) { await rejoin(); return; }
    if (status === 200 || status === 202) {
      $("writing-sent").textContent = t("writing_sent");
      $("writing-sent").hidden = false;
    } else problem(refused(data.error));
  } catch (e) {
    connection(false);
  } finally {
    button.disabled = false;
  }
}

function drawCard(view) {
  const card = view.card;
  $("card").hidden = !card || view.phase === "over";
  if (!card) return;
  $("card-title").textContent = card.title;
  $("card-text").textContent = card.text;
  const open = view.phase === "open" || view.phase === "answered";  // all at once, an answer may change
  $("answer").hidden = !open;
  // A reveal tool the team played: the server sends what it showed to this team's phones only.
  $("shown").hidden = !(open && view.shown);
  if (open && view.shown) $("shown").textContent = t("revealed", { tool: view.shown.tool_title });
  if (!open) return;
  if (!S.selected || S.selected.card !== card.id) S.selected = { card: card.id, option: null, tool: null };
  const legal = new Set(view.answers.map((a) => a.option));
  const options = card.options.filter((o) => legal.has(o.id));
  const fieldset = $("options");
  fieldset.replaceChildren($("answers-legend"), ...options.map((o, i) =>
    choice("option", o.id, (i + 1) + ". ", o.text, S.selected.option === o.id)));
  updateEffects();
  const tools = [...new Set(view.answers.filter((a) => a.tool).map((a) => a.tool))];
  const toolFieldset = $("tool-choice");
  toolFieldset.hidden = tools.length === 0;
  const names = Object.fromEntries(view.tools.map((x) => [x.id, x.title]));
  toolFieldset.replaceChildren($("tool-legend"), choice("tool", "", "", t("no_tool"), !S.selected.tool),
    ...tools.map((id) => choice("tool", id, "", names[id] || id, S.selected.tool === id)));
  updateConfirm();
}

function choice(name, value, number, text, checked) {
  const label = document.createElement("label");
  label.className = "option";
  const input = document.createElement("input");
  input.type = "radio"; input.name = name; input.value = value; input.checked = checked;
  input.addEventListener("change", () => {
    S.selected[name] = value || null;
    updateConfirm();
    updateEffects();  // a tool played with the answer may change what each response does
  });
  const words = document.createElement("span");
  if (number) {
    const n = document.createElement("span");
    n.className = "number"; n.textContent = number;
    words.append(n);
  }
  words.append(document.createTextNode(text));
  label.append(input, words);
  return label;
}

function effectWords(effect) {
  // "+1 Ecology, –2 Social" as the projector says it (a true minus sign, not a hyphen).
  if (!effect.length) return t("no_effect");
  return effect.map((e) => (e.value > 0 ? "+" + e.value : "\u2013" + -e.value) + " " + e.pillar).join(", ");
}

function updateEffects() {
  // Under each response, the effect the team's reveal tool showed, with the tool now chosen to play with it.
  const shown = S.data && S.data.view.shown;
  for (const input of document.querySelectorAll("#options input")) {
    const words = input.nextElementSibling;
    let line = words.querySelector(".effect");
    if (!shown) { if (line) line.remove(); continue; }
    const tool = S.selected.tool || null;
    const found = shown.effects.find((e) => e.option === input.value && e.tool === tool)
      || shown.effects.find((e) => e.option === input.value && e.tool === null);
    if (!found) { if (line) line.remove(); continue; }
    if (!line) {
      line = document.createElement("span");
      line.className = "effect";
      words.append(line);
    }
    line.textContent = effectWords(found.effect);
  }
}

function updateConfirm() {
  const card = S.data && S.data.view.card;
  const index = card ? card.options.findIndex((o) => o.id === S.selected.option) : -1;
  $("confirm").textContent = index >= 0 ? t("confirm_option", { n: index + 1 }) : t("confirm");
}

function drawReveal(view) {
  // The team's tools that reveal its card, before it answers: a first tap says the tool is then used up, a
  // second plays it; what it shows comes back in this team's view only.
  const box = $("reveal");
  const open = view.card && (view.phase === "open" || view.phase === "answered");
  const tools = open && !view.shown ? view.reveals || [] : [];
  box.hidden = tools.length === 0;
  if (!tools.includes(S.arming)) S.arming = null;
  const names = Object.fromEntries(view.tools.map((x) => [x.id, x.title]));
  box.replaceChildren(...tools.map((id) => {
    const button = document.createElement("button");
    button.type = "button"; button.className = "secondary"; button.dataset.tool = id;
    button.textContent = t(S.arming === id ? "reveal_confirm" : "reveal_play", { tool: names[id] || id });
    button.addEventListener("click", () => tapReveal(id));
    return button;
  }));
}

async function tapReveal(id) {
  const view = S.data && S.data.view;
  if (!view || !view.card) return;
  if (S.arming !== id) { S.arming = id; drawReveal(view); return; }
  S.arming = null;
  problem("");
  try {
    const { status, data } = await api("POST", "/api/reveal", { team: S.team, card: view.card.id, tool: id });
    if (status === 401) { await rejoin(); return; }
    if (status !== 200 && status !== 202) problem(refused(data.error));
  } catch (e) {
    connection(false);  // nothing was played: the team taps again when the laptop is back
  }
  drawReveal(S.data.view);
}

function drawTools(view) {
  const list = $("tools");
  if (!view.tools.length) {
    const li = document.createElement("li");
    li.textContent = t("no_tools");
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...view.tools.map((tool) => {
    const li = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = tool.title;
    li.append(title);
    const tags = [tool.helps ? t("helps") : "", tool.spent ? t("spent") : ""].filter(Boolean);
    if (tags.length) {
      const tag = document.createElement("span");
      tag.className = "tag"; tag.textContent = " (" + tags.join(", ") + ")";
      li.append(tag);
    }
    if (tool.text) {
      const p = document.createElement("p");
      p.textContent = tool.text;
      li.append(p);
    }
    return li;
  }));
}

async function confirmAnswer(event) {
  event.preventDefault();
  const card = S.data && S.data.view.card;
  if (!card || !S.selected || !S.selected.option) { problem(t("choose_first")); return; }
  problem("");
  const body = { team: S.team, card: card.id, option: S.selected.option, tool: S.selected.tool };
  await send(body);
}

async function send(body, resent) {
  const button = $("confirm");
  button.disabled = true; button.textContent = t("sending");
  try {
    const { status, data } = await api("POST", "/api/answer", body);
    if (status === 401) { S.kept = body; await rejoin(); return; }
    if (status >= 500 || status === 0) throw new Error("laptop " + status);
    S.kept = null;
    $("kept").hidden = true;
    if (status === 202) $("status").textContent = t("queued");
    else if (status === 409 && data.error === "paused") keep(body);
    else if (status !== 200) problem(resent ? t("not_recorded", { why: refused(data.error) }) : refused(data.error));
  } catch (e) {
    keep(body);  // nothing reached the laptop: the answer waits on this phone, and says so
    connection(false);
  } finally {
    button.disabled = false;
    updateConfirm();
  }
}

function keep(body) {
  S.kept = body;
  $("kept").hidden = false;
  $("kept").textContent = t("kept");
}

async function sendKept() {
  // The laptop answers again: the kept answer goes, once; if its card closed meanwhile, the phone says
  // plainly that it was not recorded, and why.
  const body = S.kept;
  if (!body || S.sendingKept) return;
  if (S.data && S.data.paused) return;
  S.sendingKept = true;
  try {
    await send(body, true);
    if (!S.kept) { $("kept").hidden = false; $("kept").textContent = t("kept_sent"); }
  } finally {
    S.sendingKept = false;
  }
}

async function resumeToken(room, team, token) {
  // A reloaded page (or a phone back from sleep that lost the page): the same token, the same team, no code.
  S.token = token;
  const { status, data } = await api("GET", "/api/view?since=&lang=" + encodeURIComponent(S.lang));
  if (status !== 200 || data.view.team !== team) { S.token = null; return false; }
  S.code = room; S.team = team; S.teams = data.teams; S.version = ""; S.shown = "";
  remember();
  show("play-screen");
  render(data);
  startPolling();
  return true;
}

async function start() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  try { await hello(fragment.get("lang")); } catch (e) { connection(false); setTimeout(start, 2000); return; }
  $("join").addEventListener("submit", async (event) => {
    event.preventDefault();
    problem("");
    const code = $("code").value.replace(/[\s-]/g, "");  // typed as shown: "123 456 7890"
    if (await enterCode(code)) showTeams();
  });
  $("answer").addEventListener("submit", confirmAnswer);
  $("writing").addEventListener("submit", sendWriting);
  $("change-team").addEventListener("click", leaveTeam);
  $("lang").addEventListener("change", async () => {
    await hello($("lang").value);
    S.shown = ""; remember();
    if (S.data) render(S.data);
    if (S.token) { S.version = ""; startPolling(); }
  });
  const resume = () => { if (S.token) startPolling(); };
  document.addEventListener("visibilitychange", () => { if (!document.hidden) resume(); });
  window.addEventListener("online", resume);
  const room = fragment.get("room"), team = fragment.get("team"), token = fragment.get("token");
  if (room && team !== null && token && await resumeToken(room, Number(team), token)) return;
  if (room && await enterCode(room)) {
    if (team !== null && Number(team) < S.teams.length) { await joinTeam(Number(team)); return; }
    showTeams();
    return;
  }
  show("join-screen");
}

start();
