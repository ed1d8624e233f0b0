/* H5P.ConectaCheck: one question, one right answer. When the trainee answers, it reports
 * an xAPI "answered" statement with a score (1 of 1, or 0 of 1), as H5P content types do,
 * and keeps the answer as its state, so a trainee who comes back sees it again.
 * Written by the Conecta eLearn project; no third-party code. */
var H5P = window.H5P = window.H5P || {};

H5P.ConectaCheck = (function (EventDispatcher) {
  "use strict";

  function ConectaCheck(params, contentId, extras) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
    var previous = extras && extras.previousState;
    this.answer = previous && typeof previous.answer === "number" ? previous.answer : null;
  }

  ConectaCheck.prototype = Object.create(EventDispatcher.prototype);
  ConectaCheck.prototype.constructor = ConectaCheck;

  ConectaCheck.prototype.getCurrentState = function () {
    return this.answer === null ? undefined : { answer: this.answer };
  };

  ConectaCheck.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get ? $container.get(0) : $container;
    var answers = this.params.answers || [];
    root.classList.add("h5p-conecta-check");
    var question = document.createElement("p");
    question.className = "h5p-conecta-check__question";
    question.textContent = this.params.question || "";
    root.appendChild(question);

    function showAnswer(index) {
      var right = !!(answers[index] && answers[index].correct);
      var feedback = document.createElement("p");
      feedback.className = "h5p-conecta-check__feedback";
      feedback.textContent = right ? (self.params.rightText || "") : (self.params.wrongText || "");
      root.appendChild(feedback);
      Array.prototype.forEach.call(root.querySelectorAll("button"), function (button) { button.disabled = true; });
      return right;
    }

    answers.forEach(function (answer, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "h5p-conecta-check__answer";
      button.textContent = answer.text;
      button.setAttribute("data-index", String(index));
      button.addEventListener("click", function () {
        self.answer = index;
        self.triggerXAPIScored(showAnswer(index) ? 1 : 0, 1, "answered");
      });
      root.appendChild(button);
    });
    if (this.answer !== null) showAnswer(this.answer);  // resumed: shown, not reported again
  };

  return ConectaCheck;
})(H5P.EventDispatcher);
