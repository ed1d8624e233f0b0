"""A trainer translates in wagtail-localize's editor and sends the translation for review;
a coordinator of their organisation finds it awaiting review on the dashboard (one of the
other organisation does not) and approves it, and it goes live. In the Ukrainian and the
Russian admin."""

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation

from accounts.models import User
from courses.models import ModulePage
from tests.browser.test_authoring import DESKTOP, admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDS = {
    "uk": {
        "submit": "Зберегти й надіслати на перевірку",
        "delete": "Видалити",
        "stop": "Зупинити синхронізований переклад",
        "who": "координаторка або координатор вашої організації",
        "approve": "Схвалити",
    },
    "ru": {
        "submit": "Сохранить и отправить на проверку",
        "delete": "Удалить",
        "stop": "Остановить синхронизацию перевода",
        "who": "координатор вашей организации",
        "approve": "Одобрить",
    },
}
NEW_SUMMARY = "Что такое ДКП и кому она подходит"


def speaks(nickname, lang):
    profile = UserProfile.get_for_user(User.objects.get(nickname=nickname))
    profile.preferred_language = lang
    profile.save()


def russian_module():
    """The Russian translation of the demo's first module and its summary's source segment."""
    module = ModulePage.objects.filter(locale__language_code="ru").order_by("path").first()
    translation = Translation.objects.get(
        source__object_id=module.translation_key, target_locale=module.locale
    )
    summary = translation.source.stringsegment_set.select_related("string").get(context__path="summary")
    return module, translation, summary.string.data


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_trainer_submits_a_translation_and_the_coordinator_sees_it_awaiting_review(visit, demo, lang):
    words = WORDS[lang]
    for nickname in ("trainer-lviv", "coordinator-lviv", "coordinator-spb"):
        speaks(nickname, lang)
    module, translation, source_summary = russian_module()
    page = visit("uk-UA" if lang == "uk" else "ru-RU")
    page.set_viewport_size(DESKTOP)

    admin_sign_in(page, "trainer-lviv")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    # The main button sends for review and the sentence says who reviews. The editor's own
    # main action (for a trainer who may delete the page, "Delete") moves to the menu.
    footer = page.locator(".js-translation-editor footer")
    main = footer.locator(".w-dropdown-button > :visible").first
    expect(main).to_have_text(words["submit"])
    expect(page.locator("[data-translation-review-note]")).to_contain_text(words["who"])
    expect(footer.locator(".w-dropdown-button > :visible", has_text=words["delete"])).to_have_count(0)
    footer.locator(".w-dropdown__toggle").first.click()
    expect(footer.locator("[data-w-dropdown-target=content]").get_by_text(words["stop"])).to_be_visible()
    page.keyboard.press("Escape")

    segment = page.locator(".js-translation-editor li", has_text=source_summary).last
    segment.locator("button").last.click()
    segment.locator("textarea").fill(NEW_SUMMARY)
    segment.locator("textarea").press("Enter")
    expect(segment).to_contain_text(NEW_SUMMARY)
    expect(segment.locator("textarea")).to_have_count(0)
    main.click()

    expect(page.locator(".messages")).to_contain_text(words["who"])
    state = WorkflowState.objects.get(object_id=str(module.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.requested_by.nickname == "trainer-lviv"
    module.refresh_from_db()
    assert module.get_latest_revision_as_object().summary == NEW_SUMMARY
    assert module.summary != NEW_SUMMARY  # not live before approval
    assert StringTranslation.objects.filter(data=NEW_SUMMARY, locale=translation.target_locale).exists()

    admin_sign_in(page, "coordinator-spb")  # the other organisation's coordinator
    expect(page.locator("#awaiting-review-section")).to_have_count(0)

    admin_sign_in(page, "coordinator-lviv")
    awaiting = page.locator("#awaiting-review-section")
    expect(awaiting).to_contain_text(module.title)
    expect(awaiting).to_contain_text("trainer-lviv")
    # Approved from the dashboard, the translation goes live.
    awaiting.locator("tr", has_text=module.title).locator(".w-dropdown__toggle").click()
    awaiting.get_by_role("button", name=words["approve"], exact=True).click()
    expect(page.locator("#awaiting-review-section")).to_have_count(0)
    module.refresh_from_db()
    assert module.summary == NEW_SUMMARY and module.live
