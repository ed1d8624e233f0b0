"""A revocation in Wagtail's site history reads as a sentence in the admin's language, with
the coordinator's reason."""

import uuid

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from certificates.codes import new_code
from certificates.models import Certificate


@pytest.fixture
def certificate(trainee):
    return Certificate.objects.create(
        user=trainee,
        course_key=uuid.uuid4(),
        organisation=trainee.organisation,
        training_group=trainee.training_group,
        issued_at=timezone.now(),
        final_score=90,
        language="uk",
        code=new_code(),
    )


@pytest.mark.parametrize(
    "language, sentence",
    [
        ("uk", "Сертифікат відкликано. Причина: Помилка в групі"),
        ("ru", "Сертификат отозван. Причина: Помилка в групі"),
    ],
)
def test_a_revocation_reads_as_a_sentence_in_the_site_history(
    client, coordinator, certificate, language, sentence
):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = language
    profile.save()
    client.force_login(coordinator)
    client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": "Помилка в групі"})

    history = client.get("/admin/reports/site-history/").content.decode()

    assert sentence in history
    assert certificate.code in history
    assert "bound method" not in history


def test_a_revocation_without_a_reason_still_reads_as_a_sentence(certificate, coordinator):
    entry = ModelLogEntry.objects.log_action(certificate, "certificates.revoke", user=coordinator, data={})

    with translation.override("ru"):
        assert entry.message == "Сертификат отозван."
    with translation.override("uk"):
        assert str(entry.formatter.label) == "Відкликати сертифікат"
