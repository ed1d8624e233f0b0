"""An administrator previews pages in Chromium, as trainers do before anything goes live.

Wagtail's page editor shows the preview in a side panel, an iframe of this site: the page
must render there, under the trainees' Content-Security-Policy, with nothing blocked. A
Russian page that is a synced wagtail-localize translation is edited in wagtail-localize's
editor, whose "Preview" opens the page in a new tab. Every page type previews in the panel,
as a draft and live, in each language."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail_localize.models import Translation

from courses.models import CoursePage, ModulePage
from elearn.models import HomePage
from tests.browser.test_authoring import DESKTOP, admin_sign_in
from tests.builders import module_body, translate_as_draft
from tests.courses.test_previews import stop_synced_translation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DRAFT_TITLE = {"uk": "Що таке PrEP", "ru": "Что такое PrEP"}
# Every page type of the project: a new one is previewed here without anyone listing it.
PAGE_TYPES = [model for model in get_page_models() if model is not Page]
LANGUAGES = ["uk", "ru"]
DRAFT_PREFIX = {"uk": "Чернетка", "ru": "Черновик"}


@pytest.fixture
def draft_module(demo):
    """A module a trainer added to the demo course and never published, and its Russian
    version as "Translate this page" makes it: a draft too."""
    course = CoursePage.objects.get(locale__language_code="uk")
    module = ModulePage(
        title=DRAFT_TITLE["uk"],
        slug="prep",
        summary="Таблетки, які захищають від ВІЛ.",
        estimated_minutes=5,
        body=module_body("prep", "PrEP"),
        live=False,
    )
    course.add_child(instance=module)
    module.save_revision()

    ru = Locale.objects.get(language_code="ru")
    return {"uk": module, "ru": translate_as_draft(module, ru, DRAFT_TITLE["ru"])}


def report_blocked_loads(tab, policy_violations):
    """A tab the editor opens reports what the Content-Security-Policy blocked, like the
    first one (tests/browser/conftest.py)."""
    tab.on(
        "console", lambda m: policy_violations.append(m.text) if "Content Security Policy" in m.text else None
    )


def open_preview_panel(page, edited):
    # Wagtail reopens the side panel last open; start from a closed one so the toggle opens it.
    page.evaluate("localStorage.removeItem('wagtail:side-panel-open')")
    page.goto(reverse("wagtailadmin_pages:edit", args=[edited.pk]))
    page.locator("[data-side-panel-toggle=preview]").click()
    expect(page.locator("[data-side-panel=preview]")).to_be_visible()
    return page.frame_locator("#w-preview-iframe")


def open_translation_preview(page, edited):
    """The Russian page's editor is wagtail-localize's; its "Preview" opens a new tab."""
    translation = Translation.objects.get(
        source__object_id=edited.translation_key, target_locale=edited.locale
    )
    page.goto(reverse("wagtailadmin_pages:edit", args=[edited.pk]))
    with page.context.expect_page() as new_tab:
        page.locator(
            f"a[href='{reverse('wagtail_localize:preview_translation', args=[translation.pk])}']"
        ).click()
    tab = new_tab.value
    report_blocked_loads(tab, page.policy_violations)
    tab.wait_for_load_state()
    return tab


def test_an_administrator_previews_a_draft_module_and_a_live_course_in_the_page_editor(visit, draft_module):
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "admin")

    module = draft_module["uk"]
    preview = open_preview_panel(page, module)
    expect(preview.get_by_role("heading", level=1)).to_have_text(DRAFT_TITLE["uk"])
    expect(preview.get_by_text("Модуль 7 з 7")).to_be_visible()  # after the demo's six
    expect(preview.get_by_text("PrEP: головне.")).to_be_visible()
    expect(preview.locator("html")).to_have_attribute("lang", "uk")

    course = CoursePage.objects.get(locale__language_code="uk")
    preview = open_preview_panel(page, course)
    expect(preview.get_by_role("heading", level=1)).to_have_text(course.title)
    first_module = ModulePage.objects.live().child_of(course).order_by("path").first()
    expect(preview.get_by_role("link", name=first_module.title)).to_be_visible()
    expect(preview.get_by_role("link", name=DRAFT_TITLE["uk"])).to_have_count(0)  # not live yet

    # The Russian home page is a copy, not a synced translation: Wagtail's editor, in Russian.
    home = HomePage.objects.get(locale__language_code="ru")
    preview = open_preview_panel(page, home)
    expect(preview.get_by_role("heading", level=1)).to_have_text(home.title)
    expect(preview.locator("html")).to_have_attribute("lang", "ru")


def test_an_administrator_previews_russian_translations_from_the_translation_editor(visit, draft_module):
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "admin")

    tab = open_translation_preview(page, draft_module["ru"])
    expect(tab.get_by_role("heading", level=1)).to_have_text(DRAFT_TITLE["ru"])
    expect(tab.get_by_text("Модуль 7 из 7")).to_be_visible()
    expect(tab.locator("html")).to_have_attribute("lang", "ru")
    tab.close()

    course = CoursePage.objects.get(locale__language_code="ru")
    tab = open_translation_preview(page, course)
    expect(tab.get_by_role("heading", level=1)).to_have_text(course.title)
    tab.close()


def test_an_activity_plays_inside_the_preview_of_a_module(visit, demo):
    """The preview runs the module's own scripts under the trainees' policy, and the H5P
    player's sandboxed frame opens inside it."""
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "admin")

    module = ModulePage.objects.get(slug="condoms-and-negotiation", locale__language_code="uk")
    preview = open_preview_panel(page, module)
    expect(preview.get_by_role("heading", level=1)).to_have_text(module.title)
    preview.locator("[data-h5p-open]").click()
    player = preview.frame_locator("iframe.h5p-card__iframe")
    expect(player.locator(".h5p-conecta-check__answer").first).to_be_visible()


