import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from elearn.sessions import REFRESHED_AT
from tests.factories import PASSWORD, TraineeFactory, TrainingGroupFactory, UserFactory

LOGIN = "/{lang}/accounts/login/"
LOCKED_UK = "Вхід призупинено: було забагато невдалих спроб. Зачекайте 15 хвилин"
LOCKED_RU = "Вход приостановлен: было слишком много неудачных попыток. Подождите 15 минут"


def log_in(client, nickname, password, lang="uk", **meta):
    return client.post(LOGIN.format(lang=lang), {"username": nickname, "password": password}, **meta)


def test_trainee_logs_in_with_nickname_in_any_case(client, trainee):
    response = log_in(client, "SONIA", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/"
    assert client.get("/uk/accounts/").context["member"] == trainee


def test_wrong_password_gets_a_translated_message(client, trainee):
    response = log_in(client, "sonia", "wrong-password", lang="ru")

    assert "Псевдоним и пароль не подходят друг к другу." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_repeated_failures_are_throttled_with_a_translated_message(client, trainee, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sonia", "wrong-password")

    response = log_in(client, "sonia", PASSWORD)  # even the right password waits now

    assert response.status_code == 429
    assert "Забагато спроб" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_throttle_is_per_nickname_and_address_not_per_address(client, trainee, group):
    TraineeFactory(nickname="lada", training_group=group)
    for _ in range(5):
        log_in(client, "sonia", "wrong-password")

    assert log_in(client, "lada", PASSWORD).status_code == 302


def test_a_failed_login_keeps_no_client_address(client, trainee):
    from axes.models import AccessAttempt

    log_in(client, "sonia", "wrong-password", REMOTE_ADDR="203.0.113.7")

    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 1
    stored = [str(getattr(attempt, field.attname)) for field in AccessAttempt._meta.fields]
    assert not any("203.0.113.7" in value for value in stored)


def test_behind_the_proxy_the_lock_follows_each_client_not_the_proxy(client, trainee, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        log_in(client, f"guess{n}", "wrong-password", HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert log_in(client, "sonia", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert log_in(client, "sonia", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


# One account from many addresses; one address across many accounts.


def locked_page(response) -> str:
    assert response.status_code == 429
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_twenty_wrong_passwords_from_twenty_addresses_lock_the_account(client, trainee):
    for n in range(20):
        log_in(client, "sonia", f"guess-{n}", REMOTE_ADDR=f"203.0.113.{n + 1}")

    response = log_in(client, "sonia", PASSWORD, REMOTE_ADDR="203.0.113.200")  # the right one

    assert LOCKED_UK in locked_page(response)
    assert "_auth_user_id" not in client.session


def test_the_account_lock_ignores_the_nicknames_case(client, trainee, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            client,
            ["sonia", "Sonia", "SONIA", "sOnIa", "soniA"][n % 5],
            "wrong",
            REMOTE_ADDR=f"203.0.113.{n + 1}",
        )

    assert log_in(client, "sonia", PASSWORD, REMOTE_ADDR="203.0.113.99").status_code == 429


def test_one_address_trying_many_nicknames_is_locked_for_every_nickname(client, trainee, settings):
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        log_in(client, f"peer{n % 25}", "common-password-1", REMOTE_ADDR="198.51.100.7")  # 2 tries each

    assert LOCKED_UK in locked_page(log_in(client, "sonia", PASSWORD, REMOTE_ADDR="198.51.100.7"))
    assert log_in(client, "sonia", PASSWORD, REMOTE_ADDR="198.51.100.8").status_code == 302


def test_an_office_behind_one_address_stays_usable_when_trainees_mistype(client, group, settings):
    """Fifteen trainees behind one address, each mistyping three times, all get in."""
    assert settings.AXES_ADDRESS_FAILURE_LIMIT > settings.AXES_FAILURE_LIMIT
    trainees = [TraineeFactory(nickname=f"peer{n}", training_group=group) for n in range(15)]
    for trainee in trainees:
        for _ in range(3):
            log_in(client, trainee.nickname, "mistyped", REMOTE_ADDR="198.51.100.9")

    for trainee in trainees:
        client.logout()
        assert log_in(client, trainee.nickname, PASSWORD, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_signing_in_to_an_own_account_does_not_clear_the_addresss_count(client, group, settings):
    own = TraineeFactory(nickname="eve", training_group=group)
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        log_in(client, f"peer{n % 40}", "common-password-1", REMOTE_ADDR="198.51.100.7")
    assert log_in(client, own.nickname, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 302
    client.logout()

    log_in(client, "peer-last", "common-password-1", REMOTE_ADDR="198.51.100.7")

    assert log_in(client, own.nickname, PASSWORD, REMOTE_ADDR="198.51.100.7").status_code == 429


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_every_lock_gives_the_same_translated_answer(client, trainee, settings, lang):
    """The account's lock, the address's lock and a lock on a nickname nobody has: one page,
    so it tells no one which lock it was or whether the nickname exists."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sonia", "wrong", lang=lang, REMOTE_ADDR=f"203.0.113.{n + 1}")
        log_in(client, "nobody-here", "wrong", lang=lang, REMOTE_ADDR=f"203.0.113.{n + 1}")
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT):
        log_in(client, f"peer{n}", "wrong", lang=lang, REMOTE_ADDR="198.51.100.7")

    account = log_in(client, "sonia", PASSWORD, lang=lang, REMOTE_ADDR="203.0.113.99")
    nobody = log_in(client, "nobody-here", PASSWORD, lang=lang, REMOTE_ADDR="203.0.113.99")
    address = log_in(client, "lada", "whatever", lang=lang, REMOTE_ADDR="198.51.100.7")

    assert locked_page(account) == locked_page(nobody) == locked_page(address)
    assert {"uk": LOCKED_UK, "ru": LOCKED_RU}[lang] in locked_page(account)


def test_session_ends_when_the_browser_closes(client, trainee):
    response = log_in(client, "sonia", PASSWORD)

    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_session_ends_after_thirty_idle_minutes(client, trainee):
    log_in(client, "sonia", PASSWORD)
    session = Session.objects.get()
    assert abs(session.expire_date - (timezone.now() + timedelta(minutes=30))) < timedelta(seconds=5)

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))  # 30 idle minutes later

    response = client.get("/uk/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/uk/accounts/login/")


def test_a_request_extends_the_idle_timeout_writing_at_most_every_five_minutes(client, trainee):
    log_in(client, "sonia", PASSWORD)
    client.get("/uk/accounts/")
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=26))  # 4 minutes on

    client.get("/uk/accounts/")
    assert Session.objects.get().expire_date < timezone.now() + timedelta(minutes=27)  # no write

    session = SessionStore(session_key=Session.objects.get().session_key)
    session[REFRESHED_AT] -= 5 * 60  # the last refresh was five minutes earlier
    session.save()
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))

    client.get("/uk/accounts/")
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)


def test_log_out_ends_the_session(client, trainee):
    client.force_login(trainee)

    response = client.post("/ru/accounts/logout/")

    assert response["Location"] == "/ru/"
    assert client.get("/ru/accounts/").status_code == 302


def test_trainee_changes_password(client, trainee):
    client.force_login(trainee)

    response = client.post(
        "/uk/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "new-river-stone-9",
            "new_password2": "new-river-stone-9",
        },
    )

    assert response["Location"] == "/uk/accounts/"
    trainee.refresh_from_db()
    assert trainee.check_password("new-river-stone-9")


# Trainers unlock their own trainees.


def lock_out(client, nickname, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, nickname, "wrong", REMOTE_ADDR=f"203.0.113.{n + 1}")
    assert log_in(client, nickname, PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 429


@pytest.mark.parametrize("staff", ["trainer", "coordinator"])
def test_a_trainer_or_coordinator_unlocks_their_organisations_trainee(
    client, trainee, settings, staff, request
):
    lock_out(Client(), "sonia", settings)
    client.force_login(request.getfixturevalue(staff))

    listing = client.get("/admin/trainees/").content.decode()
    unlock = client.post(f"/admin/trainees/{trainee.pk}/unlock/")

    assert "Заблоковано: забагато неправильних паролів." in listing
    assert f'action="/admin/trainees/{trainee.pk}/unlock/"' in listing
    assert unlock.status_code == 302 and unlock["Location"] == "/admin/trainees/"
    assert [str(m) for m in get_messages(unlock.wsgi_request)] == ["sonia тепер знову може увійти."]
    assert "Заблоковано" not in client.get("/admin/trainees/").content.decode()
    assert log_in(Client(), "sonia", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 302


def test_the_trainee_list_offers_no_unlock_when_nobody_is_locked(client, trainer, trainee):
    client.force_login(trainer)

    assert "/unlock/" not in client.get("/admin/trainees/").content.decode()


def test_another_organisations_trainee_is_a_404_and_stays_locked(
    client, trainer, other_organisation, settings
):
    foreign = TraineeFactory(
        nickname="lada", training_group=TrainingGroupFactory(organisation=other_organisation)
    )
    lock_out(Client(), "lada", settings)
    client.force_login(trainer)

    assert "lada" not in client.get("/admin/trainees/").content.decode()
    assert client.post(f"/admin/trainees/{foreign.pk}/unlock/").status_code == 404
    assert log_in(Client(), "lada", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 429


def test_unlocking_needs_the_permission_and_a_post(client, organisation, trainee, trainer, settings):
    lock_out(Client(), "sonia", settings)
    helper = UserFactory(nickname="helper", organisation=organisation)
    for codename, app_label in (("access_admin", "wagtailadmin"), ("view_trainees", "accounts")):
        helper.user_permissions.add(
            Permission.objects.get(codename=codename, content_type__app_label=app_label)
        )
    client.force_login(helper)

    refused = client.post(f"/admin/trainees/{trainee.pk}/unlock/")
    client.force_login(trainer)
    by_get = client.get(f"/admin/trainees/{trainee.pk}/unlock/")

    assert refused.status_code == 302 and [str(m) for m in get_messages(refused.wsgi_request)] == [
        "У вас немає дозволу розблоковувати облікові записи учасниць і учасників."
    ]
    assert by_get.status_code == 405
    assert log_in(Client(), "sonia", PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 429


# Cookies on a shared phone.


def test_the_csrf_cookie_ends_with_the_browser(client, db):
    response = client.get(LOGIN.format(lang="uk"))

    cookie = response.cookies["csrftoken"]
    assert cookie.value and cookie["expires"] == "" and cookie["max-age"] == ""


def test_log_out_deletes_the_session_and_csrf_cookies(client, trainee):
    log_in(client, "sonia", PASSWORD)
    client.get("/uk/accounts/")
    assert client.cookies["csrftoken"].value and client.cookies["sessionid"].value

    response = client.post("/uk/accounts/logout/")

    for name in ("csrftoken", "sessionid"):
        assert response.cookies[name].value == "" and response.cookies[name]["max-age"] == 0, name
    assert client.get("/uk/accounts/").status_code == 302


def test_the_admins_log_out_deletes_the_session_and_csrf_cookies_too(client, trainer):
    client.force_login(trainer)
    client.get("/admin/")
    assert client.cookies["csrftoken"].value

    response = client.post("/admin/logout/")

    assert response["Location"] == "/admin/login/"
    for name in ("csrftoken", "sessionid"):
        assert response.cookies[name].value == "" and response.cookies[name]["max-age"] == 0, name
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_in_production_log_out_deletes_the_host_only_cookies(client, trainee, settings):
    settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME = "__Host-csrftoken", "__Host-sessionid"
    settings.CSRF_COOKIE_SECURE = settings.SESSION_COOKIE_SECURE = True
    client.get(LOGIN.format(lang="uk"), secure=True)
    log_in(client, "sonia", PASSWORD, secure=True)

    response = client.post("/uk/accounts/logout/", secure=True)

    for name in ("__Host-csrftoken", "__Host-sessionid"):
        cookie = response.cookies[name]
        assert cookie.value == "" and cookie["max-age"] == 0 and cookie["secure"] and cookie["path"] == "/", (
            name
        )
