"""A trainee downloads their data and deletes their account; inactive accounts are purged
the same way. Statistics keep counting them, without the person, and no list shows them."""

import csv
import datetime
import io
import json

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from accounts.erased import ERASED_PREFIX
from accounts.models import User
from certificates.models import Certificate
from certificates.pdf_cache import cached_pdf
from courses.models import ModuleProgress
from quizzes.models import Attempt
from reports.data import report_data
from reports.indicators import total_row
from reports.scope import ReportScope
from tests.certificates.conftest import finish_modules, take_final
from tests.elearn.privacy_journey import KEPT_NAME, MARKER, NICKNAME, PASSWORD, live
from tests.factories import PASSWORD as FACTORY_PASSWORD
from tests.factories import TraineeFactory


@pytest.fixture
def journey(group, final_course, admin_user):
    page, modules, final = final_course
    return live(group=group, course=(page, modules), final=final, admin=admin_user)


@pytest.fixture
def finished(trainee, final_course):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)
    return final_course


def test_the_download_is_a_page_to_read_in_the_trainees_language(journey):
    phone = journey.devices[0]

    response = phone.get("/uk/accounts/my-data.html")

    assert response["Content-Disposition"] == 'attachment; filename="my-data.html"'
    page = response.content.decode()
    for seen in (
        "Усе, що цей сайт зберігає про вас",
        NICKNAME,
        "Трансгендерна жінка",  # the profile, as the trainee chose it
        "Модуль 1",  # modules and tests by title, not by id
        "Перевірте себе",
        "Питання 2",  # every question, the answers given, right or not
        "Відповідь 1",
        "Неправильно",
        "Правильно",
        MARKER,  # what they typed in the H5P activity, and its saved progress
        journey.certificate.code,
        KEPT_NAME,
    ):
        assert seen in page, seen
    # One file that needs nothing else: it opens offline.
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert "Nickname" not in page and "module_key" not in page


def test_the_data_file_has_every_kind_of_record_under_readable_keys(journey):
    phone = journey.devices[0]

    data = json.loads(phone.get("/ru/accounts/my-data.json").content)

    assert data["Ваша учётная запись"][0]["Псевдоним"] == NICKNAME
    assert {row["Модуль"] for row in data["Модули"]} == {
        "Модуль 1 (рос.)",
        "Модуль 2 (рос.)",
        "Модуль 3 (рос.)",
    }
    assert len(data["Завершённые курсы"]) == 1
    tests = data["Тесты"]
    assert [test["Сдан"] for test in tests] == ["нет", "да", None]  # the last one is unfinished
    first_question = tests[0]["Вопросы"][0]
    assert first_question["Вопрос"] == "Вопрос 1" and first_question["Результат"] == "Неправильно"
    assert tests[1]["Вопросы"][0]["Ваш ответ"] == first_question["Правильный ответ"] == "Ответ 2"
    results = data["Интерактивные задания: результаты"]
    assert {row["Что произошло"] for row in results} == {"Вы ответили", "Вы работали с заданием"}
    assert {row["Ваш ответ"] for row in results} == {MARKER}
    assert (
        MARKER
        in data["Интерактивные задания: сохранённый прогресс"][0][
            "Где вы остановились (как это сохранило задание)"
        ]
    )
    certificate = data["Сертификаты"][0]
    assert (certificate["Код"], certificate["Имя на сертификате"]) == (journey.certificate.code, KEPT_NAME)


def test_the_account_page_offers_both_downloads(client, trainee):
    client.force_login(trainee)

    page = client.get("/uk/accounts/").content.decode()

    assert page.count("/uk/accounts/my-data.html") == 1 and page.count("/uk/accounts/my-data.json") == 1


def test_a_wrong_password_deletes_nothing(client, trainee, finished):
    client.force_login(trainee)

    response = client.post("/uk/accounts/delete/", {"password": "not-it"})

    assert response.status_code == 400 and "Це не ваш пароль." in response.content.decode()
    assert User.objects.get(pk=trainee.pk).nickname == trainee.nickname


