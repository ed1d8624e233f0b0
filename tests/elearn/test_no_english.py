"""A page that shows English to a trainee is a bug: scan the text of every trainee page."""

import re
from html.parser import HTMLParser

import pytest
from wagtail.models import Locale

from tests.factories import PASSWORD

# Words that are the same in every language: the brand, a key name, the language names.
ALLOWED = {"Conecta", "eLearn", "Shift"}


class VisibleText(HTMLParser):
    """Text a person sees or hears: element text and the title/aria-label/alt/placeholder."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "aria-label", "alt", "placeholder") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def english_words(html, also_allowed=()):
    parser = VisibleText()
    parser.feed(html)
    words = re.findall(r"[A-Za-z]{2,}", " ".join(parser.parts))
    return sorted(set(words) - ALLOWED - set(also_allowed))


def pages(client, trainee, lang, course):
    """(name, html) for every page a trainee meets, including the error states."""
    course_page, modules = course
    locale = Locale.objects.get(language_code=lang)
    yield "home", client.get(f"/{lang}/")
    yield "course list", client.get(course_page.get_parent().get_translation(locale).url)
    yield "course, anonymous", client.get(course_page.get_translation(locale).url)
    yield "module, anonymous", client.get(modules[1].get_translation(locale).url)
    yield "signup", client.get(f"/{lang}/accounts/signup/")
    yield "signup errors", client.post(f"/{lang}/accounts/signup/", {"join_code": "x", "password1": "1"})
    yield "login", client.get(f"/{lang}/accounts/login/")
    yield "login error", client.post(f"/{lang}/accounts/login/", {"username": "sonia", "password": "no"})
    yield "404", client.get(f"/{lang}/no-such-page/")
    client.force_login(trainee)
    yield "account", client.get(f"/{lang}/accounts/")
    yield "module", client.get(modules[0].get_translation(locale).url)
    yield (
        "module finished",
        client.post(f"/{lang}/learning/modules/{modules[0].get_translation(locale).pk}/finish/", follow=True),
    )
    yield "course", client.get(course_page.get_translation(locale).url)
    yield "my learning", client.get(f"/{lang}/learning/")
    from tests.builders import build_quiz

    quiz = build_quiz(max_attempts=2)
    yield "test", client.get(f"/{lang}/tests/{quiz.pk}/")
    take_url = client.post(f"/{lang}/tests/{quiz.pk}/start/")["Location"]
    yield "test question", client.get(take_url)
    yield "tampered answer", client.post(take_url, {"q0": "1"})
    for key in quiz.question_keys():
        response = client.post(take_url, {f"q{key.id}": sorted(key.correct)[:1]})
    yield "test result", client.get(response["Location"])
    yield "password", client.get(f"/{lang}/accounts/password/")
    yield (
        "password errors",
        client.post(f"/{lang}/accounts/password/", {"old_password": "x", "new_password1": "1"}),
    )
    new_password = "new-river-stone-9"
    client.post(
        f"/{lang}/accounts/password/",
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    yield "after password change", client.get(f"/{lang}/accounts/")


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_trainee_pages_show_no_english(client, home_pages, trainee, course, lang):
    found = {
        name: english_words(response.content.decode(), also_allowed=[trainee.nickname])  # their own data
        for name, response in pages(client, trainee, lang, course)
    }

    assert {name: words for name, words in found.items() if words} == {}


def test_the_scan_finds_english():
    assert english_words("<p>Welcome, <b>Conecta</b> user</p><script>var x</script>") == ["Welcome", "user"]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_locked_out_page_shows_no_english(client, trainee, lang, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(f"/{lang}/accounts/login/", {"username": "sonia", "password": "no"})

    assert response.status_code == 429
    assert english_words(response.content.decode()) == []
