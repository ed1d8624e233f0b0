// The admin in the trainer's language where wagtail-localize's translation editor writes
// English into its own script, outside any catalog: the "More actions" label, the
// "Українська to Русский translation" heading and month names in dates ("1 December 2026").
// The words come from the server in the admin's language (elearn/wagtail_hooks.py).
(function () {
  "use strict";
  var data = document.getElementById("admin-language-words");
  if (!data || !document.querySelector(".header-meta--locales")) return;  // the editor only
  var words = JSON.parse(data.textContent);
  var MONTH = new RegExp("\\b(" + Object.keys(words.months).join("|") + ")\\b", "g");
  var HEADING = /^(.+) to (.+) translation$/;

  function fix(node) {
    var text = node.nodeValue;
    var fixed = text.replace("More actions", words.moreActions);
    var heading = fixed.trim().match(HEADING);
    if (heading) fixed = words.heading.replace("%(source)s", heading[1]).replace("%(target)s", heading[2]);
    fixed = fixed.replace(MONTH, function (month) { return words.months[month]; });
    if (fixed !== text) node.nodeValue = fixed;
  }

  function walk(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) fix(node);
  }

  walk(document.body);
  // The editor draws itself (and redraws) after the page loads.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "characterData") fix(change.target);
      change.addedNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE) fix(node);
        else if (node.nodeType === Node.ELEMENT_NODE) walk(node);
      });
    });
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})();
