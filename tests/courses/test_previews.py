"""Editors preview every page type before trainees see it.

Wagtail's page editor shows the preview in a panel: an iframe of
/admin/pages/<id>/edit/preview/ (or /admin/pages/add/<app>/<model>/<parent>/preview/ while
adding a page), after the editor's form has been posted to the same address. A Russian page
that is a synced wagtail-localize translation is edited in wagtail-localize's editor, whose
"Preview" opens /admin/localize/translate/<id>/preview/ in a new tab. Either way Wagtail
renders the page through Page.make_preview_request: a request of its own for the page's URL,
run through the site's middleware, with `request.is_preview` set."""

import io
import uuid

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield
from wagtail_localize.models import Translation

from courses.models import CourseIndexPage, CoursePage, ModulePage
from elearn.models import HomePage
from h5p.packaging import check_content, pack
from h5p.services import package_import
from tests.builders import build_quiz, module_body, translate_as_draft

pytestmark = pytest.mark.django_db

PAGE_TYPES = ["home", "index", "course", "module"]
DRAFT_TITLES = {
    "home": ("Нова головна сторінка", "Новая главная страница"),
    "index": ("Нові курси", "Новые курсы"),
    "course": ("Курс про PrEP", "Курс о PrEP"),
    "module": ("Чернетка про PrEP", "Черновик о PrEP"),
}
# What an editor has typed but not saved.
TYPED_TITLE = {"uk": "Заголовок, який ще не збережено", "ru": "Заголовок, который ещё не сохранён"}
TYPED_PARAGRAPH = {"uk": "Абзац, якого ще ніхто не бачив.", "ru": "Абзац, которого ещё никто не видел."}
FINISH_BUTTON = {"uk": "Готово, модуль пройдено", "ru": "Готово, модуль пройден"}


def stream(blocks) -> dict:
    """A StreamField's fields as the editor's script posts them: each new block with an id."""
    data = streamfield(blocks)
    for index in range(len(blocks)):
        data[str(index)]["id"] = str(uuid.uuid4())
    return data


def listblock(values) -> dict:
    """A ListBlock's fields as the editor's script posts them."""
    items = {str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(values)}
    return {"count": str(len(values)), **items}


def policy(response) -> dict:
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


def add_draft(parent, page, russian_title):
    """A page saved but never published, and its Russian draft translation."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    page.refresh_from_db()
    return {"uk": page, "ru": translate_as_draft(page, Locale.objects.get(language_code="ru"), russian_title)}


def build_preview_pages(course, home_pages) -> dict:
    """(page type, "live" or "draft", language) -> page. The live pages are the test course's;
    the drafts were never published: a module and a course added to the live course list, and
    the home page and course list of a second site being set up."""
    course_page, modules = course
    live = {
        "home": home_pages,
        "index": {page.locale.language_code: page for page in CourseIndexPage.objects.all()},
        "course": {page.locale.language_code: page for page in course_page.get_translations(inclusive=True)},
        "module": {page.locale.language_code: page for page in modules[0].get_translations(inclusive=True)},
    }
    uk = home_pages["uk"].locale
    draft = {
        "module": add_draft(
            course_page,
            ModulePage(
                title=DRAFT_TITLES["module"][0],
                slug="prep",
                summary="Коротко",
                estimated_minutes=5,
                body=module_body("prep", "Тема PrEP"),
                locale=uk,
            ),
            DRAFT_TITLES["module"][1],
        ),
        "course": add_draft(
            live["index"]["uk"],
            CoursePage(
                title=DRAFT_TITLES["course"][0],
                slug="prep-course",
                summary="Опис",
                objectives="<ul><li>ціль</li></ul>",
                estimated_hours=1,
                locale=uk,
            ),
            DRAFT_TITLES["course"][1],
        ),
        "home": add_draft(
            Page.get_first_root_node(),
            HomePage(title=DRAFT_TITLES["home"][0], slug="new-home", locale=uk),
            DRAFT_TITLES["home"][1],
        ),
    }
    Site.objects.create(hostname="new-site.localhost", port=80, root_page=draft["home"]["uk"])
    draft["index"] = add_draft(
        draft["home"]["uk"],
        CourseIndexPage(title=DRAFT_TITLES["index"][0], slug="courses", locale=uk),
        DRAFT_TITLES["index"][1],
    )
    return {"live": live, "draft": draft}


@pytest.fixture
def preview_pages(course, home_pages, layers):
    """The pages above, built once and shared where the test runs in a transaction (a layer
    of tests/shared_layers.py)."""
    if "preview_pages" not in layers:
        return build_preview_pages(course, home_pages)
    return layers["preview_pages"]


@pytest.fixture
def pages(preview_pages):
    """Fresh instances of the preview pages for this test."""
    return {
        state: {
            kind: {language: type(page).objects.get(pk=page.pk) for language, page in by_language.items()}
            for kind, by_language in kinds.items()
        }
        for state, kinds in preview_pages.items()
    }


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def edit_form_data(client, page):
    """What the page editor's form posts for this page as it stands."""
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    return querydict_from_html(edit.content.decode(), form_id="page-edit-form")


