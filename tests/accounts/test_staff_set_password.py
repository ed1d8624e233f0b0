"""Staff who set a trainee's password could sign in as them: each time is kept in the
admin's history with who did it, and the trainee is told at every log-in until they choose
their own password, in the language they log in with. Staff of another organisation reach none of it."""

import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP, User
from accounts.services import STAFF_SET_PASSWORD
from tests.factories import PASSWORD, UserFactory

NEW = "meadow-lantern-7"
OWN = "quiet-harbour-lamp-42"  # the trainee's own
SET_AT = datetime(2026, 11, 28, 12, tzinfo=UTC)
OPENING = {"uk": "Персонал вашої організації", "ru": "Сотрудники вашей организации"}
NOTICE = {
    "uk": "Персонал вашої організації задав вам новий пароль 28 листопада 2026. Якщо ви про "
    "це не просили, зверніться до тренерки або тренера. Цей пароль знає і персонал: змініть "
    "його на свій. Змінити пароль",
    "ru": "Сотрудники вашей организации задали вам новый пароль 28 ноября 2026. Если вы об "
    "этом не просили, обратитесь к тренеру. Этот пароль знают и сотрудники: смените его на "
    "свой. Сменить пароль",
}


def text(response) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def set_password(staff, trainee):
    client = Client()
    client.force_login(staff)
    return client.post(
        f"/admin/trainees/{trainee.pk}/password/", {"new_password1": NEW, "new_password2": NEW}
    )


def log_in(client, language, password=NEW):
    return client.post(
        f"/{language}/accounts/login/", {"username": "sonia", "password": password}, follow=True
    )


def test_the_site_history_keeps_who_set_the_password(trainer, coordinator, trainee, other_organisation):
    response = set_password(trainer, trainee)

    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action=STAFF_SET_PASSWORD)
    assert entry.object_id == str(trainee.pk) and entry.user_id == trainer.pk

    colleague = Client()
    colleague.force_login(coordinator)
    history = text(colleague.get("/admin/reports/site-history/"))
    assert "Новий пароль від персоналу" in history
    assert "sonia" in history and "trainer" in history

    stranger = Client()
    stranger.force_login(
        UserFactory(nickname="their-coordinator", organisation=other_organisation, role=COORDINATORS_GROUP)
    )
    assert "Новий пароль від персоналу" not in text(stranger.get("/admin/reports/site-history/"))


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_trainee_is_told_at_every_log_in_until_they_choose_their_own_password(trainer, trainee, language):
    set_password(trainer, trainee)
    User.objects.filter(pk=trainee.pk).update(password_set_by_staff_at=SET_AT)  # a known day
    ModelLogEntry.objects.filter(action=STAFF_SET_PASSWORD).update(timestamp=SET_AT)
    phone = Client()

    first = log_in(phone, language)
    again = phone.get(f"/{language}/accounts/")
    phone.post(f"/{language}/accounts/logout/")
    # Staff who signed in first with the password they set cannot use up the notice.
    next_time = log_in(phone, language)
    phone.post(
        f"/{language}/accounts/password/",
        {"old_password": NEW, "new_password1": OWN, "new_password2": OWN},
    )
    phone.post(f"/{language}/accounts/logout/")
    after_own = log_in(phone, language, password=OWN)

    assert NOTICE[language] in text(first) and NOTICE[language] in text(next_time)
    messages = re.search(r'<ul class="messages".*?</ul>', first.content.decode(), flags=re.S).group(0)
    assert f'href="/{language}/accounts/password/"' in messages  # offered to change it
    assert OPENING[language] not in text(again)
    assert after_own.status_code == 200 and OPENING[language] not in text(after_own)


def test_a_trainee_who_signs_in_with_their_own_password_is_told_nothing(trainee):
    response = log_in(Client(), "uk", password=PASSWORD)

    assert response.status_code == 200 and OPENING["uk"] not in text(response)


def test_staff_of_another_organisation_cannot_set_the_password(trainee, other_organisation):
    theirs = UserFactory(nickname="their-trainer", organisation=other_organisation, role=TRAINERS_GROUP)

    response = set_password(theirs, trainee)

    assert response.status_code == 404
    trainee.refresh_from_db()
    assert trainee.check_password(PASSWORD) and trainee.password_set_by_staff_at is None
    assert not ModelLogEntry.objects.filter(action=STAFF_SET_PASSWORD).exists()
    assert OPENING["uk"] not in text(log_in(Client(), "uk", password=PASSWORD))


def test_deleting_the_account_leaves_the_entry_without_a_name_or_a_date(trainer, trainee):
    from elearn.privacy import account_delete

    set_password(trainer, trainee)
    trainee.refresh_from_db()

    account_delete(trainee)

    trainee.refresh_from_db()
    entry = ModelLogEntry.objects.get(action=STAFF_SET_PASSWORD)
    assert trainee.password_set_by_staff_at is None
    assert "sonia" not in entry.label and entry.user_id == trainer.pk


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_staff_who_cleared_the_notice_as_the_trainee_are_still_named_at_the_next_reset(
    trainer, trainee, language
):
    set_password(trainer, trainee)
    # The trainer signs in as the trainee with the password they set and "chooses their own":
    # the notice is gone, and the trainee, locked out, asks for a new password.
    staff_phone = Client()
    log_in(staff_phone, language)
    staff_phone.post(
        f"/{language}/accounts/password/",
        {"old_password": NEW, "new_password1": OWN, "new_password2": OWN},
    )
    ModelLogEntry.objects.filter(action=STAFF_SET_PASSWORD).update(timestamp=SET_AT)
    set_password(trainer, trainee)

    page = text(log_in(Client(), language))

    with translation.override(language):
        today = date_format(timezone.localtime(), "j E Y")  # the second reset
    first_day = {"uk": "28 листопада 2026", "ru": "28 ноября 2026"}[language]
    assert OPENING[language] in page and f"{first_day}, {today}" in page
