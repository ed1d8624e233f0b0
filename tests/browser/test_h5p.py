"""H5P in a real Chromium at 360×740: the demo's activity played, answered and kept, also
across a lost connection; a hostile package can reach nothing of the trainee's."""

import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from h5p.models import ActivityStatement
from h5p.packaging import check_content, pack
from h5p.services import package_import
from tests.browser.test_foundation import sign_in
from tests.h5p.conftest import add_h5p_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CONDOMS_MODULE = "/{lang}/courses/peer-educator-basic-course/condoms-and-negotiation/"
TEXTS = {
    "uk": {
        "open": "Відкрити завдання",
        "right": "Лубрикант на водній або силіконовій основі",
        "saved": "Вашу відповідь збережено.",
        "waiting": "Немає зв'язку",
    },
    "ru": {
        "open": "Открыть задание",
        "right": "Лубрикант на водной или силиконовой основе",
        "saved": "Ваш ответ сохранён.",
        "waiting": "Нет связи",
    },
}


def open_activity(page, lang):
    page.goto(CONDOMS_MODULE.format(lang=lang))
    page.get_by_role("button", name=TEXTS[lang]["open"]).click()
    return page.frame_locator("iframe.h5p-card__iframe")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_trainee_opens_the_activity_answers_and_the_result_is_kept(visit, newcomer, lang):
    page = visit()
    sign_in(page, lang, nickname=newcomer)

    player = open_activity(page, lang)
    player.get_by_role("button", name=TEXTS[lang]["right"]).click()

    expect(page.get_by_role("status").filter(has_text=TEXTS[lang]["saved"])).to_be_visible()
    kept = ActivityStatement.objects.get(user__nickname=newcomer)
    assert (kept.score_raw, kept.score_max, kept.completes_activity, kept.self_reported) == (1, 1, True, True)
    assert kept.content.language == lang  # the package in the page's language played

    page.reload()  # coming back shows the answer given, from the saved state
    player = open_activity(page, lang)
    expect(player.locator(".h5p-conecta-check__feedback")).to_be_visible()
    assert ActivityStatement.objects.filter(user__nickname=newcomer).count() == 1


def test_an_answer_given_offline_waits_and_is_sent_when_the_connection_returns(visit, newcomer):
    page = visit()
    sign_in(page, nickname=newcomer)
    player = open_activity(page, "uk")
    expect(player.get_by_role("button", name=TEXTS["uk"]["right"])).to_be_visible()

    page.context.set_offline(True)
    player.get_by_role("button", name=TEXTS["uk"]["right"]).click()
    expect(page.get_by_role("status").filter(has_text=TEXTS["uk"]["waiting"])).to_be_visible()
    assert not ActivityStatement.objects.filter(user__nickname=newcomer).exists()

    page.context.set_offline(False)
    expect(page.get_by_role("status").filter(has_text=TEXTS["uk"]["saved"])).to_be_visible(timeout=30000)
    assert ActivityStatement.objects.filter(user__nickname=newcomer, completes_activity=True).count() == 1


def test_a_packages_script_cannot_read_cookies_the_page_or_a_signed_in_page(visit, demo):
    from courses.models import ModulePage

    probe = package_import(
        file=io.BytesIO(
            pack(
                "Проба",
                check_content("?", []),
                library_dir=Path(__file__).parents[1] / "h5p" / "probe" / "H5P.ConectaProbe-1.0",
            )
        ),
        title="Проба",
        language="uk",
    )
    module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
    add_h5p_block(module, {"uk": probe, "ru": probe}, required=False, block_id="probe")
    page = visit()
    sign_in(page)
    assert any(cookie["name"] == "sessionid" for cookie in page.context.cookies())  # something to steal

    page.goto(module.url)
    page.get_by_role("button", name=TEXTS["uk"]["open"]).click()
    player = page.frame_locator("iframe.h5p-card__iframe")

    expect(player.locator(".probe-cookie")).to_have_text("blocked:SecurityError")
    expect(player.locator(".probe-parent")).to_have_text("blocked:SecurityError")
    expect(player.locator(".probe-fetch")).to_have_text("blocked:TypeError")
    assert any("connect-src" in text for text in page.policy_violations)  # the player's CSP did it
    page.policy_violations.clear()
