"""Coordinators keep their own organisation's local help, and only theirs."""

from accounts.models import User
from courses.local_help import LocalHelp

SNIPPETS = "/admin/snippets/courses/localhelp"


def test_a_coordinator_sees_and_edits_only_their_organisations_local_help(client, demo):
    client.force_login(User.objects.get(nickname="coordinator-lviv"))
    own = LocalHelp.objects.get(organisation__slug="salus")
    theirs = LocalHelp.objects.get(organisation__slug="humanitarian-action")

    listing = client.get(f"{SNIPPETS}/").content.decode()
    assert f"{SNIPPETS}/edit/{own.pk}/" in listing
    assert f"{SNIPPETS}/edit/{theirs.pk}/" not in listing
    assert client.get(f"{SNIPPETS}/edit/{own.pk}/").status_code == 200
    assert client.get(f"{SNIPPETS}/edit/{theirs.pk}/").status_code == 404
    assert client.get(f"{SNIPPETS}/delete/{theirs.pk}/").status_code == 404


def test_a_trainer_cannot_change_local_help(client, demo):
    client.force_login(User.objects.get(nickname="trainer-lviv"))
    own = LocalHelp.objects.get(organisation__slug="salus")

    response = client.get(f"{SNIPPETS}/edit/{own.pk}/")

    assert response.status_code in (302, 403)
