"""Trainers and coordinators see no English in the admin. Each walks the screens of their
work in Chromium, in Ukrainian and in Russian, and every word a person sees or a screen
reader says is checked: a Latin word is allowed only if it is a product name, a key name
or a code (capitals only, as a certificate code or a language code)."""

import re

import pytest
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from accounts.models import User
from courses.models import CourseIndexPage, CoursePage, ModulePage
from h5p.models import H5PContent
from quizzes.models import Quiz
from tests.browser.test_authoring import DESKTOP, admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Product names, key names and H5P library names (the demo's own library, H5P.ConectaCheck);
# words in capitals (codes) are allowed anyway.
ALLOWED = {
    "ConectaCheck",
    "Conecta",
    "eLearn",
    "Wagtail",
    "JavaScript",
    "Alt",
    "Ctrl",
    "Esc",
    "Shift",
    "Enter",
    "Cmd",
    "Lumi",
    "Excel",
    "LibreOffice",
}
SEARCH_WORD = {"uk": "ВІЛ", "ru": "ВИЧ"}
STAFF = {
    "uk": {"trainer": "trainer-lviv", "coordinator": "coordinator-lviv"},
    "ru": {"trainer": "trainer-spb", "coordinator": "coordinator-spb"},
}

SEEN_TEXT = """() => {
    // Time zone names in the account settings are codes, not words.
    document.querySelectorAll('select[name*="time_zone"]').forEach(el => el.remove());
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
        if (el.closest('[hidden], template, noscript')) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            if (el.getAttribute(name)) parts.push(el.getAttribute(name));
        }
    }
    parts.push(document.title);
    return parts.join(' ');
}"""


def english_words(text, data_words):
    words = set(re.findall(r"[A-Za-z]{2,}", text))
    return sorted(w for w in words - ALLOWED - data_words if not w.isupper())


def data_words():
    """Latin words that are data, not interface: nicknames, the server's host name,
    interactive content titles written in Latin letters."""
    words = {"localhost"}
    for nickname in User.objects.values_list("nickname", flat=True):
        words.update(re.findall(r"[A-Za-z]{2,}", nickname))
    for title in H5PContent.objects.values_list("title", flat=True):
        words.update(re.findall(r"[A-Za-z]{2,}", title))
    return words


def trainer_screens(lang):
    course = CoursePage.objects.get(locale__language_code=lang)
    index = CourseIndexPage.objects.get(locale__language_code=lang)
    module = ModulePage.objects.filter(locale__language_code=lang).order_by("path").first()
    quiz = Quiz.objects.order_by("pk").first()
    screens = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{index.pk}/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{course.pk}/edit/",
        f"/admin/pages/{module.pk}/edit/",
        f"/admin/pages/{module.pk}/history/",
        f"/admin/pages/add/courses/modulepage/{course.pk}/",
        f"/admin/pages/search/?q={SEARCH_WORD[lang]}",
        "/admin/snippets/quizzes/quiz/",
        f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
        "/admin/snippets/quizzes/quiz/add/",
        f"/admin/tests/{quiz.pk}/questions/",
        "/admin/interactive/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/localize/reports/translations/",
        "/admin/account/",
        "/admin/trainees/",
        "/admin/guides/",
        "/admin/guides/translate-and-submit/",
    ]
    # A translated page opens in wagtail-localize's translation editor.
    translated = Translation.objects.order_by("pk").first()
    if translated is not None:
        page = Page.objects.filter(
            translation_key=translated.source.object_id, locale=translated.target_locale
        ).first()
        if page is not None:
            screens.append(f"/admin/pages/{page.pk}/edit/")
    return screens


COORDINATOR_SCREENS = [
    "/admin/",
    "/admin/reports/",
    "/admin/reports/training-report/",
    "/admin/certificates/",
    "/admin/trainees/",
    "/admin/localize/reports/translations/",
    "/admin/pages/",
    "/admin/account/",
    "/admin/questions-for-trainees/",
    "/admin/guides/export-reports/",
]


def walk(page, screens, words):
    found = {}
    for url in screens:
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        english = english_words(page.evaluate(SEEN_TEXT), words)
        if english:
            found[url] = english
    return found


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_trainers_and_coordinators_see_no_english_in_the_admin(visit, demo, lang):
    words = data_words()
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    page.set_viewport_size(DESKTOP)
    walked, found = 0, {}

    page.goto("/admin/login/")
    found.update(walk(page, ["/admin/login/"], words))
    for role in ("trainer", "coordinator"):
        nickname = STAFF[lang][role]
        profile = UserProfile.get_for_user(User.objects.get(nickname=nickname))
        profile.preferred_language = lang
        profile.save()
        admin_sign_in(page, nickname)
        screens = trainer_screens(lang) if role == "trainer" else COORDINATOR_SCREENS
        found.update({f"{role} {url}": english for url, english in walk(page, screens, words).items()})
        walked += len(screens)

    assert walked >= 20
    assert found == {}, found
