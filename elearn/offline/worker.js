// The reading copy: modules a signed-in trainee opened stay readable without a connection.
// Served at /reading.js (elearn/offline/views.py). Pages come from the network first; a page
// the server marks as the trainee's own module page (X-Reading-Copy: keep) is kept, with the
// site's style and script files, in caches with neutral names. Nothing else is kept. Quick
// exit and log-out remove this worker and its caches (Clear-Site-Data, quick-exit.js,
// offline.js); so does opening the site signed out, or turning it off on the account page.
"use strict";

var PAGES = "notes-pages";
var FILES = "notes-files";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function keepPage(request, response) {
  if (response.ok && response.headers.get("X-Reading-Copy") === "keep") {
    var copy = response.clone();
    caches.open(PAGES).then(function (cache) { return cache.put(request.url, copy); });
  }
  return response;
}

function keptPage(request) {
  return caches.open(PAGES)
    .then(function (cache) { return cache.match(request.url); })
    .then(function (found) { return found || Response.error(); });
}

function keepFile(request, response) {
  if (response.ok) {
    var copy = response.clone();
    caches.open(FILES).then(function (cache) { return cache.put(request, copy); });
  }
  return response;
}

function keptFile(request) {
  return caches.open(FILES)
    .then(function (cache) { return cache.match(request); })
    .then(function (found) { return found || Response.error(); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && /^\/[a-z]{2}\//.test(url.pathname)) {  // the site's pages, not the admin
    event.respondWith(fetch(request).then(function (response) {
      return keepPage(request, response);
    }, function () { return keptPage(request); }));
  } else if (url.pathname.indexOf("/static/") === 0 && url.pathname.indexOf("/static/h5p-standalone/") !== 0) {
    event.respondWith(fetch(request).then(function (response) {
      return keepFile(request, response);
    }, function () { return keptFile(request); }));
  }
});
