// Runs inside <iframe sandbox="allow-scripts"> (an opaque origin) next to the H5P package.
// It waits for the module page to send the trainee's pseudonymous actor and saved state,
// starts h5p-standalone, and relays what the package reports (xAPI statements, resume
// state, its height) to the module page only (postMessage with the site's origin).
(function () {
  "use strict";

  // Before any package code runs: no network beyond the site. The player's CSP already
  // stops fetch, WebSocket, beacons, workers, frames and navigation; WebRTC is outside CSP,
  // so its constructors leave this realm. A fresh realm would bring them back: nested
  // frames cannot load a URL (frame-src 'none'), and the one frame that needs none, an
  // iframe srcdoc, is refused by the Trusted Types policy below (the CSP requires one for
  // every HTML string the page parses, so no path to an srcdoc escapes it).
  Object.getOwnPropertyNames(window).forEach(function (name) {
    if (/^(webkit|moz)?RTC/.test(name) || name === "WebTransport" || name === "XSLTProcessor") {
      try { delete window[name]; } catch (error) { /* not configurable: nothing to delete */ }
    }
  });
  if (window.trustedTypes && window.trustedTypes.createPolicy) {
    window.trustedTypes.createPolicy("default", {
      createHTML: function (html, type, sink) {
        return /srcdoc/i.test(String(html)) || /srcdoc/i.test(String(sink)) ? null : html;
      },
      createScript: function (code) { return code; },  // CSP allows no string as code anyway
      createScriptURL: function (url) { return blobFor(url) || url; }  // CSP decides where scripts come from
    });
  }

  // The files the module page fetched for this frame (absolute URL -> {type, body}). This
  // frame's own requests come from an opaque origin, which browsers never answer from
  // their cache: the module page's requests they do. So scripts (through the Trusted Types
  // policy above), styles (link href) and JSON (fetch) come from here when they can, as
  // blob: URLs; anything else goes to the network as before.
  var fed = {};
  var blobs = {};

  function absolute(url, base) {
    try { return new URL(String(url), base || document.baseURI).href; } catch (error) { return String(url); }
  }

  function rewriteCss(text, base) {
    return text.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, function (match, quote, reference) {
      if (/^(data|blob):/i.test(reference) || reference.charAt(0) === "#") return match;
      var target = absolute(reference, base);
      return 'url("' + (blobFor(target) || target) + '")';
    });
  }

  function blobFor(url) {
    var key = absolute(url);
    var file = fed[key];
    if (!file) return null;
    if (!blobs[key]) {
      var body = /css/.test(file.type) ? rewriteCss(new TextDecoder().decode(file.body), key) : file.body;
      blobs[key] = URL.createObjectURL(new Blob([body], { type: file.type }));
    }
    return blobs[key];
  }

  var networkFetch = window.fetch;
  window.fetch = function (input, init) {
    var file = fed[absolute(typeof input === "string" ? input : input && input.url)];
    if (file) return Promise.resolve(new Response(file.body.slice(0), { status: 200, headers: { "Content-Type": file.type } }));
    return networkFetch.apply(this, arguments);
  };
  var href = Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "href");
  Object.defineProperty(HTMLLinkElement.prototype, "href", {
    configurable: true,
    enumerable: href.enumerable,
    get: href.get,
    set: function (value) { href.set.call(this, blobFor(value) || value); }
  });

  var config = JSON.parse(document.getElementById("player-config").textContent);
  var STATE_EVERY_MS = 5000;
  var started = false;
  var lastState = null;
  var lastHeight = 0;

  // An opaque origin has no storage: H5P core reads localStorage in places, so give it
  // one that lives only as long as this page.
  try {
    window.localStorage.getItem("probe");
  } catch (error) {
    var memory = {};
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      value: {
        getItem: function (key) { return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null; },
        setItem: function (key, value) { memory[key] = String(value); },
        removeItem: function (key) { delete memory[key]; },
        clear: function () { memory = {}; }
      }
    });
  }

  function send(message) {
    message.type = "conecta-h5p";
    window.parent.postMessage(message, config.parentOrigin);
  }

  // The content's own height, not the document's: the document is at least as tall as the
  // frame, so measuring it would let the frame grow and never shrink.
  function sendHeight() {
    var container = document.getElementById("h5p-container");
    var height = Math.ceil(container.getBoundingClientRect().height);
    if (height > 0 && height !== lastHeight) {
      lastHeight = height;
      send({ kind: "height", height: height });
    }
  }

  function sendState() {
    var instance = window.H5P && window.H5P.instances && window.H5P.instances[0];
    if (!instance || typeof instance.getCurrentState !== "function") return;
    var state = instance.getCurrentState();
    if (state === undefined) return;
    var text = JSON.stringify(state);
    if (text !== lastState) {
      lastState = text;
      send({ kind: "state", state: text });
    }
  }

  // A question type (H5P's question contract) reports a score when answered; anything else
  // (Accordion, Dialogcards...) may never send one, so the module page offers "I have finished".
  function isScored(instance) {
    return !!instance && ["getScore", "getMaxScore", "showSolutions"].every(function (name) {
      return typeof instance[name] === "function";
    });
  }

  // "Every part viewed" (h5p/completion.py): H5P has no API for parts, so they are read from
  // the markup of the types known here, each counted once it has been seen.
  var PARTS = {
    "H5P.Accordion": {
      total: function () { return document.querySelectorAll(".h5p-panel-button").length; },
      seen: '.h5p-panel-button[aria-expanded="true"]'
    },
    "H5P.Dialogcards": {  // cards are added as the trainee goes on: count them from the content
      total: function (instance) { return ((instance.params || {}).dialogs || []).length; },
      seen: ".h5p-dialogcards-card-content.h5p-dialogcards-turned"
    }
  };

  // The number of parts followed (0: a type not known here, the module page offers the
  // button instead); "viewed" goes to the module page once each has been seen.
  function followParts(instance) {
    var kind = instance && instance.libraryInfo && PARTS[instance.libraryInfo.machineName];
    var total = kind ? kind.total(instance) : 0;
    if (!total || !window.MutationObserver) return 0;
    var container = document.getElementById("h5p-container");
    var seen = [];
    var observer = new MutationObserver(function () {
      Array.prototype.forEach.call(container.querySelectorAll(kind.seen), function (part) {
        if (seen.indexOf(part) < 0) seen.push(part);
      });
      if (seen.length >= total) {
        observer.disconnect();
        send({ kind: "viewed" });
      }
    });
    observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ["class", "aria-expanded"] });
    return total;
  }

  function relay(event) {
    var statement = event.data.statement;
    // H5P leaves the id to the record store; give one here, so that a statement sent
    // twice (the page's outbox retries after a lost connection) is kept once.
    statement.id = statement.id || window.H5P.createUUID();
    // Name the trainee by the pseudonym the server made (no nickname leaves the site).
    // Not through H5PIntegration.user: with it H5P would try to save state by AJAX.
    statement.actor = { name: "learner", mbox: "mailto:" + config.actor, objectType: "Agent" };
    send({ kind: "xapi", statement: statement });
    sendState();
  }

  // What this frame still fetched itself: the module page fetches it too, to hand it over
  // next time (fonts and images that styles name, found only once they are used).
  function reportFetched() {
    if (!window.PerformanceObserver) return;
    try {
      new PerformanceObserver(function (list) {
        var urls = list.getEntries().map(function (entry) { return entry.name; }).filter(function (name) {
          return name.indexOf(config.parentOrigin + "/") === 0 && !fed[name];
        });
        if (urls.length) send({ kind: "fetched", urls: urls.slice(0, 100) });
      }).observe({ type: "resource", buffered: true });
    } catch (error) { /* an older browser: nothing learnt, nothing lost */ }
  }

  function receive(init) {
    started = true;
    var files = init.files && typeof init.files === "object" ? init.files : {};
    Object.keys(files).forEach(function (url) {
      var file = files[url];
      if (file && typeof file.type === "string" && file.body instanceof ArrayBuffer) fed[absolute(url)] = file;
    });
    reportFetched();
    var script = document.createElement("script");
    script.onload = function () { start(init); };
    script.onerror = function () { send({ kind: "failed" }); };
    script.src = config.mainJs;
    document.head.appendChild(script);
  }

  function start(init) {
    config.actor = init.actor;
    lastState = init.state || null;
    var options = {
      h5pJsonPath: config.assets.replace(/\/$/, ""),
      librariesPath: config.assets + "libraries",
      frameJs: config.frameJs,
      frameCss: config.frameCss,
      embedType: "div",
      frame: false,
      icon: false,
      copyright: false,
      export: false,
      fullScreen: false,
      xAPIObjectIRI: config.objectIri,
      // h5p-standalone's name for "do not start the content yet" (false: we start it
      // below, once listening: some types report their only event as they start).
      preventH5PInit: false,
      // Resume state is relayed by this script, not by H5P's own AJAX (which would need a
      // session); saveFreq only tells H5P to hand content its previous state.
      saveFreq: 30
    };
    if (init.state) options.contentUserData = [{ state: init.state }];
    new window.H5PStandalone.H5P(document.getElementById("h5p-container"), options).then(function () {
      window.H5P.externalDispatcher.on("xAPI", relay);
      window.H5P.preventInit = false;
      window.H5P.init();
      setInterval(sendState, STATE_EVERY_MS);
      if (window.ResizeObserver) new ResizeObserver(sendHeight).observe(document.getElementById("h5p-container"));
      sendHeight();
      var instance = window.H5P.instances && window.H5P.instances[0];
      send({ kind: "started", scored: isScored(instance), parts: followParts(instance) });
    }).catch(function () {
      send({ kind: "failed" });
    });
  }

  window.addEventListener("message", function (event) {
    if (started || event.source !== window.parent || event.origin !== config.parentOrigin) return;
    var data = event.data;
    if (!data || data.type !== "conecta-h5p-init" || typeof data.actor !== "string") return;
    if (data.state !== null && typeof data.state !== "string") return;
    receive(data);
  });
  document.addEventListener("DOMContentLoaded", function () { send({ kind: "ready", files: config.files }); });
})();
