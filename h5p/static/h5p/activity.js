// The module page's side of its H5P activities. A package plays only when the trainee
// opens it, in <iframe sandbox="allow-scripts"> (an opaque origin: no cookies, no access
// to this page). What it reports arrives by postMessage, is checked here (it must come
// from that iframe, have the expected shape and size), waits in an outbox kept in
// localStorage, and is sent with the page's CSRF token whenever the connection allows.
(function () {
  "use strict";
  var bridge = document.querySelector("[data-h5p-bridge]");
  if (!bridge) return;
  var OUTBOX_KEY = "conecta-h5p-outbox";
  var MAX_STATEMENT_CHARS = 32 * 1024;
  var MAX_STATE_CHARS = 64 * 1024;
  var RETRY_MS = 20000;
  var LEARNT_KEY = "conecta-h5p-learnt";
  var MAX_LEARNT = 60;
  var MAX_FILES = 400;
  var players = [];
  var memoryOutbox = [];
  var sending = false;
  var moduleDone = false;  // once said, "module completed" stays: later answers do not overwrite it

  function text(name) { return bridge.getAttribute("data-text-" + name) || ""; }

  function showStatus(message) {
    players.forEach(function (player) { player.status.textContent = message; });
  }

  // The outbox survives a reload or a closed tab; in a browser without storage it lives
  // as long as the page.
  function readOutbox() {
    try { return JSON.parse(window.localStorage.getItem(OUTBOX_KEY) || "[]"); } catch (error) { return memoryOutbox; }
  }
  function writeOutbox(items) {
    try { window.localStorage.setItem(OUTBOX_KEY, JSON.stringify(items)); } catch (error) { memoryOutbox = items; }
  }

  function enqueue(item) {
    var items = readOutbox().filter(function (queued) {
      return !(item.replaces && queued.url === item.url);  // only the latest state matters
    });
    item.id = String(Date.now()) + Math.random().toString(16).slice(2);
    items.push(item);
    writeOutbox(items);
    flush();
  }

  function remove(id) {
    writeOutbox(readOutbox().filter(function (queued) { return queued.id !== id; }));
  }

  function flush() {
    var items = readOutbox();
    if (sending || !items.length) return;
    sending = true;
    var item = items[0];
    fetch(item.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": bridge.getAttribute("data-csrf") },
      body: item.body
    }).then(function (response) {
      sending = false;
      // Stored, or refused for good (malformed, not this trainee's): it leaves the outbox.
      // Anything else (signed out, a stale page, a server error) waits for another try.
      if (response.ok || response.status === 400 || response.status === 404) {
        remove(item.id);
        if (response.ok && !item.replaces) {
          response.json().then(function (answer) {
            moduleDone = moduleDone || !!answer.module_complete;
            showStatus(moduleDone ? text("module-done") : text("saved"));
          }, function () {});
        }
        flush();
      } else if (!item.replaces) {
        showStatus(text("waiting"));
      }
    }, function () {
      sending = false;
      showStatus(text("waiting"));
    });
  }

  function latestState(player) {
    var items = readOutbox().filter(function (queued) { return queued.replaces && queued.url === player.stateUrl; });
    if (items.length) return JSON.parse(items[items.length - 1].body).state;
    return player.element.getAttribute("data-h5p-state") || null;
  }

  // The player's files, fetched here for the sandboxed frame: its own requests, from an
  // opaque origin, are never answered from the browser's cache; this page's are. Only the
  // site's player and package files, and without cookies.
  function playerFile(url) {
    try {
      var parsed = new URL(url, window.location.href);
      var path = parsed.pathname;
      if (parsed.origin !== window.location.origin || path.indexOf("..") >= 0) return null;
      return path.indexOf("/h5p/assets/") === 0 || path.indexOf("/static/") === 0 ? parsed.href : null;
    } catch (error) { return null; }
  }

  function fetchFiles(urls) {
    var wanted = {};
    urls.forEach(function (url) { var file = typeof url === "string" && playerFile(url); if (file) wanted[file] = true; });
    return Promise.all(Object.keys(wanted).slice(0, MAX_FILES).map(function (url) {
      return fetch(url, { credentials: "omit" }).then(function (response) {
        if (!response.ok) return null;
        var type = response.headers.get("Content-Type") || "application/octet-stream";
        return response.arrayBuffer().then(function (body) { return [url, { type: type, body: body }]; });
      }).catch(function () { return null; });
    })).then(function (pairs) {
      var files = {};
      pairs.forEach(function (pair) { if (pair) files[pair[0]] = pair[1]; });
      return files;
    });
  }

  // Files a player fetched itself (fonts and images its styles name, found once used):
  // remembered, and fetched here now, so that the next time they are handed over.
  function readLearnt() {
    try { return JSON.parse(window.localStorage.getItem(LEARNT_KEY) || "[]"); } catch (error) { return []; }
  }
  function learn(urls) {
    var known = readLearnt();
    var fresh = urls.map(function (url) { return typeof url === "string" && playerFile(url); }).filter(function (url) {
      return url && url.indexOf("/h5p/play/") < 0 && known.indexOf(url) < 0;
    });
    if (!fresh.length) return;
    try { window.localStorage.setItem(LEARNT_KEY, JSON.stringify(known.concat(fresh).slice(-MAX_LEARNT))); } catch (error) { /* no storage */ }
    fetchFiles(fresh);
  }

  function onMessage(event) {
    var player = players.filter(function (candidate) {
      return candidate.frame && candidate.frame.contentWindow === event.source;
    })[0];
    var data = event.data;
    // Only our sandboxed frames (whose origin is opaque: "null") and only our message shapes.
    if (!player || event.origin !== "null" || !data || data.type !== "conecta-h5p") return;
    if (data.kind === "ready" && !player.ready) {
      player.ready = true;
      var wanted = (Array.isArray(data.files) ? data.files : []).concat(readLearnt());
      fetchFiles(wanted).then(function (files) {
        var bodies = Object.keys(files).map(function (url) { return files[url].body; });
        event.source.postMessage({
          type: "conecta-h5p-init",
          actor: player.actor || "guest@learners.conecta.invalid",
          state: latestState(player),
          files: files
        }, "*", bodies);
      });
    } else if (data.kind === "fetched" && Array.isArray(data.urls)) {
      learn(data.urls);
    } else if (data.kind === "started") {
      player.status.textContent = "";
      // An activity without a score may never report being done: the trainee says so,
      // unless the trainer chose "every part viewed" and the player follows its parts.
      player.followsParts = player.completion === "viewed" && data.scored !== true && data.parts > 0;
      if (player.statementUrl && !player.followsParts && (player.completion === "button" || data.scored !== true)) {
        player.finish.hidden = false;
      }
    } else if (data.kind === "viewed" && player.followsParts && player.statementUrl) {
      player.followsParts = false;  // once
      finish(player);
    } else if (data.kind === "failed") {
      player.status.textContent = text("failed");
    } else if (data.kind === "height" && typeof data.height === "number" && data.height > 0) {
      player.frame.style.height = Math.min(Math.ceil(data.height), 5000) + "px";
    } else if (data.kind === "xapi" && player.statementUrl && data.statement && typeof data.statement === "object") {
      var body = JSON.stringify({ statement: data.statement });
      if (body.length <= MAX_STATEMENT_CHARS) enqueue({ url: player.statementUrl, body: body });
    } else if (data.kind === "state" && player.stateUrl && typeof data.state === "string" && data.state.length <= MAX_STATE_CHARS) {
      enqueue({ url: player.stateUrl, body: JSON.stringify({ state: data.state }), replaces: true });
    }
  }

  function uuid() {
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (byte) { return (byte + 0x100).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  // "I have finished": the statement an H5P type sends when it reports being done.
  function finish(player) {
    player.finish.hidden = true;
    var statement = {
      id: uuid(),
      actor: { name: "learner", mbox: "mailto:" + player.actor, objectType: "Agent" },
      verb: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "en-US": "completed" } },
      object: { id: player.objectIri, objectType: "Activity" },
      result: { completion: true }
    };
    enqueue({ url: player.statementUrl, body: JSON.stringify({ statement: statement }) });
  }

  function open(player) {
    player.opener.hidden = true;
    player.status.textContent = text("loading");
    var frame = document.createElement("iframe");
    frame.setAttribute("sandbox", "allow-scripts");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.setAttribute("title", player.element.getAttribute("data-h5p-title"));
    frame.className = "h5p-card__iframe";
    frame.src = player.element.getAttribute("data-h5p-play-url");
    player.frame = frame;
    player.element.querySelector("[data-h5p-frame]").appendChild(frame);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-h5p-activity]"), function (element) {
    var player = {
      element: element,
      opener: element.querySelector("[data-h5p-opener]"),
      status: element.querySelector("[data-h5p-status]"),
      statementUrl: element.getAttribute("data-h5p-statement-url"),
      stateUrl: element.getAttribute("data-h5p-state-url"),
      actor: element.getAttribute("data-h5p-actor"),
      objectIri: element.getAttribute("data-h5p-object"),
      completion: element.getAttribute("data-h5p-completion"),
      finish: element.querySelector("[data-h5p-finish]"),
      frame: null
    };
    players.push(player);
    player.opener.hidden = false;
    player.opener.querySelector("[data-h5p-open]").addEventListener("click", function () { open(player); });
    player.finish.querySelector("button").addEventListener("click", function () { finish(player); });
  });

  window.addEventListener("message", onMessage);
  window.addEventListener("online", flush);
  setInterval(flush, RETRY_MS);
  flush();
})();
