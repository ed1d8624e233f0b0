"""In Chromium, each organisation's trainer and coordinator try to see, copy, delete and
choose the other organisation's training group: they find nothing, and nothing changes. A
trainer cannot type their own group's code, only have a new one made."""

import pytest
from playwright.sync_api import expect

from accounts.models import TrainingGroup
from tests.browser.test_authoring import admin_sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GROUPS = "/admin/snippets/accounts/traininggroup/"


@pytest.mark.parametrize(
    "nickname, own_slug, other_slug",
    [
        ("coordinator-lviv", "salus", "humanitarian-action"),
        ("trainer-lviv", "salus", "humanitarian-action"),
        ("coordinator-spb", "humanitarian-action", "salus"),
        ("trainer-spb", "humanitarian-action", "salus"),
    ],
)
def test_staff_cannot_see_copy_delete_or_choose_the_other_organisations_group(
    visit, demo, nickname, own_slug, other_slug
):
    own = TrainingGroup.objects.get(organisation__slug=own_slug)
    other = TrainingGroup.objects.get(organisation__slug=other_slug)
    secrets = (other.name, other.join_code)
    page = visit()
    admin_sign_in(page, nickname)

    def shows_nothing_of_theirs(path):
        response = page.goto(path)
        content = page.content()
        assert not any(secret in content for secret in secrets), path
        return response

    shows_nothing_of_theirs(GROUPS)
    assert own.name in page.content()  # the list works: their own group is there
    shows_nothing_of_theirs(f"{GROUPS}?q={other.name.split()[0]}")
    assert shows_nothing_of_theirs(f"{GROUPS}copy/{other.pk}/").status == 404
    assert shows_nothing_of_theirs(f"{GROUPS}edit/{other.pk}/").status == 404
    assert shows_nothing_of_theirs(f"{GROUPS}delete/{other.pk}/").status == 404
    shows_nothing_of_theirs(f"{GROUPS}history/{other.pk}/")
    shows_nothing_of_theirs("/admin/snippets/choose/accounts/traininggroup/")

    # Bulk delete, as the reviewer did it: the confirmation, if any, and its button.
    shows_nothing_of_theirs(f"/admin/bulk/accounts/traininggroup/delete/?id={other.pk}")
    confirm = page.locator("main form button[type=submit]")
    if confirm.count():
        confirm.first.click()
        page.wait_for_load_state()
    assert TrainingGroup.objects.filter(pk=other.pk, join_code=other.join_code).exists()


def test_a_trainer_has_a_new_code_made_for_their_group(visit, demo):
    group = TrainingGroup.objects.get(organisation__slug="salus")
    old = group.join_code
    page = visit()
    admin_sign_in(page, "trainer-lviv")

    page.goto(f"{GROUPS}edit/{group.pk}/")
    expect(page.locator("main")).to_contain_text(old)  # to read out to trainees
    expect(page.locator("[name=join_code]")).to_have_count(0)  # but not to type
    page.get_by_role("checkbox", name="Створити новий код (старий одразу перестане діяти)").check()
    page.get_by_role("button", name="Зберегти", exact=True).click()
    page.wait_for_url(f"**{GROUPS}")

    group.refresh_from_db()
    assert group.join_code != old and len(group.join_code) == 9
    expect(page.locator("main")).to_contain_text(group.join_code)  # the list shows the new one
