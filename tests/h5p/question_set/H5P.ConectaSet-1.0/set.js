/* H5P.ConectaSet (tests only): like H5P.QuestionSet, each question answered reports an
 * "answered" statement about its sub-content; answering the last reports the whole set
 * "completed" with a score, and then, as QuestionSet's results screen does, more
 * statements about the questions arrive after the set (and the module) is complete.
 * Written by the Conecta eLearn project; no third-party code. */
var H5P = window.H5P = window.H5P || {};

H5P.ConectaSet = (function (EventDispatcher) {
  "use strict";

  function ConectaSet(params, contentId) {
    EventDispatcher.call(this);
    this.params = params || {};
    this.contentId = contentId;
  }

  ConectaSet.prototype = Object.create(EventDispatcher.prototype);
  ConectaSet.prototype.constructor = ConectaSet;

  ConectaSet.prototype.attach = function ($container) {
    var self = this;
    var root = $container.get ? $container.get(0) : $container;
    var questions = this.params.questions || [];
    var answered = 0;

    function child(index) {
      var question = new EventDispatcher();
      question.contentId = self.contentId;
      question.subContentId = "question-" + index;
      question.parent = self;
      return question;
    }

    questions.forEach(function (text, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.addEventListener("click", function () {
        button.disabled = true;
        child(index).triggerXAPIScored(1, 1, "answered");
        answered += 1;
        if (answered === questions.length) {
          self.triggerXAPIScored(questions.length, questions.length, "completed");
          // After the set: its results screen reports the questions again.
          questions.forEach(function (unused, later) { child(later).triggerXAPI("interacted"); });
          var done = document.createElement("p");
          done.className = "h5p-conecta-set__done";
          done.textContent = "Set finished";
          root.appendChild(done);
        }
      });
      root.appendChild(button);
    });
  };

  return ConectaSet;
})(H5P.EventDispatcher);
