"""Coordinators' certificates in the admin: their organisation only, filtered, exported,
revoked with a reason in the audit log."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from tests.certificates.conftest import finish_modules, take_final
from tests.factories import TraineeFactory, TrainingGroupFactory, UserFactory


@pytest.fixture
def certificates(final_course, group, other_organisation):
    """Two certificates in the coordinator's organisation (two groups), one elsewhere."""
    _page, modules, final = final_course
    other_group = TrainingGroupFactory(organisation=group.organisation, name="Вечірня група")
    elsewhere = TrainingGroupFactory(organisation=other_organisation, name="Чужа група")
    made = {}
    for name, training_group in (("mine", group), ("mine-evening", other_group), ("theirs", elsewhere)):
        trainee = TraineeFactory(training_group=training_group, organisation=training_group.organisation)
        finish_modules(trainee, modules)
        take_final(trainee, final)
        made[name] = Certificate.objects.get(user=trainee)
    return made


def test_a_coordinator_sees_only_their_organisations_certificates(client, coordinator, certificates):
    client.force_login(coordinator)

    page = client.get("/admin/certificates/").content.decode()

    assert certificates["mine"].code in page and certificates["mine-evening"].code in page
    assert certificates["theirs"].code not in page


def test_filters_by_group_course_and_period(client, coordinator, certificates, final_course):
    client.force_login(coordinator)
    evening = certificates["mine-evening"]
    Certificate.objects.filter(pk=evening.pk).update(issued_at=timezone.now() - datetime.timedelta(days=40))

    by_group = client.get("/admin/certificates/", {"group": evening.training_group_id}).content.decode()
    recent = client.get(
        "/admin/certificates/", {"issued_from": timezone.localdate().isoformat()}
    ).content.decode()
    course = client.get(
        "/admin/certificates/", {"course": str(final_course[0].translation_key)}
    ).content.decode()
    backwards = client.get(
        "/admin/certificates/", {"issued_from": "2026-02-01", "issued_until": "2026-01-01"}
    )

    assert evening.code in by_group and certificates["mine"].code not in by_group
    assert certificates["mine"].code in recent and evening.code not in recent
    assert certificates["mine"].code in course and evening.code in course
    assert "Кінець періоду раніше за початок." in backwards.content.decode()


def test_the_csv_export_opens_in_excel_with_cyrillic_and_only_own_rows(client, coordinator, certificates):
    client.force_login(coordinator)

    response = client.get("/admin/certificates/export.csv")
    xlsx = client.get("/admin/certificates/export.xlsx")

    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Код", "Видано", "Курс"]
    assert {row[0] for row in rows[1:]} == {certificates["mine"].code, certificates["mine-evening"].code}
    assert all(row[2].startswith("Курс профілактики") for row in rows[1:])
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    assert [
        ["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)
    ] == rows


def test_revoking_records_the_reason_in_the_audit_log(client, coordinator, certificates):
    client.force_login(coordinator)
    certificate = certificates["mine"]

    response = client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "Помилка в групі"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revoked_by == coordinator
    entry = ModelLogEntry.objects.get(action="certificates.revoke")
    assert entry.user == coordinator and entry.data == {"reason": "Помилка в групі"}
    public = client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()
    assert "Сертифікат відкликано" in public and "Помилка в групі" not in public  # the reason stays inside


def test_revoking_needs_a_reason(client, coordinator, certificates):
    client.force_login(coordinator)

    response = client.post(f"/admin/certificates/{certificates['mine'].pk}/revoke/", {"reason": ""})

    assert response.status_code == 200
    certificates["mine"].refresh_from_db()
    assert certificates["mine"].is_valid


def test_another_organisations_certificate_cannot_be_revoked(client, coordinator, certificates):
    client.force_login(coordinator)
    theirs = certificates["theirs"]

    assert client.get(f"/admin/certificates/{theirs.pk}/revoke/").status_code == 404
    assert client.post(f"/admin/certificates/{theirs.pk}/revoke/", {"reason": "x"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_valid


def test_trainers_have_no_certificate_admin_and_admins_see_all(client, trainer, certificates):
    client.force_login(trainer)
    assert client.get("/admin/certificates/").status_code in (302, 403)
    assert client.get("/admin/certificates/export.csv").status_code in (302, 403)

    client.force_login(UserFactory(nickname="boss", is_superuser=True, is_staff=True))
    page = client.get("/admin/certificates/").content.decode()
    assert all(certificate.code in page for certificate in certificates.values())
