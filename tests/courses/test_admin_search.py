"""The admin search finds pages, drafts and tests by their words in either language, in
any letter case, Cyrillic included (courses/search.py, Quiz.search_fields). The index is
updated when a save commits, so every save here runs its commit callbacks."""

import pytest
from wagtail.models import Locale

from courses.models import ModulePage
from tests.builders import build_quiz
from tests.courses.test_authoring import with_roles
from tests.courses.test_translation_review import NEW_SUMMARY, russian, submit, translate


def found(client, url, query, marker):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return marker in response.content.decode()


def page_found(client, query, page):
    return found(client, "/admin/pages/search/", query, f"/admin/pages/{page.pk}/edit/")


def test_a_just_translated_draft_is_found_by_its_new_words(
    client, trainer, course, django_capture_on_commit_callbacks
):
    with_roles(course)
    module, translation = russian(course)
    translate(translation, "summary", NEW_SUMMARY)
    client.force_login(trainer)
    assert not page_found(client, "ДКП", module)

    submit(client, module, django_capture_on_commit_callbacks)  # a draft, waiting for review

    for query in ("ДКП", "дкп", "подходит"):
        assert page_found(client, query, module), query
    assert ModulePage.objects.get(pk=module.pk).summary != NEW_SUMMARY


@pytest.mark.parametrize(
    ("language", "text", "queries"),
    [
        (
            "uk",
            "<p>Тест на ВІЛ (HIV) можна пройти безкоштовно.</p>",
            ("ВІЛ", "віл", "HIV", "hiv", "безкоштовно"),
        ),
        ("ru", "<p>Тест на ВИЧ (HIV) можно пройти бесплатно.</p>", ("ВИЧ", "вич", "HIV", "бесплатно")),
    ],
)
def test_pages_are_found_by_words_of_their_content(
    client, trainer, course, django_capture_on_commit_callbacks, language, text, queries
):
    with_roles(course)
    course_page = course[0].get_translation(Locale.objects.get(language_code=language))
    module = ModulePage(
        title="Тестування",
        slug="testing",
        summary="Коротко",
        estimated_minutes=5,
        body=[{"type": "text", "value": text}],
    )
    with django_capture_on_commit_callbacks(execute=True):
        course_page.add_child(instance=module)
        module.save_revision().publish()
    client.force_login(trainer)

    for query in queries:
        assert page_found(client, query, module), query
    assert not page_found(client, "ДКП", module)


def test_tests_are_found_by_their_title_in_either_language(
    client, trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        quiz = build_quiz()  # "Перевірте себе" / "Проверьте себя"
        other = build_quiz()
        for code, title in (("uk", "Шляхи передачі ВІЛ"), ("ru", "Пути передачи ВИЧ (HIV)")):
            other.set_current_language(code)
            other.title = title
        other.save()
    client.force_login(trainer)
    url = "/admin/snippets/quizzes/quiz/"
    edit = f"/admin/snippets/quizzes/quiz/edit/{other.pk}/"

    for query in ("ВІЛ", "віл", "ВИЧ", "вич", "HIV", "передачі", "передачи"):
        assert found(client, url, query, edit), query
    assert not found(client, url, "ВІЛ", f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")
    assert found(client, url, "Перевірте", f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/")
