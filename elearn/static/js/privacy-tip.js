// The tip about private tabs shows on every page until the trainee hides it. That it was
// hidden is kept in localStorage, which a quick exit clears with everything else: nothing
// about this site outlives a quick exit, and the tip comes back after one.
// Without JavaScript it stays hidden (the account page has it too).
(function () {
  "use strict";
  var tip = document.querySelector("[data-privacy-tip]");
  if (!tip) return;
  var HIDDEN_KEY = "conecta-privacy-tip-hidden";

  function wasHidden() {
    try { return window.localStorage.getItem(HIDDEN_KEY) === "1"; } catch (error) { return false; }
  }

  if (wasHidden()) return;
  tip.hidden = false;
  tip.querySelector("[data-privacy-tip-hide]").addEventListener("click", function () {
    tip.hidden = true;
    try { window.localStorage.setItem(HIDDEN_KEY, "1"); } catch (error) { /* no storage: hidden on this page only */ }
    document.getElementById("main").focus();  // the button is gone: go on to the content
  });
})();