def preview_in_panel(client, preview_url, form_data):
    """What the editor's preview panel does: post the form, then load the preview."""
    posted = client.post(preview_url, form_data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(preview_url, {"mode": "", "in_preview_panel": "true"})


def typed_into_the_editor(page_type, language) -> dict:
    """What an editor has typed but not saved: the preview shows it. (A module's content is
    a StreamField, which the editor's script posts; the page's HTML does not hold it.)"""
    typed = {"title": TYPED_TITLE[language]}
    if page_type == "module":
        typed["body"] = stream([("text", rich_text(f"<p>{TYPED_PARAGRAPH[language]}</p>"))])
    return nested_form_data(typed)


def preview_in_page_editor(client, page, typed=None):
    form_data = edit_form_data(client, page)
    for name, value in (typed or {}).items():
        form_data[name] = value
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    return preview_in_panel(client, url, form_data)


def stop_synced_translation(page):
    """What wagtail-localize's "Stop synced translation" does: the page is then edited (and
    previewed) in Wagtail's own editor."""
    Translation.objects.filter(source__object_id=page.translation_key, target_locale=page.locale).update(
        enabled=False
    )


def module_position(state, language):
    """The live module is the first of three; the draft will be the fourth, after them."""
    position, count = {"live": (1, 3), "draft": (4, 4)}[state]
    return {"uk": f"Модуль {position} з {count}", "ru": f"Модуль {position} из {count}"}[language]


@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("state", ["draft", "live"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_previews_in_the_page_editor(editor, pages, page_type, state, language):
    page = pages[state][page_type][language]
    assert page.live == (state == "live")
    stop_synced_translation(page)
    typed = typed_into_the_editor(page_type, language)

    response = preview_in_page_editor(editor, page, typed)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{TYPED_TITLE[language]}</h1>" in html
    if page_type == "module":
        assert module_position(state, language) in html
        assert TYPED_PARAGRAPH[language] in html


# The demo's Russian home page is a copy, not a wagtail-localize translation: it has
# Wagtail's editor (above).
LOCALIZE_TRANSLATED = [
    (page_type, state)
    for page_type in PAGE_TYPES
    for state in ("draft", "live")
    if (page_type, state) != ("home", "live")
]


@pytest.mark.parametrize("page_type, state", LOCALIZE_TRANSLATED)
def test_russian_translations_preview_from_the_translation_editor(editor, pages, page_type, state):
    page = pages[state][page_type]["ru"]
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    editor_page = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    preview_url = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    assert preview_url in editor_page.content.decode()  # the editor is wagtail-localize's

    response = editor.get(preview_url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ru">' in html and f"<h1>{page.title}</h1>" in html
    if page_type == "module":
        assert module_position(state, "ru") in html


def add_form_data(client, model, parent, typed):
    """What the form for adding a `model` page under `parent` posts once `typed` is in."""
    add_url = reverse("wagtailadmin_pages:add", args=[*model._meta.label_lower.split("."), parent.pk])
    form_data = querydict_from_html(client.get(add_url).content.decode(), form_id="page-edit-form")
    for name, value in nested_form_data(typed).items():
        form_data[name] = value
    return form_data


@pytest.fixture
def packages(settings, tmp_path, db):
    """An H5P package in each language."""
    settings.MEDIA_ROOT = tmp_path / "media"
    questions = {"uk": "Чи захищає PrEP від ВІЛ?", "ru": "Защищает ли PrEP от ВИЧ?"}
    answers = [("Так", True), ("Ні", False)]
    return [
        package_import(
            file=io.BytesIO(pack(f"Перевірка {language}", check_content(question, answers))),
            title=f"Перевірка {language}",
            language=language,
        )
        for language, question in questions.items()
    ]


def preview_a_new_module(client, course, body):
    typed = {"title": TYPED_TITLE["uk"], "summary": "Коротко", "estimated_minutes": "5", "body": stream(body)}
    form_data = add_form_data(client, ModulePage, course, typed)
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "modulepage", course.pk])
    return preview_in_panel(client, preview_url, form_data)


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_new_module_with_a_test_and_an_activity_previews_before_it_is_saved(
    editor, pages, packages, language
):
    """No id, no revision yet."""
    course = pages["live"]["course"][language]
    activity = {
        "title": "Спробуйте",
        "packages": listblock([package.pk for package in packages]),
        "required": "on",
    }
    body = [
        ("text", rich_text(f"<p>{TYPED_PARAGRAPH['uk']}</p>")),
        ("quiz", {"quiz": build_quiz().pk, "required": "on"}),
        ("h5p", activity),
    ]

    response = preview_a_new_module(editor, course, body)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{TYPED_TITLE['uk']}</h1>" in html
    assert TYPED_PARAGRAPH["uk"] in html
    assert {"uk": "Модуль 4 з 4", "ru": "Модуль 4 из 4"}[language] in html
    assert {"uk": "Перевірте себе", "ru": "Проверьте себя"}[language] in html  # the test's title
    assert 'data-h5p-title="Спробуйте"' in html


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_new_module_finished_with_a_button_previews_before_it_is_saved(editor, pages, language):
    course = pages["live"]["course"][language]

    response = preview_a_new_module(editor, course, [("text", rich_text(f"<p>{TYPED_PARAGRAPH['uk']}</p>"))])

    assert response.status_code == 200
    html = response.content.decode()
    assert TYPED_PARAGRAPH["uk"] in html
    # The button a trainee will see, disabled: there is nothing to finish yet.
    assert f'<button type="submit" class="button" disabled>{FINISH_BUTTON[language]}</button>' in html


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_new_course_previews_before_it_is_saved(editor, pages, language):
    index = pages["live"]["index"][language]
    typed = {"title": TYPED_TITLE[language], "summary": "Опис", "estimated_hours": "2"}
    form_data = add_form_data(editor, CoursePage, index, typed)
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=["courses", "coursepage", index.pk])

    response = preview_in_panel(editor, preview_url, form_data)

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    assert f"<h1>{TYPED_TITLE[language]}</h1>" in response.content.decode()


def test_only_this_site_may_frame_a_preview_and_nobody_a_trainee_page(editor, pages, client, trainee):
    module = pages["draft"]["module"]["uk"]

    preview = preview_in_page_editor(editor, module, typed_into_the_editor("module", "uk"))

    assert policy(preview)["frame-ancestors"] == "'self'"
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    # Otherwise the trainees' policy, so the editor sees what a trainee will.
    assert policy(preview)["script-src"] == "'self'" and policy(preview)["style-src"] == "'self'"
    assert "unsafe" not in preview["Content-Security-Policy"]

    client.force_login(trainee)
    live_module = pages["live"]["module"]["uk"]
    page = client.get(live_module.url)
    assert page.status_code == 200
    assert policy(page)["frame-ancestors"] == "'none'"
    assert page["X-Frame-Options"] == "DENY"


def test_other_previews_may_be_framed_by_this_site_too(editor, pages):
    """What "View draft", a revision's preview and wagtail-localize's send say the same."""
    module = pages["draft"]["module"]["uk"]
    translation = pages["draft"]["module"]["ru"]
    translation_id = Translation.objects.get(
        source__object_id=translation.translation_key, target_locale=translation.locale
    ).pk
    urls = [
        reverse("wagtailadmin_pages:view_draft", args=[module.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[module.pk, module.latest_revision_id]),
        reverse("wagtail_localize:preview_translation", args=[translation_id]),
    ]
    for url in urls:
        response = editor.get(url)
        assert response.status_code == 200, url
        assert policy(response)["frame-ancestors"] == "'self'", url
        assert response["X-Frame-Options"] == "SAMEORIGIN", url


def test_a_trainee_cannot_open_a_preview(client, trainee, pages):
    client.force_login(trainee)
    module = pages["draft"]["module"]["uk"]

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[module.pk]))

    assert response.status_code in (302, 403)
    assert DRAFT_TITLES["module"][0] not in response.content.decode()
