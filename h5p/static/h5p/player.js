// Runs inside <iframe sandbox="allow-scripts"> (an opaque origin) next to the H5P package.
// It waits for the module page to send the trainee's pseudonymous actor and saved state,
// starts h5p-standalone, and relays what the package reports (xAPI statements, resume
// state, its height) to the module page only (postMessage with the site's origin).
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("player-config").textContent);
  var STATE_EVERY_MS = 5000;
  var started = false;
  var lastState = null;

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

  function sendHeight() {
    send({ kind: "height", height: Math.ceil(document.documentElement.scrollHeight) });
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

  function start(init) {
    started = true;
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
      // Resume state is relayed by this script, not by H5P's own AJAX (which would need a
      // session); saveFreq only tells H5P to hand content its previous state.
      saveFreq: 30
    };
    if (init.state) options.contentUserData = [{ state: init.state }];
    new window.H5PStandalone.H5P(document.getElementById("h5p-container"), options).then(function () {
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        var statement = event.data.statement;
        // H5P leaves the id to the record store; give one here, so that a statement sent
        // twice (the page's outbox retries after a lost connection) is kept once.
        statement.id = statement.id || window.H5P.createUUID();
        // Name the trainee by the pseudonym the server made (no nickname leaves the site).
        // Not through H5PIntegration.user: with it H5P would try to save state by AJAX.
        statement.actor = { name: "learner", mbox: "mailto:" + init.actor, objectType: "Agent" };
        send({ kind: "xapi", statement: statement });
        sendState();
      });
      setInterval(sendState, STATE_EVERY_MS);
      if (window.ResizeObserver) new ResizeObserver(sendHeight).observe(document.body);
      sendHeight();
      send({ kind: "started" });
    }).catch(function () {
      send({ kind: "failed" });
    });
  }

  window.addEventListener("message", function (event) {
    if (started || event.source !== window.parent || event.origin !== config.parentOrigin) return;
    var data = event.data;
    if (!data || data.type !== "conecta-h5p-init" || typeof data.actor !== "string") return;
    if (data.state !== null && typeof data.state !== "string") return;
    start(data);
  });
  send({ kind: "ready" });
})();
