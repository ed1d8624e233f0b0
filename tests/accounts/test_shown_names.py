"""Pages are shared by both organisations, and Wagtail's editor names who locked, edited,
owns, commented on, reviews or is editing a page. Staff of the other organisation read
"staff of another organisation" instead of the nickname (accounts/shown_names.py); their
own colleagues and admins read the nickname."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import override
from wagtail.admin.models import EditingSession
from wagtail.models import Comment, Page
from wagtail.users.models import UserProfile

from accounts.models import User
from accounts.shown_names import ANOTHER_ORGANISATION
from courses.models import ModulePage

SPB_PEOPLE = ["trainer-spb", "coordinator-spb"]


def label(language="uk"):
    with override(language):
        return str(ANOTHER_ORGANISATION)


@pytest.fixture
def module_worked_on_by_spb(demo):
    """A shared module that Humanitarian Action's trainer owns, edited, locked, commented
    on, sent for review and has open in the editor right now."""
    trainer = User.objects.get(nickname="trainer-spb")
    module = ModulePage.objects.get(slug="hiv", locale__language_code="uk")
    revision = module.save_revision(user=trainer)
    Comment.objects.create(
        page=module, user=trainer, text="Перевірте цей абзац", contentpath="title", revision_created=revision
    )
    module.get_workflow().start(module, trainer)
    Page.objects.filter(pk=module.pk).update(
        owner=trainer, locked=True, locked_by=trainer, locked_at=timezone.now()
    )
    EditingSession.objects.create(
        user=trainer,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(module.pk),
        last_seen_at=timezone.now(),
        is_editing=True,
    )
    return module


def editor_screens(client, module):
    """The editor, the listing of the module's course (its status side panel), the
    "who else is editing" answer the editor asks for every few seconds, and the aging
    pages report."""
    ping = f"/admin/editing-sessions/ping/wagtailcore/page/{module.pk}/0/"
    return {
        "editor": client.get(f"/admin/pages/{module.pk}/edit/"),
        "listing": client.get(f"/admin/pages/{module.get_parent().pk}/"),
        "editing sessions": client.post(ping, {"is_editing": "1"}),
        "aging pages": client.get("/admin/reports/aging-pages/"),
    }


def text(response):
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


@pytest.mark.parametrize("nickname", ["trainer-lviv", "coordinator-lviv"])
def test_salus_staff_read_a_neutral_label_instead_of_humanitarian_actions_nicknames(
    client, module_worked_on_by_spb, nickname
):
    client.force_login(User.objects.get(nickname=nickname))

    screens = editor_screens(client, module_worked_on_by_spb)

    assert {name: response.status_code for name, response in screens.items()} == dict.fromkeys(screens, 200)
    leaks = [(name, who) for name, response in screens.items() for who in SPB_PEOPLE if who in text(response)]
    assert leaks == []
    for name in ["editor", "editing sessions"]:
        assert label() in text(screens[name]), name


def test_the_label_is_in_the_admins_language(client, module_worked_on_by_spb):
    coordinator = User.objects.get(nickname="coordinator-lviv")
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(coordinator)

    editor = text(client.get(f"/admin/pages/{module_worked_on_by_spb.pk}/edit/"))

    assert label("ru") in editor and "trainer-spb" not in editor


@pytest.mark.parametrize("nickname", ["coordinator-spb", "admin"])
def test_colleagues_and_admins_read_the_nickname(client, module_worked_on_by_spb, nickname):
    client.force_login(User.objects.get(nickname=nickname))

    editor = text(client.get(f"/admin/pages/{module_worked_on_by_spb.pk}/edit/"))

    assert "trainer-spb" in editor
    assert label() not in editor


def test_outside_a_request_a_nickname_is_a_nickname(demo):
    trainer = User.objects.get(nickname="trainer-spb")

    assert str(trainer) == "trainer-spb"
    assert trainer.get_full_name() == "trainer-spb"
