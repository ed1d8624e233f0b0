from django.contrib.auth.models import Group

from accounts.access import group_trainers
from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP, User
from tests.factories import PASSWORD, TraineeFactory, TrainingGroupFactory


def test_roles_exist_with_admin_access(db):
    for name in (TRAINERS_GROUP, COORDINATORS_GROUP):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"access_admin", "change_traininggroup"} <= codenames


def test_trainee_cannot_reach_the_admin(client, trainee):
    client.force_login(trainee)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_trainer_reaches_the_admin(client, trainer):
    client.force_login(trainer)

    assert client.get("/admin/").status_code == 200


def test_trainer_sees_and_edits_only_their_organisations_groups(client, trainer, group, other_organisation):
    foreign = TrainingGroupFactory(organisation=other_organisation, name="Чужа група")
    client.force_login(trainer)

    listing = client.get("/admin/snippets/accounts/traininggroup/").content.decode()
    assert "Львів-1" in listing
    assert "Чужа група" not in listing
    assert client.get(f"/admin/snippets/accounts/traininggroup/edit/{group.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/accounts/traininggroup/edit/{foreign.pk}/").status_code == 404


def test_trainer_sets_a_new_password_for_a_trainee_of_their_organisation(client, trainer, trainee):
    client.force_login(trainer)

    response = client.post(
        f"/admin/trainees/{trainee.pk}/password/",
        {"new_password1": "fresh-meadow-42", "new_password2": "fresh-meadow-42"},
    )

    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password("fresh-meadow-42")


def test_weak_reset_password_is_refused(client, coordinator, trainee):
    client.force_login(coordinator)

    response = client.post(
        f"/admin/trainees/{trainee.pk}/password/", {"new_password1": "123", "new_password2": "123"}
    )

    assert response.status_code == 200
    trainee.refresh_from_db()
    assert trainee.check_password(PASSWORD)


def test_staff_cannot_reset_passwords_in_another_organisation(client, trainer, other_organisation):
    outsider = TraineeFactory(training_group=TrainingGroupFactory(organisation=other_organisation))
    client.force_login(trainer)

    assert outsider.nickname not in client.get("/admin/trainees/").content.decode()
    response = client.post(
        f"/admin/trainees/{outsider.pk}/password/",
        {"new_password1": "fresh-meadow-42", "new_password2": "fresh-meadow-42"},
    )
    assert response.status_code == 404


def test_trainee_cannot_use_the_password_reset(client, trainee, group):
    other = TraineeFactory(training_group=group)
    client.force_login(trainee)

    response = client.get(f"/admin/trainees/{other.pk}/password/")

    assert response.status_code in (302, 403)


def test_admin_creates_a_user_with_a_nickname_only(client, admin_user, organisation):
    client.force_login(admin_user)
    assert client.get("/admin/users/new/").status_code == 200

    response = client.post(
        "/admin/users/new/",
        {
            "nickname": "new-trainer",
            "organisation": organisation.pk,
            "password1": "strong-pass-5577",
            "password2": "strong-pass-5577",
            "groups": [Group.objects.get(name=TRAINERS_GROUP).pk],
        },
    )

    assert response.status_code == 302
    created = User.objects.get(nickname="new-trainer")
    assert created in group_trainers() and created.organisation == organisation
    assert client.get(f"/admin/users/edit/{created.pk}/").status_code == 200


def test_admin_edits_organisation_names_in_both_languages(client, admin_user, organisation):
    client.force_login(admin_user)

    response = client.get(f"/admin/snippets/accounts/organisation/edit/{organisation.pk}/")

    assert response.status_code == 200
