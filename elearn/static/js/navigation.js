// One entry in the tab's history for the whole site. Every move inside the site replaces
// the current entry instead of adding one, so after a quick exit the Back button goes to
// wherever the trainee was before the site, not to a course page. Pages have their own
// back links ("Back to the course", "Back to the module") instead.
//
// - Links and GET forms: location.replace(url).
// - POST forms: sent with fetch; the page that comes back (after any redirect) is shown
//   in place of this one and its address replaces this entry's (history.replaceState).
//   A file that comes back (a certificate's PDF) is saved as a download.
// Left alone: files (/static/, /media/, /documents/, names with an extension, links with
// `download`), other sites, the admin, the H5P player, new tabs, the quick exit (its own
// script), and everything when JavaScript is off.
(function () {
  "use strict";
  var ownOrigin = window.location.origin;
  var NOT_A_PAGE = /^\/(static|media|documents|admin|h5p|quick-exit)(\/|$)/;
  var FILE_NAME = /\/[^/]+\.[a-z0-9]{2,5}$/i;

  function isOwnPage(url) {
    return url.origin === ownOrigin && !NOT_A_PAGE.test(url.pathname) && !FILE_NAME.test(url.pathname);
  }

  // Read through attributes: a form field named "action" or "method" would hide the
  // form's own properties.
  function formAction(form, submitter) {
    var raw = submitter && submitter.hasAttribute("formaction")
      ? submitter.getAttribute("formaction")
      : form.getAttribute("action");
    return new URL(raw || document.URL, document.baseURI);
  }

  function formSetting(form, submitter, name, fallback) {
    var value = (submitter && submitter.getAttribute("form" + name)) || form.getAttribute(name) || fallback;
    return value.toLowerCase();
  }

  function opensElsewhere(target) {
    return Boolean(target) && target.toLowerCase() !== "_self";
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;  // new tab or window
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || typeof link.href !== "string" || link.hasAttribute("download")) return;
    if (opensElsewhere(link.getAttribute("target"))) return;
    var url = new URL(link.href);
    if (!isOwnPage(url)) return;
    event.preventDefault();
    window.location.replace(url.href);
  });

  // The page that came back from a POST takes this one's place, at its own address.
  function show(address, html) {
    if (document.documentElement.classList.contains("is-exiting")) return;  // quick exit wins
    window.history.replaceState(null, "", address);
    document.open();
    document.write(html);
    document.close();
    window.scrollTo(0, 0);
  }

  function fileName(disposition) {
    var match = /filename="?([^";]+)"?/i.exec(disposition || "");
    return match ? match[1] : "download";
  }

  function save(blob, name) {
    var address = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = address;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(address); }, 60000);
  }

  function post(form, submitter, action) {
    var data = new FormData(form, submitter);
    var enctype = formSetting(form, submitter, "enctype", "application/x-www-form-urlencoded");
    form.setAttribute("aria-busy", "true");
    fetch(action.href, {
      method: "POST",
      mode: "same-origin",
      credentials: "same-origin",
      body: enctype === "multipart/form-data" ? data : new URLSearchParams(data)
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      var disposition = response.headers.get("Content-Disposition") || "";
      if (/^\s*attachment/i.test(disposition) || type.indexOf("text/html") !== 0) {
        return response.blob().then(function (blob) {
          form.removeAttribute("aria-busy");
          save(blob, fileName(disposition));
        });
      }
      var landed = new URL(response.url);
      if (!isOwnPage(landed)) {
        window.location.replace(landed.href);  // e.g. the admin, which has a policy of its own
        return null;
      }
      return response.text().then(function (html) { show(landed.href, html); });
    }, function () {
      // No answer at all (offline): let the browser send the form itself, as without
      // this script, and show what it can.
      form.removeAttribute("aria-busy");
      form.setAttribute("data-native-submit", "");
      form.requestSubmit(submitter);
    }).catch(function () {
      // An answer that broke off: the form was sent, so it is not sent again by itself.
      form.removeAttribute("aria-busy");
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.hasAttribute("data-quick-exit")) return;
    if (form.hasAttribute("data-native-submit")) {
      form.removeAttribute("data-native-submit");
      return;
    }
    var submitter = event.submitter || null;
    var method = formSetting(form, submitter, "method", "get");
    if (method !== "post" && method !== "dialog") method = "get";  // as the browser reads it
    var action = formAction(form, submitter);
    if (method === "dialog" || !isOwnPage(action)) return;
    if (opensElsewhere(formSetting(form, submitter, "target", ""))) return;
    event.preventDefault();
    if (method === "get") {
      action.search = new URLSearchParams(new FormData(form, submitter)).toString();
      window.location.replace(action.href);
    } else if (form.getAttribute("aria-busy") !== "true") {  // not twice while it is on its way
      post(form, submitter, action);
    }
  });
  // Tests (and anyone curious) can tell when navigation replaces history on this page.
  document.documentElement.setAttribute("data-navigation", "ready");
})();
