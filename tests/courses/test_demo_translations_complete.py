"""No source-language text on a translated demo page: every wagtail-localize translation is
complete, and no page shows letters that only the other language uses (outside quotations)."""

import re

import pytest
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from accounts.models import User
from courses.models import ModulePage
from courses.translation_check import letters_of_other_languages, untranslated_segments
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


def assert_pages_in_their_language(client):
    """What a signed-in trainee reads on every live page (the page's <main>: the language
    switcher names each language in that language, and rightly so)."""
    client.force_login(User.objects.get(nickname="trainee-demo"))
    wrong = {}
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale").specific():
        language = page.locale.language_code
        letters = letters_of_other_languages(page_text(client, page), language)
        if letters:
            wrong[page.url] = "".join(sorted(letters))
    assert wrong == {}


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
    resync_translations(source)  # as "Sync translated pages": the new segment is not translated

    russian = source.get_translation(Locale.objects.get(language_code="ru"))
    assert "безоплатний у центрі СНІДу" in page_text(client, russian)
    with pytest.raises(AssertionError, match="безоплатний"):
        assert_translations_complete()
    with pytest.raises(AssertionError, match=russian.url):
        assert_pages_in_their_language(client)


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
