// A question's answers added, removed and reordered in place. Without this script the
// form still works: blank rows to fill, an order number and a delete box on each answer.
(function () {
  "use strict";
  const form = document.querySelector("[data-answers]");
  if (!form) return;
  const list = form.querySelector("[data-answers-list]");
  const template = form.querySelector("[data-answers-template]");
  const total = form.querySelector("input[name$='-TOTAL_FORMS']");
  const kind = form.querySelector("select[name='kind']");
  const singleAnswer = form.dataset.singleAnswer.split(" ");
  const trueFalseTexts = JSON.parse(document.getElementById("true-false-answers").textContent);

  const field = (row, suffix) => row.querySelector(`[name$='-${suffix}']`);
  const visible = () => [...list.querySelectorAll("[data-answer]:not([hidden])")];
  const texts = (row) => [...row.querySelectorAll("input[type='text'], textarea")];
  const isBlank = (row) => texts(row).every((input) => !input.value.trim());

  // Numbers, order fields and the ends' disabled buttons follow what is on screen.
  function renumber() {
    const rows = visible();
    rows.forEach((row, index) => {
      row.querySelector("[data-answer-number]").textContent = index + 1;
      field(row, "order").value = index;
      row.querySelector("[data-answer-up]").disabled = index === 0;
      row.querySelector("[data-answer-down]").disabled = index === rows.length - 1;
      row.querySelector("[data-answer-remove]").disabled = rows.length <= 2;
    });
  }

  function add() {
    const index = Number(total.value);
    list.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, index));
    total.value = index + 1;
    renumber();
    return list.lastElementChild;
  }

  // A removed answer is a ticked delete box: the server leaves it out.
  function remove(row) {
    field(row, "DELETE").checked = true;
    row.hidden = true;
    renumber();
  }

  function neighbour(row, step) {
    const rows = visible();
    return rows[rows.indexOf(row) + step];
  }

  // True or false: two answers, written in each language, when the rows are still empty.
  function prefillTrueFalse() {
    if (!visible().every(isBlank)) return;
    while (visible().length < 2) add();
    visible().slice(2).forEach(remove);
    visible().forEach((row, index) => {
      for (const [code, answers] of Object.entries(trueFalseTexts)) {
        const input = field(row, `text_${code}`);
        if (input) input.value = answers[index];
      }
    });
  }

  form.classList.add("answers-enhanced");
  list.querySelectorAll("[data-answer]").forEach((row) => {
    if (field(row, "DELETE").checked) row.hidden = true; // removed before a failed save
  });
  renumber();

  form.querySelector("[data-answers-add]").addEventListener("click", () => {
    texts(add())[0].focus();
  });

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    const row = button && button.closest("[data-answer]");
    if (!row) return;
    if (button.matches("[data-answer-up]")) {
      list.insertBefore(row, neighbour(row, -1));
    } else if (button.matches("[data-answer-down]")) {
      list.insertBefore(neighbour(row, 1), row);
    } else if (button.matches("[data-answer-remove]")) {
      const next = neighbour(row, 1) || neighbour(row, -1);
      remove(row);
      if (next) texts(next)[0].focus();
      return;
    } else {
      return;
    }
    renumber();
    // Keep the keyboard where it was; at an end, on the button that still works.
    const other = button.matches("[data-answer-up]") ? "[data-answer-down]" : "[data-answer-up]";
    (button.disabled ? row.querySelector(other) : button).focus();
  });

  // One correct answer (single choice, true or false): a tick clears the others.
  list.addEventListener("change", (event) => {
    const box = event.target;
    if (!box.matches("[name$='-is_correct']") || !box.checked || !singleAnswer.includes(kind.value)) return;
    visible().forEach((row) => {
      const other = field(row, "is_correct");
      if (other !== box) other.checked = false;
    });
  });

  kind.addEventListener("change", () => {
    if (kind.value === form.dataset.trueFalse) prefillTrueFalse();
  });
})();
