"""A course limited to Salus, in a real Chromium at 360×740: a Humanitarian Action trainee
who types the addresses of its course page, its module, its tests or its interactive
activity finds nothing, in Ukrainian and in Russian; a Salus trainee opens all of them,
and one who is not signed in is asked to log in and comes back to the module."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_foundation import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

COURSE = "/{lang}/courses/peer-educator-basic-course/"
MODULE = COURSE + "condoms-and-negotiation/"
TEXTS = {
    "uk": {
        "not found": "Сторінку не знайдено",
        "open": "Відкрити завдання",
        "answer": "Лубрикант на водній або силіконовій основі",
        "log in": "Увійти",
    },
    "ru": {
        "not found": "Страница не найдена",
        "open": "Открыть задание",
        "answer": "Лубрикант на водной или силиконовой основе",
        "log in": "Войти",
    },
}


@pytest.fixture
def salus_only(demo):
    """The demo course, limited to Salus in both languages. Its addresses and titles."""
    from accounts.models import Organisation
    from courses.models import CoursePage, ModulePage

    course = CoursePage.objects.get(slug="peer-educator-basic-course", locale__language_code="uk")
    for version in course.get_translations(inclusive=True):
        version.organisations.set([Organisation.objects.get(slug="salus")])
        version.save_revision().publish()
    module = ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code="uk")
    module_test = next(block.value["quiz"] for block in module.body if block.block_type == "quiz")
    return {
        "titles": {
            version.locale.language_code: version.title for version in course.get_translations(inclusive=True)
        },
        "tests": {
            "module test": f"/{{lang}}/tests/{module_test.pk}/?module={{module}}",
            "pre-test": f"/{{lang}}/tests/{course.pre_test_id}/",
            "final test": f"/{{lang}}/tests/{course.final_test_id}/",
        },
        "modules": {
            version.locale.language_code: version.pk for version in module.get_translations(inclusive=True)
        },
    }


def demo_trainee(organisation_slug, nickname):
    """A new trainee in that organisation's demo group, who has done nothing yet."""
    from accounts.models import TrainingGroup, User
    from elearn.demo.accounts import DEMO_PASSWORD

    group = TrainingGroup.objects.filter(organisation__slug=organisation_slug).order_by("pk").first()
    User.objects.create_user(nickname, DEMO_PASSWORD, training_group=group, organisation=group.organisation)
    return nickname


@pytest.fixture
def salus_trainee(demo):
    return demo_trainee("salus", "trainee-lviv")


@pytest.fixture
def outsider(demo):
    """A trainee of Humanitarian Action."""
    return demo_trainee("humanitarian-action", "trainee-spb")


def addresses(salus_only, lang):
    module = salus_only["modules"][lang]
    tests = [url.format(lang=lang, module=module) for url in salus_only["tests"].values()]
    return [COURSE.format(lang=lang), MODULE.format(lang=lang), *tests]


def play_address(page, lang):
    """The activity's player, as the module page asks for it: the trainee opens it."""
    page.goto(MODULE.format(lang=lang))
    page.get_by_role("button", name=TEXTS[lang]["open"]).click()
    player = page.locator("iframe.h5p-card__iframe")
    expect(player).to_be_visible()
    return player.get_attribute("src")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_another_organisations_trainee_finds_nothing_at_its_addresses_while_salus_opens_them(
    visit, salus_only, salus_trainee, outsider, lang
):
    salus = visit()
    sign_in(salus, lang, nickname=salus_trainee)
    for url in addresses(salus_only, lang):
        assert salus.goto(url).status == 200, url
    player_url = play_address(salus, lang)
    frame = salus.frame_locator("iframe.h5p-card__iframe")
    expect(frame.get_by_role("button", name=TEXTS[lang]["answer"])).to_be_visible()  # it plays for Salus

    other = visit()
    sign_in(other, lang, nickname=outsider)
    other.goto(f"/{lang}/")
    expect(other.get_by_role("link", name=salus_only["titles"][lang])).to_have_count(0)
    for url in addresses(salus_only, lang):
        response = other.goto(url)
        assert response.status == 404, url
        expect(other.get_by_role("heading", level=1)).to_have_text(TEXTS[lang]["not found"])
        expect(other.get_by_text(salus_only["titles"][lang])).to_have_count(0)
    assert other.goto(player_url).status == 404


def test_a_salus_trainee_who_is_not_signed_in_logs_in_and_comes_back_to_the_module(
    visit, salus_only, salus_trainee
):
    from elearn.demo.accounts import DEMO_PASSWORD

    page = visit(locale="ru-RU")
    page.goto(MODULE.format(lang="ru"))

    expect(page.get_by_text("Войдите, чтобы открыть эту страницу.")).to_be_visible()
    page.get_by_label("Псевдоним").fill(salus_trainee)
    page.get_by_label("Пароль").fill(DEMO_PASSWORD)
    page.get_by_role("button", name=TEXTS["ru"]["log in"]).click()

    page.wait_for_url(f"**{MODULE.format(lang='ru')}")
    expect(page.get_by_role("button", name=TEXTS["ru"]["open"])).to_be_visible()
