/* H5P.ConectaCheck: one question, one right answer. When the trainee answers, it reports
 * an xAPI "answered" statement with a score (1 of 1, or 0 of 1), as H5P content types do.
 * Written by the Conecta eLearn project; no third-party code. */
var H5P = window.H5P = window.H5P || {};

H5P.ConectaCheck = (function (EventDispatcher) {
  "use strict";

  function ConectaCheck(params, contentId) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
  }

  ConectaCheck.prototype = Object.create(EventDispatcher.prototype);
  ConectaCheck.prototype.constructor = ConectaCheck;

  ConectaCheck.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get ? $container.get(0) : $container;
    root.classList.add("h5p-conecta-check");
    var question = document.createElement("p");
    question.className = "h5p-conecta-check__question";
    question.textContent = this.params.question || "";
    root.appendChild(question);

    (this.params.answers || []).forEach(function (answer, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "h5p-conecta-check__answer";
      button.textContent = answer.text;
      button.addEventListener("click", function () {
        var right = !!answer.correct;
        var feedback = document.createElement("p");
        feedback.className = "h5p-conecta-check__feedback";
        feedback.textContent = right ? (self.params.rightText || "") : (self.params.wrongText || "");
        root.appendChild(feedback);
        Array.prototype.forEach.call(root.querySelectorAll("button"), function (other) { other.disabled = true; });
        self.triggerXAPIScored(right ? 1 : 0, 1, "answered");
      });
      button.setAttribute("data-index", String(index));
      root.appendChild(button);
    });
  };

  return ConectaCheck;
})(H5P.EventDispatcher);
