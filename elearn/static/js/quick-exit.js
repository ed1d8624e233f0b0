// Quick exit: the button, or Shift pressed three times, blanks the page at once, forgets
// what this page can reach itself (storage, service workers), asks the server to end the
// session (its answer carries Clear-Site-Data for the cache, cookies and storage), and
// replaces this page in the history with a neutral site. The site keeps a single entry in
// the tab's history (navigation.js), so Back then leaves the site. Without JavaScript the
// button is a plain form post.
(function () {
  "use strict";
  var form = document.querySelector("[data-quick-exit]");
  if (!form) return;
  var neutralUrl = form.getAttribute("data-neutral-url");
  var leaving = false;

  // Clear-Site-Data does the same, but only once the server answers: do not wait for it.
  function forgetLocally() {
    try { window.localStorage.clear(); } catch (error) { /* storage blocked: nothing kept */ }
    try { window.sessionStorage.clear(); } catch (error) { /* idem */ }
    if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
      navigator.serviceWorker.getRegistrations().then(function (registrations) {
        registrations.forEach(function (registration) { registration.unregister(); });
      }).catch(function () {});
    }
    if (window.caches) {  // the reading copy (offline.js)
      caches.keys().then(function (names) {
        names.forEach(function (name) { caches.delete(name); });
      }).catch(function () {});
    }
  }

  function leave() {
    if (leaving) return;
    leaving = true;
    document.documentElement.classList.add("is-exiting");
    document.title = "";
    forgetLocally();
    var sent;
    try {
      sent = fetch(form.action, { method: "POST", credentials: "same-origin", keepalive: true, redirect: "manual" });
    } catch (error) {
      sent = Promise.resolve();
    }
    // Wait for the server at most a moment: the page is already blank.
    var timeout = new Promise(function (resolve) { setTimeout(resolve, 800); });
    Promise.race([sent, timeout]).catch(function () {}).then(function () {
      window.location.replace(neutralUrl);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    leave();
  });

  var shiftTimes = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (t) { return now - t < 1500; });
    shiftTimes.push(now);
    if (shiftTimes.length >= 3) leave();
  });
})();
