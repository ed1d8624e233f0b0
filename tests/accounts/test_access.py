"""accounts/access.py: permissions (not group names) decide, organisation scoping in one
place, and a refusal that says why in the user's language."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from wagtail.users.models import UserProfile

from accounts.access import (
    SEE_REPORTS,
    SEE_TRAINEES,
    group_trainers,
    may,
    refusal,
    scope_to_organisation,
)
from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP, Organisation, TrainingGroup
from tests.factories import TraineeFactory, TrainingGroupFactory, UserFactory


def grant(user, *permissions):
    """Give `user` permissions directly, without any role group."""
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )


def withdraw_from_role(role, permission):
    app_label, codename = permission.split(".")
    Group.objects.get(name=role).permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def foreign_group(other_organisation):
    return TrainingGroupFactory(organisation=other_organisation, name="Чужа група", join_code="FOREIGN1")


# Permissions decide, not group names.


def test_a_permission_given_directly_without_a_role_opens_the_reports(client, organisation):
    analyst = UserFactory(nickname="analyst", organisation=organisation)
    grant(analyst, "wagtailadmin.access_admin", "accounts.view_reports")
    client.force_login(analyst)

    assert client.get("/admin/reports/").status_code == 200


def test_a_coordinator_whose_role_lost_the_permission_is_refused(client, coordinator):
    withdraw_from_role(COORDINATORS_GROUP, "accounts.view_reports")
    client.force_login(coordinator)

    response = client.get("/admin/reports/")

    assert response.status_code == 403
    assert "У вас немає дозволу переглядати звіти." in response.content.decode()


def test_a_permission_given_directly_opens_the_trainee_list(client, organisation, trainee):
    helper = UserFactory(nickname="helper", organisation=organisation)
    grant(helper, "wagtailadmin.access_admin", "accounts.view_trainees")
    client.force_login(helper)

    response = client.get("/admin/trainees/")
    reset = client.post(
        f"/admin/trainees/{trainee.pk}/password/", {"new_password1": "x", "new_password2": "x"}
    )

    assert response.status_code == 200 and trainee.nickname in response.content.decode()
    assert f"/admin/trainees/{trainee.pk}/password/" not in response.content.decode()  # no such permission
    assert reset.status_code == 302 and [str(m) for m in get_messages(reset.wsgi_request)] == [
        "У вас немає дозволу встановлювати паролі учасницям і учасникам."
    ]


def test_a_trainer_whose_role_lost_the_trainee_list_is_sent_back_with_the_reason(client, trainer, trainee):
    withdraw_from_role(TRAINERS_GROUP, "accounts.view_trainees")
    client.force_login(trainer)

    response = client.get("/admin/trainees/")

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "У вас немає дозволу переглядати учасниць і учасників."
    ]


def test_certificates_need_their_permission_not_the_coordinators_group(client, organisation):
    auditor = UserFactory(nickname="auditor", organisation=organisation)
    grant(auditor, "wagtailadmin.access_admin", "certificates.view_certificate")
    client.force_login(auditor)

    assert client.get("/admin/certificates/").status_code == 200


def test_trainers_are_whoever_may_lead_a_group(organisation, trainer, coordinator):
    helper = UserFactory(nickname="helper", organisation=organisation)
    grant(helper, "accounts.lead_traininggroup")

    assert set(group_trainers()) == {trainer, helper}  # a coordinator does not lead groups


def test_the_group_form_offers_only_trainers_and_the_organisation_of_the_editor(
    client, coordinator, trainer, group, other_organisation
):
    outsider = UserFactory(nickname="outsider-trainer", organisation=other_organisation, role=TRAINERS_GROUP)
    client.force_login(coordinator)

    form = client.get(f"/admin/snippets/accounts/traininggroup/edit/{group.pk}/").context["form"]

    assert list(form.fields["trainer"].queryset) == [trainer]
    assert outsider not in form.fields["trainer"].queryset
    assert list(form.fields["organisation"].queryset) == [group.organisation]


# Organisation scoping.


def test_scope_admins_see_all_staff_their_organisation_everyone_else_nothing(
    admin_user, coordinator, trainee, group, foreign_group
):
    groups = TrainingGroup.objects.all()
    lost = UserFactory(nickname="no-organisation", role=COORDINATORS_GROUP)

    assert set(scope_to_organisation(admin_user, groups)) == {group, foreign_group}
    assert list(scope_to_organisation(coordinator, groups)) == [group]
    assert list(scope_to_organisation(trainee, groups)) == []  # a trainee has no admin access
    assert list(scope_to_organisation(lost, groups)) == []
    assert list(scope_to_organisation(coordinator, Organisation.objects.all(), field="pk")) == [
        group.organisation
    ]


def test_staff_without_an_organisation_get_no_reports_and_are_told_why(client, db):
    lost = UserFactory(nickname="no-organisation", role=COORDINATORS_GROUP)
    client.force_login(lost)

    response = client.get("/admin/reports/trainees.csv")

    assert not may(lost, SEE_REPORTS) and not may(lost, SEE_TRAINEES)
    assert str(refusal(lost, SEE_REPORTS)).startswith("Ваш обліковий запис ще не пов'язаний з організацією")
    assert response.status_code == 403


def test_every_generated_view_of_another_organisations_group_is_a_404(client, coordinator, foreign_group):
    client.force_login(coordinator)
    base = "/admin/snippets/accounts/traininggroup"

    for view in ("edit", "delete", "copy", "history", "usage"):
        assert client.get(f"{base}/{view}/{foreign_group.pk}/").status_code == 404, view
    assert (
        client.get(f"/admin/snippets/choose/accounts/traininggroup/chosen/{foreign_group.pk}/").status_code
        == 404
    )
    chooser = client.get("/admin/snippets/choose/accounts/traininggroup/results/").content.decode()
    assert "Чужа група" not in chooser


def test_another_organisations_group_cannot_be_bulk_deleted(client, coordinator, group, foreign_group):
    client.force_login(coordinator)

    assert client.get(f"/admin/bulk/accounts/traininggroup/delete/?id={foreign_group.pk}").status_code == 404
    assert client.post(f"/admin/bulk/accounts/traininggroup/delete/?id={foreign_group.pk}").status_code == 404
    everything = client.get("/admin/bulk/accounts/traininggroup/delete/?id=all").content.decode()

    assert TrainingGroup.objects.filter(pk=foreign_group.pk).exists()
    assert "Чужа група" not in everything and group.name in everything


def test_a_trainee_of_another_organisation_is_not_found(client, coordinator, foreign_group):
    outsider = TraineeFactory(training_group=foreign_group)
    client.force_login(coordinator)

    assert client.get(f"/admin/trainees/{outsider.pk}/password/").status_code == 404


# A refusal says why, in the user's language.


@pytest.mark.parametrize(
    ("language", "reason"),
    [("uk", "У вас немає дозволу переглядати звіти."), ("ru", "У вас нет разрешения просматривать отчёты.")],
)
def test_a_trainer_asking_for_reports_is_told_they_have_no_permission(client, trainer, language, reason):
    in_language(trainer, language)
    client.force_login(trainer)

    for url in ("/admin/reports/", "/admin/reports/training-report.csv", "/admin/reports/trainees.xlsx"):
        response = client.get(url)
        assert response.status_code == 403
        assert response.content.decode() == reason


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("uk", "Ви можете бачити лише дані своєї організації."),
        ("ru", "Вы можете видеть только данные своей организации."),
    ],
)
def test_a_coordinator_asking_for_another_organisation_is_told_so(
    client, coordinator, foreign_group, language, reason
):
    in_language(coordinator, language)
    client.force_login(coordinator)

    by_organisation = client.get("/admin/reports/", {"organisation": foreign_group.organisation_id})
    by_group = client.get("/admin/reports/trainees.csv", {"group": foreign_group.pk})

    for response in (by_organisation, by_group):
        assert response.status_code == 403
        assert response.content.decode() == reason


def test_a_trainer_asking_for_certificates_is_sent_back_with_the_reason_in_russian(client, trainer):
    in_language(trainer, "ru")
    client.force_login(trainer)

    response = client.get("/admin/certificates/")

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "У вас нет разрешения просматривать сертификаты."
    ]


def test_only_admins_are_offered_the_choice_of_organisation(
    client, admin_user, coordinator, other_organisation
):
    client.force_login(coordinator)
    assert 'name="organisation"' not in client.get("/admin/reports/").content.decode()

    client.force_login(admin_user)
    assert 'name="organisation"' in client.get("/admin/reports/").content.decode()
