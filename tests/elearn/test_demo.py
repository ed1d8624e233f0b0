from io import StringIO

from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from accounts.access import SEE_REPORTS, group_trainers, may
from accounts.models import Organisation, TrainingGroup, User
from elearn.demo.accounts import DEMO_PASSWORD


def snapshot():
    """Every row count, plus the password hashes (a second run must not re-hash them)."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models()}
    hashes = dict(User.objects.values_list("nickname", "password"))
    return counts, hashes


def test_load_demo_is_idempotent(demo):
    first = snapshot()

    call_command("load_demo", stdout=StringIO())

    assert snapshot() == first
    assert Revision.objects.count() == first[0]["wagtailcore.Revision"]
    assert PageLogEntry.objects.count() == first[0]["wagtailcore.PageLogEntry"]


def test_demo_has_the_two_organisations_groups_and_accounts(demo):
    assert set(Organisation.objects.values_list("slug", flat=True)) == {"salus", "humanitarian-action"}
    assert TrainingGroup.objects.filter(join_code="TVE4GN6ZR", organisation__slug="salus").exists()
    expected = {"admin", "trainer-lviv", "trainer-spb", "coordinator-lviv", "coordinator-spb", "trainee-demo"}
    assert set(User.objects.values_list("nickname", flat=True)) == expected
    assert all(user.check_password(DEMO_PASSWORD) for user in User.objects.all())
    trainer, coordinator = (User.objects.get(nickname=name) for name in ("trainer-spb", "coordinator-lviv"))
    assert trainer in group_trainers() and not may(trainer, SEE_REPORTS)
    assert may(coordinator, SEE_REPORTS)
    assert User.objects.get(nickname="trainee-demo").training_group.join_code == "TVE4GN6ZR"


def test_demo_replaces_wagtails_welcome_page_with_home_pages_in_both_languages(client, demo):
    assert not Page.objects.filter(title__icontains="Welcome").exists()
    assert "секс-працівниці" in client.get("/uk/").content.decode()
    assert "секс-работницы" in client.get("/ru/").content.decode()
