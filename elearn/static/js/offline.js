// Reading without a connection (elearn/offline/worker.js). Signed in, and unless turned off
// on this phone (account page), the worker keeps the modules the trainee opens. Signed out
// or turned off, the worker and its copies are removed. A page read from the copy says so.
(function () {
  "use strict";
  var script = document.currentScript;
  var signedIn = script && script.getAttribute("data-signed-in") === "yes";
  var OFF = "notes-reading-off";
  var COPIES = "notes-";

  function turnedOff() {
    try { return window.localStorage.getItem(OFF) === "yes"; } catch (error) { return true; }
  }

  function removeCopies() {
    var done = [];
    if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
      done.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
      }));
    }
    if (window.caches) {
      done.push(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name.indexOf(COPIES) === 0; })
          .map(function (name) { return caches.delete(name); }));
      }));
    }
    return Promise.all(done).catch(function () {});
  }

  function keepCopies() {
    return navigator.serviceWorker.register("/reading.js", { scope: "/" }).catch(function () {});
  }

  var supported = "serviceWorker" in navigator && window.caches;
  if (supported) {
    if (signedIn && !turnedOff()) keepCopies();
    else removeCopies();
  }

  // The note on a module page read from the copy.
  var note = document.querySelector("[data-offline-note]");
  function showNote() { if (note) note.hidden = navigator.onLine; }
  window.addEventListener("online", showNote);
  window.addEventListener("offline", showNote);
  showNote();

  // The account page's switch, on this phone only.
  var setting = document.querySelector("[data-offline-setting]");
  var toggle = document.querySelector("[data-offline-toggle]");
  if (setting && toggle && supported) {
    setting.hidden = false;
    toggle.checked = !turnedOff();
    toggle.addEventListener("change", function () {
      try {
        if (toggle.checked) window.localStorage.removeItem(OFF);
        else window.localStorage.setItem(OFF, "yes");
      } catch (error) { /* storage blocked: nothing is kept anyway */ }
      if (toggle.checked) keepCopies(); else removeCopies();
    });
  }

  // Log-out: the server's answer clears the site's storage too (Clear-Site-Data).
  document.querySelectorAll("[data-clears-copies]").forEach(function (form) {
    form.addEventListener("submit", function () { removeCopies(); });
  });
})();
