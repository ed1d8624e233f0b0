"""The training-group chooser's "chosen" answer takes ids from the URL: whatever they are,
it answers with the user's own groups only, never an error page."""

import json

from tests.factories import TrainingGroupFactory

CHOSEN = "/admin/snippets/choose/accounts/traininggroup/chosen-multiple/"


def test_ids_that_are_not_numbers_are_ignored_and_other_organisations_groups_not_found(
    client, trainer, group, other_organisation
):
    theirs = TrainingGroupFactory(organisation=other_organisation, name="Their-group")
    client.force_login(trainer)

    response = client.get(CHOSEN, {"id": [str(group.pk), "x", "²", "1 OR 1=1", str(theirs.pk)]})

    assert response.status_code == 200
    chosen = json.loads(response.content)["result"]
    assert [str(item["id"]) for item in chosen] == [str(group.pk)]
    assert "Their-group" not in response.content.decode()


def test_only_nonsense_ids_choose_nothing(client, trainer, group):
    client.force_login(trainer)

    response = client.get(CHOSEN, {"id": ["x", "-1", "99999999999999999999999"]})

    assert response.status_code == 200
    assert json.loads(response.content)["result"] == []
