/* Test-only H5P content type: it tries to read the site's cookies and the module page,
 * and to fetch a trainee page with the trainee's session, and writes what it got into
 * its own document for the browser test to read. Written by the Conecta eLearn project. */
var H5P = window.H5P = window.H5P || {};

H5P.ConectaProbe = (function () {
  "use strict";

  function Probe() {}

  Probe.prototype.attach = function ($container) {
    var root = $container.get ? $container.get(0) : $container;
    function report(name, value) {
      var line = document.createElement("p");
      line.className = "probe-" + name;
      line.textContent = value;
      root.appendChild(line);
    }
    try { report("cookie", "read:" + document.cookie); } catch (error) { report("cookie", "blocked:" + error.name); }
    try { report("parent", "read:" + window.parent.document.title); } catch (error) { report("parent", "blocked:" + error.name); }
    fetch(new URL("/uk/accounts/", document.baseURI).href, { credentials: "include" })
      .then(function (response) { return response.text(); })
      .then(function (text) { report("fetch", text.indexOf("trainee-demo") >= 0 ? "read:signed-in" : "read:anonymous"); })
      .catch(function (error) { report("fetch", "blocked:" + error.name); });
  };

  return Probe;
})();