def test_deleting_removes_the_person_and_keeps_the_statistics(client, trainee, finished):
    page = finished[0]
    before = total_row(report_data(ReportScope(course=page)))
    client.force_login(trainee)

    response = client.post("/uk/accounts/delete/", {"password": FACTORY_PASSWORD}, follow=True)

    assert "Ваш обліковий запис видалено." in response.content.decode()
    gone = User.objects.get(pk=trainee.pk)
    assert gone.nickname.startswith(ERASED_PREFIX) and not gone.is_active and not gone.has_usable_password()
    assert (gone.gender, gone.age_band, gone.work_setting) == ("", "", "")
    assert (
        ModuleProgress.objects.filter(user=gone).count() == 3
        and Attempt.objects.filter(user=gone).count() == 1
    )
    assert total_row(report_data(ReportScope(course=page)))[1:] == before[1:]
    certificate = Certificate.objects.get()
    verified = client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()
    assert "Сертифікат дійсний" in verified and trainee.nickname not in verified
    assert client.get("/uk/accounts/").status_code == 302  # signed out
    again = client.post("/uk/accounts/login/", {"username": trainee.nickname, "password": FACTORY_PASSWORD})
    assert again.status_code == 200 and "_auth_user_id" not in client.session
    # Nobody can sign up as the placeholder, nor log in as it.
    assert client.post("/uk/accounts/login/", {"username": gone.nickname, "password": ""}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_staff_accounts_are_not_deleted_from_the_site(client, coordinator):
    client.force_login(coordinator)

    assert client.post("/uk/accounts/delete/", {"password": FACTORY_PASSWORD}).status_code == 404


def test_an_erased_account_is_counted_but_never_listed_as_a_person(
    client, trainee, finished, trainer, coordinator, group
):
    TraineeFactory(nickname="kvitka", training_group=group)
    page = finished[0]
    member = Client()
    member.force_login(trainee)
    member.post("/uk/accounts/delete/", {"password": FACTORY_PASSWORD})
    code = Certificate.objects.get().code

    client.force_login(trainer)
    listing = client.get("/admin/trainees/").content.decode()
    assert "kvitka" in listing and ERASED_PREFIX not in listing
    client.force_login(coordinator)
    trainees = client.get("/admin/reports/trainees.csv").content.decode("utf-8-sig")
    rows = csv.reader(io.StringIO(trainees), delimiter=";")
    assert [row[0] for row in rows if row and row[0] in ("kvitka", "")] == ["kvitka"]
    assert ERASED_PREFIX not in trainees and code not in trainees
    certificates = client.get("/admin/certificates/").content.decode()
    assert code in certificates and ERASED_PREFIX not in certificates
    exported = client.get("/admin/certificates/export.csv").content.decode("utf-8-sig")
    assert code in exported and ERASED_PREFIX not in exported
    # The aggregates still count them: two trainees, one of them certified.
    people = report_data(ReportScope(course=page)).trainees
    assert len(people) == 2 and sum(person.certified for person in people) == 1


def test_a_name_changed_or_taken_back_leaves_no_cached_certificate(client, trainee, finished):
    certificate = Certificate.objects.get()
    client.force_login(trainee)
    download = f"/uk/certificates/{certificate.pk}/download/"
    kept = {"language": "uk", "name": "Olena P.", "keep_name": "on"}
    client.post(download, kept)
    client.post(download, kept | {"language": "ru"})
    key = f"certificate-pdf:{certificate.pk}:valid:"
    assert cache.get(key + "uk") and cache.get(key + "ru")

    client.post(download, {"language": "uk"})  # the box unticked: forget the name

    assert cache.get(key + "ru") is None
    assert cached_pdf(certificate, language="uk", printed="Olena P.") is None
    assert cached_pdf(certificate, language="uk", printed=trainee.nickname) is not None


def test_purge_inactive_deletes_only_the_long_unused(group):
    stale = TraineeFactory(training_group=group, last_login=timezone.now() - datetime.timedelta(days=400))
    never = TraineeFactory(training_group=group)
    User.objects.filter(pk=never.pk).update(date_joined=timezone.now() - datetime.timedelta(days=400))
    active = TraineeFactory(training_group=group, last_login=timezone.now() - datetime.timedelta(days=3))

    call_command("purge_inactive", "--days", "365")

    assert User.objects.get(pk=stale.pk).nickname.startswith(ERASED_PREFIX)
    assert User.objects.get(pk=never.pk).nickname.startswith(ERASED_PREFIX)
    assert User.objects.get(pk=active.pk).nickname == active.nickname
    with pytest.raises(CommandError):
        call_command("purge_inactive", "--days", "1")


def test_no_one_can_sign_up_with_a_placeholders_nickname(client, group):
    data = {"join_code": group.join_code, "password1": PASSWORD, "password2": PASSWORD}

    response = client.post("/uk/accounts/signup/", data | {"nickname": ERASED_PREFIX + "0123abcd"})

    assert response.status_code == 200 and not User.objects.exists()


def test_the_data_file_lists_only_the_questions_asked_or_answered(client, trainee):
    """An organisation that does not ask gender identity: the trainee's file does not
    show an empty "Gender" line (as if it had been asked); an answer still stored shows."""
    organisation = trainee.organisation
    organisation.asks_gender = False
    organisation.save()
    trainee.gender = ""
    trainee.save()
    client.force_login(trainee)

    labels = set(account_fields(client))
    assert "Вік" in labels and "Гендер" not in labels

    trainee.gender = "woman"
    trainee.save()
    labels = set(account_fields(client))
    assert "Гендер" in labels


def account_fields(client):
    """The first section of the trainee's data file: their account."""
    return json.loads(client.get("/uk/accounts/my-data.json").content)["Ваш обліковий запис"][0]
