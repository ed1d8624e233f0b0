""" "Every part viewed": a required accordion completes its module once the trainee has opened
each panel, not as it opens (H5P.Accordion reports "consumed" at once); a type whose parts
the player cannot follow gets "I have finished" instead, so the block can always be done.

The packages are synthetic: an `H5P.Accordion` written here with the markup the real one
has (h5p/h5p-accordion 1.0: `.h5p-panel-button` with `aria-expanded`), never the real code."""

import io

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from courses.models import ModulePage
from h5p.models import ActivityStatement
from h5p.services import package_import
from tests.browser.test_foundation import sign_in
from tests.browser.test_h5p_serving import runnable
from tests.h5p import synthetic
from tests.h5p.conftest import add_h5p_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ACCORDION_JS = """
var H5P = window.H5P = window.H5P || {};
H5P.Accordion = (function (EventDispatcher) {
  function Accordion(params) { EventDispatcher.call(this); this.params = params; }
  Accordion.prototype = Object.create(EventDispatcher.prototype);
  Accordion.prototype.constructor = Accordion;
  Accordion.prototype.attach = function ($container) {
    var root = $container.get ? $container.get(0) : $container;
    this.params.panels.forEach(function (title) {
      var button = document.createElement("button");
      button.className = "h5p-panel-button";
      button.setAttribute("aria-expanded", "false");
      button.textContent = title;
      button.addEventListener("click", function () { button.setAttribute("aria-expanded", "true"); });
      root.appendChild(button);
    });
    // As the real one does, before anything is read.
    this.trigger(this.createXAPIEventTemplate(
      { id: "http://activitystrea.ms/schema/1.0/consume", display: { "en-US": "consumed" } },
      { result: { completion: true } }
    ));
  };
  return Accordion;
})(H5P.EventDispatcher);
"""

SILENT_JS = """
var H5P = window.H5P = window.H5P || {};
H5P.ConectaNotes = (function () {
  function Notes() {}
  Notes.prototype.attach = function ($container) {
    ($container.get ? $container.get(0) : $container).textContent = "Нотатки";
  };
  return Notes;
})();
"""

PANELS = ["Що таке ПКП?", "Де отримати ПрЕП?"]
TEXTS = {
    "uk": {
        "open": "Відкрити завдання",
        "done": "Чудово! Цей модуль пройдено.",
        "finish": "Завершити завдання",
    },
    "ru": {"open": "Открыть задание", "done": "Отлично! Этот модуль пройден.", "finish": "Завершить задание"},
}


def module_with_only(package, title):
    """The demo's condoms module in both languages with one required H5P block, done when
    every part has been viewed, and no test or other activity."""
    module = ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code="uk")
    for page in (module, module.get_translation(Locale.objects.get(language_code="ru"))):
        page.body = [block for block in page.body.raw_data if block["type"] not in ("quiz", "h5p")]
        page.save_revision().publish()
    packages = {
        lang: package_import(file=io.BytesIO(package), title=f"{title} {lang}", language=lang)
        for lang in TEXTS
    }
    module = add_h5p_block(ModulePage.objects.get(pk=module.pk), packages)
    for page in (module, module.get_translation(Locale.objects.get(language_code="ru"))):
        page = ModulePage.objects.get(pk=page.pk)
        for block in page.body:
            if block.block_type == "h5p":
                block.value["completion"] = "viewed"
        page.save_revision().publish()
    return module


def open_in(page, module, lang):
    page.goto(module.get_translation(Locale.objects.get(language_code=lang)).url)
    card = page.locator("section[data-h5p-activity]")
    card.get_by_role("button", name=TEXTS[lang]["open"]).click()
    return card, card.frame_locator("iframe")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_an_accordion_completes_the_module_once_every_panel_was_opened(visit, newcomer, lang):
    accordion = synthetic.library("H5P.Accordion", (1, 0, 0), runnable=True, js=ACCORDION_JS.encode())
    package = synthetic.package(
        "Акордеон", main="H5P.Accordion", libraries=accordion, content={"panels": PANELS}
    )
    module = module_with_only(package, "Акордеон")
    page = visit()
    sign_in(page, lang, nickname=newcomer)

    card, player = open_in(page, module, lang)
    player.get_by_role("button", name=PANELS[0]).click()
    # The accordion's own "consumed" and one panel of two: not done, and no button to skip it.
    expect(card.get_by_role("status")).to_have_text(
        "Вашу відповідь збережено." if lang == "uk" else "Ваш ответ сохранён."
    )
    expect(card.get_by_role("button", name=TEXTS[lang]["finish"])).to_be_hidden()
    assert not ActivityStatement.objects.filter(
        content__title__startswith="Акордеон", completes_activity=True
    ).exists()

    player.get_by_role("button", name=PANELS[1]).click()
    expect(card.get_by_role("status")).to_have_text(TEXTS[lang]["done"])
    done = ActivityStatement.objects.filter(content__title__startswith="Акордеон", completes_activity=True)
    assert [statement.verb.rsplit("/", 1)[-1] for statement in done] == ["completed"]


def test_a_type_whose_parts_are_not_followed_offers_i_have_finished(visit, newcomer):
    module = module_with_only(runnable("H5P.ConectaNotes", SILENT_JS), "Нотатки")
    page = visit()
    sign_in(page, "uk", nickname=newcomer)

    card, player = open_in(page, module, "uk")
    expect(player.get_by_text("Нотатки")).to_be_visible()
    card.get_by_role("button", name=TEXTS["uk"]["finish"]).click()
    expect(card.get_by_role("status")).to_have_text(TEXTS["uk"]["done"])