def live_page(model, language):
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__} in {language}: add one to the demo"
    return page


def add_draft(live, drafts):
    """A never-published page of `live`'s type and language, where a trainer would add one:
    beside it, or, where only one may stand (one course list per home page), under the draft
    of the parent's type."""
    language = live.locale.language_code
    parent = live.get_parent().specific
    if not type(live).can_create_at(parent):
        parent = drafts.get((type(parent), language), parent)
    draft = live.copy(
        to=parent,
        update_attrs={"title": f"{DRAFT_PREFIX[language]}: {live.title}", "slug": f"draft-{live.slug}"},
        keep_live=False,
        copy_revisions=False,
    )
    if parent.is_root():
        # A new home page is a new site being set up: the site gives its pages their
        # addresses, /<language>/..., and with them their language.
        Site.objects.create(hostname=f"draft-{language}.localhost", port=80, root_page=draft)
    return draft


def pages_to_preview():
    """(page type, "draft" or "live", language) -> page. The live pages are the demo's; each
    draft copies one, under a new title, unpublished. A live Russian page that is a synced
    translation is edited in wagtail-localize's editor, which has no panel (its preview is
    tested above): stopping the sync gives it Wagtail's editor, as it does for a trainer."""
    live = {(model, language): live_page(model, language) for model in PAGE_TYPES for language in LANGUAGES}
    drafts = {}
    for key in sorted(live, key=lambda key: live[key].depth):  # parents' drafts first
        drafts[key] = add_draft(live[key], drafts)
        stop_synced_translation(live[key])
    pages = {}
    for (model, language), page in live.items():
        draft = drafts[model, language]
        assert page.live and not draft.live and draft.last_published_at is None
        pages[model, "live", language] = page
        pages[model, "draft", language] = draft
    return pages


def test_every_page_type_previews_in_the_panel_as_a_draft_and_live_in_both_languages(visit, demo):
    """Each preview answers 200 and the panel shows the page: its title, in its language."""
    pages = pages_to_preview()
    page = visit()
    page.set_viewport_size(DESKTOP)
    admin_sign_in(page, "admin")
    answers = []  # (path, status) of the panel's preview loads
    page.on(
        "response",
        lambda response: (
            answers.append((urlsplit(response.url).path, response.status))
            if "in_preview_panel" in response.url and response.request.method == "GET"
            else None
        ),
    )

    for (model, state, language), previewed in pages.items():
        case = f"{model.__name__}, {state}, {language}"
        answers.clear()
        preview = open_preview_panel(page, previewed)
        expect(preview.get_by_role("heading", level=1), case).to_have_text(previewed.title)
        expect(preview.locator("html"), case).to_have_attribute("lang", language)
        preview_path = reverse("wagtailadmin_pages:preview_on_edit", args=[previewed.pk])
        assert answers and set(answers) == {(preview_path, 200)}, (case, answers)
