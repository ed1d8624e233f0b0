from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from elearn.sessions import REFRESHED_AT
from tests.factories import PASSWORD

LOGIN = "/{lang}/accounts/login/"


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
    from tests.factories import TraineeFactory

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
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "sonia", "wrong-password", HTTP_X_FORWARDED_FOR="198.51.100.1")

    assert log_in(client, "sonia", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert log_in(client, "sonia", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302


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
