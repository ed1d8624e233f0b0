"""An erased account (accounts/erased.py) is no one in the admin either: Wagtail's Users
admin neither lists, finds nor opens it, its bulk actions cannot switch it back on, and the
extra-attempts screen neither lists it nor grants it an attempt."""

import pytest

from accounts.erased import ERASED_PREFIX
from accounts.models import User
from elearn.privacy import account_delete
from quizzes.models import Attempt, AttemptGrant
from tests.factories import TraineeFactory


@pytest.fixture
def kvitka(group):
    return TraineeFactory(nickname="kvitka", training_group=group)


@pytest.fixture
def erased(group):
    person = TraineeFactory(nickname="erased-soon", training_group=group)
    account_delete(person)
    person.refresh_from_db()
    return person


def test_the_users_admin_neither_lists_nor_finds_nor_opens_an_erased_account(
    client, admin_user, kvitka, erased, group
):
    TraineeFactory(nickname="romashka", training_group=group)
    client.force_login(admin_user)

    listing = client.get("/admin/users/").content.decode()
    found = client.get("/admin/users/", {"q": "kvit"}).content.decode()
    searched = client.get("/admin/users/", {"q": "deleted"}).content.decode()
    edit = f"/admin/users/edit/{erased.pk}/"
    opened = client.get(edit)
    posted = client.post(edit, {"nickname": "back", "is_active": "on", "password1": "x" * 20})

    assert "kvitka" in listing and ERASED_PREFIX not in listing
    assert "kvitka" in found and "romashka" not in found  # the search works, by nickname
    assert ERASED_PREFIX not in searched
    assert opened.status_code == 404 and posted.status_code == 404
    for url in (f"/admin/users/delete/{erased.pk}/", f"/admin/users/history/{erased.pk}/"):
        assert client.get(url).status_code == 404, url
    again = User.objects.get(pk=erased.pk)
    assert again.nickname == erased.nickname and not again.is_active and not again.has_usable_password()


def test_the_users_bulk_actions_never_switch_an_erased_account_back_on(client, admin_user, kvitka, erased):
    User.objects.filter(pk=kvitka.pk).update(is_active=False)
    client.force_login(admin_user)
    switch_on = "/admin/bulk/accounts/user/set_active_state/"

    client.post(f"{switch_on}?id={erased.pk}&id={kvitka.pk}", {"mark_as_active": "True"})
    client.post(f"{switch_on}?id=all", {"mark_as_active": "True"})
    only_erased = client.get(f"/admin/bulk/accounts/user/delete/?id={erased.pk}")

    assert User.objects.get(pk=kvitka.pk).is_active  # the action did run
    assert not User.objects.get(pk=erased.pk).is_active
    assert only_erased.status_code == 404


def test_selecting_all_found_by_a_search_acts_on_those_found_only(client, admin_user, kvitka, group):
    other = TraineeFactory(nickname="romashka", training_group=group)
    client.force_login(admin_user)

    client.post("/admin/bulk/accounts/user/set_active_state/?id=all&q=kvit", {"mark_as_active": "False"})

    assert not User.objects.get(pk=kvitka.pk).is_active
    assert User.objects.get(pk=other.pk).is_active


def test_selecting_all_of_a_filtered_list_acts_on_those_listed_only(client, admin_user, kvitka, group):
    TraineeFactory(nickname="romashka", training_group=group, is_active=False)
    client.force_login(admin_user)

    client.post("/admin/bulk/accounts/user/delete/?id=all&is_active=false", {})

    assert not User.objects.filter(nickname="romashka").exists()
    assert User.objects.filter(pk=kvitka.pk).exists()  # active: not in the list acted on
    assert User.objects.filter(pk=admin_user.pk).exists()


def test_the_extra_attempts_screen_leaves_out_an_erased_account(client, final_course, trainer, group):
    final = final_course[2]
    final.max_attempts = 1
    final.save()
    kvitka = TraineeFactory(nickname="kvitka", training_group=group)
    gone = TraineeFactory(nickname="erased-soon", training_group=group)
    for person in (kvitka, gone):
        Attempt.objects.create(user=person, quiz=final, language="uk", finished_at="2026-11-30T10:00Z")
    account_delete(gone)
    client.force_login(trainer)

    listing = client.get(f"/admin/tests/{final.pk}/attempts/").content.decode()
    client.post(f"/admin/tests/{final.pk}/attempts/", {"trainee": gone.pk})

    assert "kvitka" in listing and ERASED_PREFIX not in listing
    assert not AttemptGrant.objects.exists()
    assert Attempt.objects.filter(user=gone).exists()  # still counted in the statistics
