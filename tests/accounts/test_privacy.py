"""A trainee downloads their data and deletes their account; inactive accounts are purged
the same way. Statistics keep counting them, without the person."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import User
from certificates.models import Certificate
from courses.models import ModuleProgress
from quizzes.models import Attempt
from reports.data import report_data
from reports.indicators import total_row
from reports.scope import ReportScope
from tests.certificates.conftest import finish_modules, take_final
from tests.factories import PASSWORD, TraineeFactory


@pytest.fixture
def finished(trainee, final_course):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)
    certificate = Certificate.objects.get()
    certificate.kept_name, certificate.show_name = "Олена Коваль", True
    certificate.save()
    return final_course


def test_a_trainee_downloads_everything_kept_about_them(client, trainee, finished):
    client.force_login(trainee)

    response = client.get("/uk/accounts/my-data.json")

    assert response["Content-Disposition"] == 'attachment; filename="my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["nickname"] == trainee.nickname
    assert len(data["module_progress"]) == 3 and len(data["tests"]) == 1
    assert data["certificates"][0]["name_kept"] == "Олена Коваль"
    assert client.get("/uk/accounts/").content.decode().count("/uk/accounts/my-data.json") == 1


def test_a_wrong_password_deletes_nothing(client, trainee, finished):
    client.force_login(trainee)

    response = client.post("/uk/accounts/delete/", {"password": "not-it"})

    assert response.status_code == 400 and "Це не ваш пароль." in response.content.decode()
    assert User.objects.get(pk=trainee.pk).nickname == trainee.nickname


def test_deleting_removes_the_person_and_keeps_the_statistics(client, trainee, finished):
    page = finished[0]
    before = total_row(report_data(ReportScope(course=page)))
    client.force_login(trainee)

    response = client.post("/uk/accounts/delete/", {"password": PASSWORD}, follow=True)

    assert "Ваш обліковий запис видалено." in response.content.decode()
    gone = User.objects.get(pk=trainee.pk)
    assert gone.nickname.startswith("deleted-") and not gone.is_active and not gone.has_usable_password()
    assert (gone.gender, gone.age_band, gone.work_setting) == ("", "", "")
    assert (
        ModuleProgress.objects.filter(user=gone).count() == 3
        and Attempt.objects.filter(user=gone).count() == 1
    )
    assert total_row(report_data(ReportScope(course=page)))[1:] == before[1:]
    certificate = Certificate.objects.get()
    verified = client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()
    assert "Сертифікат дійсний" in verified and "Олена" not in verified and trainee.nickname not in verified
    assert client.get("/uk/accounts/").status_code == 302  # signed out
    again = client.post("/uk/accounts/login/", {"username": trainee.nickname, "password": PASSWORD})
    assert again.status_code == 200 and "_auth_user_id" not in client.session  # the old login is gone


def test_staff_accounts_are_not_deleted_from_the_site(client, coordinator):
    client.force_login(coordinator)

    assert client.post("/uk/accounts/delete/", {"password": PASSWORD}).status_code == 404


def test_purge_inactive_deletes_only_the_long_unused(group):
    stale = TraineeFactory(training_group=group, last_login=timezone.now() - datetime.timedelta(days=400))
    never = TraineeFactory(training_group=group)
    User.objects.filter(pk=never.pk).update(date_joined=timezone.now() - datetime.timedelta(days=400))
    active = TraineeFactory(training_group=group, last_login=timezone.now() - datetime.timedelta(days=3))

    call_command("purge_inactive", "--days", "365")

    assert User.objects.get(pk=stale.pk).nickname.startswith("deleted-")
    assert User.objects.get(pk=never.pk).nickname.startswith("deleted-")
    assert User.objects.get(pk=active.pk).nickname == active.nickname
    with pytest.raises(CommandError):
        call_command("purge_inactive", "--days", "1")
