// wagtail-localize's translation editor: "Save and submit for review" as the main button
// for those who may not publish (trainers), with a sentence saying who reviews; for those
// who may publish it is one more action in the menu. The button posts the editor's own
// form with action=submit-for-review (courses/translation_review.py).
//
// The footer belongs to the editor's React app, so nothing of it is moved or removed: its
// main button (for trainers, "Delete") is hidden and a copy joins the menu.
(function () {
  "use strict";
  var data = document.getElementById("translation-review-words");
  var editor = document.querySelector(".js-translation-editor[data-props]");
  if (!data || !editor) return;  // not the translation editor
  var words = JSON.parse(data.textContent);
  var props = JSON.parse(editor.getAttribute("data-props"));
  var mayPublish = props.perms && props.perms.canPublish;

  function submitButton(className) {
    var button = document.createElement("button");
    button.type = "submit";
    button.name = "action";
    button.value = words.action;
    button.className = className;
    button.setAttribute("data-translation-review", "");
    button.textContent = words.submit;
    return button;
  }

  function addNote() {
    var note = document.createElement("div");
    note.className = "help-block help-info";
    note.setAttribute("data-translation-review-note", "");
    var text = document.createElement("p");
    text.textContent = words.note;
    note.appendChild(text);
    editor.parentNode.insertBefore(note, editor);
  }

  function arrange(group) {
    var menu = group.querySelector("[data-w-dropdown-target=content]");
    if (!menu) return false;
    group.setAttribute("data-translation-review-ready", "");
    if (mayPublish) {
      menu.appendChild(submitButton("button action-secondary"));
      return true;
    }
    var main = group.firstElementChild;
    if (main && !main.classList.contains("w-dropdown")) {
      var copy = main.cloneNode(true);
      copy.classList.add("action-secondary");
      menu.insertBefore(copy, menu.firstChild);
      main.hidden = true;
      main.style.display = "none";  // .button sets display, which would win over [hidden]
    }
    group.insertBefore(submitButton("button"), group.firstChild);
    addNote();
    return true;
  }

  function tryArrange() {
    var group = editor.querySelector("footer .w-dropdown-button");
    if (!group || group.hasAttribute("data-translation-review-ready")) return false;
    return arrange(group);
  }

  // The editor draws its footer after this script runs.
  if (tryArrange()) return;
  var observer = new MutationObserver(function () {
    if (tryArrange()) observer.disconnect();
  });
  observer.observe(editor, { childList: true, subtree: true });
})();
