"""A third language is configuration: with English added to the settings (and its Wagtail
locale created), a trainee takes an English course end to end over HTTP and earns a
certificate. Nothing in the code names Ukrainian or Russian for this to work."""

import io

import pypdfium2
import pytest
from django.core.cache import cache
from django.urls import get_resolver
from parler import appsettings as parler_settings
from parler.utils import i18n as parler_i18n
from parler.utils.conf import add_default_language_settings
from wagtail.models import Locale

from certificates.models import Certificate
from courses.models import CourseIndexPage, CoursePage, ModulePage
from elearn.demo.courses import publish_child
from h5p.packaging import check_content, pack
from h5p.services import package_import
from quizzes.models import Choice, Question, Quiz
from tests.h5p.conftest import post_statement, statement
from tests.quizzes.test_taking import answer_all, start

THREE_LANGUAGES = [("uk", "Українська"), ("ru", "Русский"), ("en", "English")]
COURSE_TITLE = "Peer educator course"


@pytest.fixture
def english(settings, monkeypatch, home_pages, tmp_path):
    """English configured beside Ukrainian and Russian, as a deployment would add it."""
    # The URLs load before: the admin builds its per-language forms (wagtail-parler) once,
    # as they load, and other tests must not find English in them.
    assert get_resolver().url_patterns
    settings.LANGUAGES = THREE_LANGUAGES  # Django and Wagtail clear their caches on change
    settings.WAGTAIL_CONTENT_LANGUAGES = THREE_LANGUAGES
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = THREE_LANGUAGES
    parler_languages = {
        None: tuple({"code": code, "fallbacks": ["uk"]} for code, _name in THREE_LANGUAGES),
        "default": {"hide_untranslated": False},
    }
    settings.PARLER_LANGUAGES = parler_languages
    # django-parler reads its settings once, at import.
    monkeypatch.setattr(parler_i18n, "LANGUAGES_DICT", dict(THREE_LANGUAGES))
    monkeypatch.setattr(parler_settings, "PARLER_LANGUAGES", add_default_language_settings(parler_languages))
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.delete("wagtail_locales_display_name")  # Wagtail's map of locales, cached
    locale = Locale.objects.create(language_code="en")
    home = home_pages["uk"].copy_for_translation(locale)
    home.save_revision().publish()
    return locale, home


def english_quiz(kind, pass_mark=70) -> Quiz:
    """A test written in English only: two questions, the first answer right."""
    quiz = Quiz(kind=kind, pass_mark=pass_mark)
    quiz.set_current_language("en")
    quiz.title = "Check yourself"
    quiz.save()
    for order, text in enumerate(["Does PrEP protect against other STIs?", "Can an HIV test be anonymous?"]):
        question = Question(quiz=quiz, kind="single", points=1, order=order)
        question.set_current_language("en")
        question.text = text
        question.save()
        for position, (answer, right) in enumerate([("The right answer", True), ("A wrong answer", False)]):
            choice = Choice(question=question, is_correct=right, order=position)
            choice.set_current_language("en")
            choice.text = answer
            choice.save()
    return quiz


@pytest.fixture
def english_course(english):
    """An English course of one module that holds a required test and a required H5P
    activity with an English package; the course ends with a final test."""
    locale, home = english
    package = package_import(
        file=io.BytesIO(
            pack("Lubricants", check_content("Which lubricant is safe?", [("Water-based", True)]))
        ),
        title="Which lubricant is safe?",
        language="en",
    )
    index = publish_child(home, CourseIndexPage(title="Courses", slug="courses", locale=locale))
    module_test, final = english_quiz("practice"), english_quiz("final", pass_mark=75)
    course = publish_child(
        index,
        CoursePage(
            title=COURSE_TITLE,
            slug="peer-course",
            summary="What a peer educator needs to know.",
            objectives="<ul><li>Know the basics</li></ul>",
            estimated_hours=1,
            final_test=final,
            locale=locale,
        ),
    )
    activity = {"title": "Which lubricant is safe?", "packages": [package], "required": True}
    module = publish_child(
        course,
        ModulePage(
            title="Condoms and lubricants",
            slug="condoms",
            summary="Using condoms well.",
            estimated_minutes=10,
            body=[("quiz", {"quiz": module_test, "required": True}), ("h5p", activity)],
            locale=locale,
        ),
    )
    block_id = next(block.id for block in module.body if block.block_type == "h5p")
    return course, module, module_test, final, package, block_id


def test_a_trainee_takes_an_english_course_and_earns_a_certificate(client, trainee, english_course):
    course, module, module_test, final, package, block_id = english_course
    client.force_login(trainee)

    page = client.get(module.url)
    assert page.status_code == 200 and module.url.startswith("/en/")
    html = page.content.decode()
    assert 'lang="en"' in html
    assert "data-h5p-activity" in html and "Which lubricant is safe?" in html  # the English package

    result = client.get(
        answer_all(client, start(client, module_test, module=module, lang="en"), module_test)["Location"]
    )
    assert "Passed!" in result.content.decode()

    answered = post_statement(client, module, statement(trainee, package), block_id=block_id, lang="en")
    assert answered.status_code == 200
    assert answered.json()["module_complete"] is True
    assert "You have completed this module." in client.get(module.url).content.decode()

    # Passing the final test leads to the certificate, in English.
    earned = client.get(
        answer_all(client, start(client, final, lang="en"), final)["Location"]
    ).content.decode()
    assert f"You have completed the course “{COURSE_TITLE}” and earned a certificate." in earned
    assert '<option value="en" selected>English</option>' in earned  # the PDF's language, offered

    certificate = Certificate.objects.get(user=trainee, course_key=course.translation_key)
    assert certificate.code in earned
    assert COURSE_TITLE in client.get("/en/certificates/").content.decode()
    pdf = client.post(f"/en/certificates/{certificate.pk}/download/", {"language": "en", "name": ""})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    text = pypdfium2.PdfDocument(io.BytesIO(pdf.content))[0].get_textpage().get_text_range()
    assert COURSE_TITLE in text and certificate.code in text
