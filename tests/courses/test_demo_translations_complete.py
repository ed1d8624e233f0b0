"""No source-language text on a translated demo page: every wagtail-localize translation is
complete, and no page shows letters that only the other language uses (outside quotations)."""

import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from accounts.models import Country, Organisation, TrainingGroup, User
from courses.local_help import LocalHelp
from courses.models import ModulePage
from courses.translation_check import letters_of_other_languages, untranslated_segments
from elearn.demo.accounts import DEMO_PASSWORD
from elearn.demo.courses import resync_translations
from quizzes.models import Question

MAIN = re.compile(r"<main\b.*?</main>", re.S)


def assert_translations_complete():
    missing = {
        f"{translation.target_locale.language_code}: {translation.source.object_repr}": untranslated_segments(
            translation
        )
        for translation in Translation.objects.filter(enabled=True).select_related("source", "target_locale")
    }
    assert {page: texts for page, texts in missing.items() if texts} == {}


def page_text(client, page) -> str:
    html = client.get(page.url).content.decode()
    return strip_tags(MAIN.search(html).group(0))


def demo_readers(client):
    """Sign `client` in (or out) as each reader for whom the pages differ, yielding who it
    is and the country whose law they should read: a trainee of each organisation (its
    country's law, its local help), and a reader without one who picked each country."""
    for organisation in Organisation.objects.order_by("pk"):
        group = TrainingGroup.objects.filter(organisation=organisation).order_by("pk").first()
        trainee = User.objects.filter(training_group=group).order_by("pk").first()
        if trainee is None:  # the demo has a trainee in one organisation only
            nickname = f"reader-{organisation.slug}"[:30]
            trainee = User.objects.create_user(
                nickname, DEMO_PASSWORD, training_group=group, organisation=organisation
            )
        client.force_login(trainee)
        yield trainee.nickname, organisation.country
    client.logout()
    for country in Country.values:
        client.post(reverse("courses:reader_country"), {"country": country})
        yield f"anonymous, {country}", country


def assert_pages_in_their_language(client):
    """What each reader reads on every live page (the page's <main>: the language switcher
    names each language in that language, and rightly so)."""
    pages = list(Page.objects.live().filter(depth__gt=1).select_related("locale").specific())
    wrong, unseen = {}, []
    for reader, country in demo_readers(client):
        countries = set()
        for page in pages:
            response = client.get(page.url)
            if response.status_code != 200:  # a page only trainees may read: read by them
                continue
            html = response.content.decode()
            countries.update(re.findall(r'data-country="(\w+)"', html))
            letters = letters_of_other_languages(
                strip_tags(MAIN.search(html).group(0)), page.locale.language_code
            )
            if letters:
                wrong[f"{reader}: {page.url}"] = "".join(sorted(letters))
        if country not in countries:
            unseen.append(reader)  # the check would not have read this reader's country's text
    assert wrong == {}
    assert unseen == []


def test_every_published_demo_translation_is_complete(demo):
    assert Translation.objects.filter(enabled=True).count() >= 6  # the index, the course, four modules
    assert_translations_complete()


def test_demo_pages_show_no_letters_of_the_other_language(client, demo):
    assert_pages_in_their_language(client)


def test_the_russian_condoms_module_has_its_activity_heading_in_russian(client, demo):
    module = ModulePage.objects.get(locale__language_code="ru", slug="condoms-and-negotiation")
    text = page_text(client, module)

    assert "Какой лубрикант безопасен?" in text
    assert "Який лубрикант безпечний?" not in text


def test_the_checks_fail_a_russian_page_published_with_an_untranslated_segment(client, demo):
    source = ModulePage.objects.get(locale__language_code="uk", slug="hiv")
    source.body.append(("text", "<p>Тест на гепатит С — безоплатний у центрі СНІДу.</p>"))
    source.save_revision().publish()
    resync_translations(source)  # published with the new segment untranslated, as "publish anyway"

    russian = source.get_translation(Locale.objects.get(language_code="ru"))
    assert "безоплатний у центрі СНІДу" in page_text(client, russian)
    with pytest.raises(AssertionError, match="безоплатний"):
        assert_translations_complete()
    with pytest.raises(AssertionError, match=russian.url):
        assert_pages_in_their_language(client)


def test_the_letter_check_reads_every_organisations_local_help(client, demo):
    rights = ModulePage.objects.get(locale__language_code="ru", slug="rights-violence-safety")
    local_help = LocalHelp.objects.get(organisation__slug="humanitarian-action")
    local_help.set_current_language("ru")
    local_help.text += "<p>Приёмная: вул. Садова, їдьте до кінця.</p>"  # left in Ukrainian
    local_help.save()

    with pytest.raises(AssertionError, match=rights.url):
        assert_pages_in_their_language(client)


def test_the_letter_table_comes_from_the_settings_and_skips_a_language_not_in_it(settings):
    settings.LANGUAGE_OWN_LETTERS = {"uk": "іїєґ"}

    assert letters_of_other_languages("Она сказала, что їде.", "ru") == set()  # ru: not checked
    assert letters_of_other_languages("Вона каже, що це ёлка.", "uk") == set()  # ru letters unknown


def test_the_letter_check_leaves_quotations_alone():
    assert letters_of_other_languages("Скажите по-украински: «Дякую, ні, їду».", "ru") == set()
    assert letters_of_other_languages("Она сказала, что їде.", "ru") == {"ї"}
    assert letters_of_other_languages("Вона каже: «Всё хорошо», але це ёлка.", "uk") == {"ё"}


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_demo_tests_show_no_letters_of_the_other_language(demo, language):
    wrong = {}
    for question in Question.objects.all():
        texts = [
            question.safe_translation_getter(field, language_code=language)
            for field in ("text", "explanation")
        ]
        texts += [
            choice.safe_translation_getter("text", language_code=language)
            for choice in question.choices.all()
        ]
        letters = letters_of_other_languages(" ".join(filter(None, texts)), language)
        if letters:
            wrong[texts[0]] = "".join(sorted(letters))
    assert wrong == {}
