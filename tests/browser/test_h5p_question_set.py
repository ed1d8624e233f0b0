"""A package shaped like H5P.QuestionSet completes the module, and the statements it sends
after that (its results screen) do not take "module complete" off the page."""

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from courses.models import ModulePage
from h5p.packaging import pack
from h5p.services import package_import
from tests.browser.test_foundation import sign_in
from tests.h5p.conftest import add_h5p_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SET_LIBRARY = Path(__file__).parents[1] / "h5p" / "question_set" / "H5P.ConectaSet-1.0"
QUESTIONS = ["Перше питання", "Друге питання", "Третє питання"]
TEXTS = {
    "uk": {"open": "Відкрити завдання", "done": "Чудово! Цей модуль пройдено."},
    "ru": {"open": "Открыть задание", "done": "Отлично! Этот модуль пройден."},
}


def module_with_only_the_set():
    """The demo's condoms module in both languages, its tests and activity taken out and a
    required question set put in: the set alone completes it."""
    module = ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code="uk")
    for page in (module, module.get_translation(Locale.objects.get(language_code="ru"))):
        page.body = [block for block in page.body.raw_data if block["type"] not in ("quiz", "h5p")]
        page.save_revision().publish()
    packages = {
        lang: package_import(
            file=io.BytesIO(pack("Набір питань", {"questions": QUESTIONS}, library_dir=SET_LIBRARY)),
            title=f"Набір питань {lang}",
            language=lang,
        )
        for lang in ("uk", "ru")
    }
    return add_h5p_block(ModulePage.objects.get(pk=module.pk), packages)


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_statements_after_the_module_completes_keep_it_shown_as_complete(visit, newcomer, lang):
    module = module_with_only_the_set()
    page = visit()
    sign_in(page, lang, nickname=newcomer)

    page.goto(module.get_translation(Locale.objects.get(language_code=lang)).url)
    page.get_by_role("button", name=TEXTS[lang]["open"]).click()
    player = page.frame_locator("iframe.h5p-card__iframe")
    for question in QUESTIONS:
        player.get_by_role("button", name=question).click()
    expect(player.get_by_text("Set finished")).to_be_visible()

    done = page.get_by_role("status").filter(has_text=TEXTS[lang]["done"])
    expect(done).to_be_visible()
    # Every statement, the later ones too, has left the outbox: answered by the server.
    page.wait_for_function("() => (localStorage.getItem('conecta-h5p-outbox') || '[]') === '[]'")
    page.wait_for_timeout(500)
    expect(done).to_be_visible()
