"""Two-factor authentication for staff (accounts/two_factor/): admins and coordinators
pass a second step before the admin opens, trainers may, trainees are never asked; wrong
codes are refused in the user's language and slowed down; an admin or coordinator can
switch off a lost phone's second step, only within their organisation."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP
from accounts.two_factor.services import authenticator_confirm, authenticator_start
from elearn.demo.two_factor import usable_code
from tests.factories import PASSWORD, UserFactory
from tests.two_factor import force_login_password_only, pass_second_factor

VERIFY = "/admin/two-factor/verify/"
SET_UP = "/admin/two-factor/set-up/"


def authenticator_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def admin_log_in(client, nickname):
    return client.post("/admin/login/", {"username": nickname, "password": PASSWORD, "next": "/admin/"})


def in_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def shown_secret(page: str) -> str:
    return page.split("data-secret>")[1].split("<")[0].replace(" ", "")


def wait_out_the_throttle(device):
    """As if the seconds after the last wrong code had passed."""
    type(device).objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


@pytest.fixture
def other_coordinator(other_organisation):
    return UserFactory(nickname="coordinator-b", organisation=other_organisation, role=COORDINATORS_GROUP)


def test_a_coordinator_with_an_authenticator_types_the_code_before_the_admin_opens(client, coordinator):
    device = authenticator_for(coordinator)

    response = admin_log_in(client, "coordinator")
    assert response.status_code == 302
    response = client.get(response["Location"])  # the dashboard they asked for...
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"  # ...waits for the code
    for elsewhere in ("/admin/reports/", "/admin/trainees/", "/admin/account/", "/uk/accounts/password/"):
        assert client.get(elsewhere)["Location"].startswith(VERIFY), elsewhere
    page = client.get(VERIFY + "?next=/admin/reports/")
    assert "Введіть код із застосунку" in page.content.decode()

    response = client.post(VERIFY, {"code": usable_code(device), "next": "/admin/reports/"})

    assert response["Location"] == "/admin/reports/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/reports/").status_code == 200


def test_a_wrong_code_is_refused_in_the_users_language_and_further_tries_wait(client, coordinator):
    device = authenticator_for(coordinator)
    in_language(coordinator, "ru")
    force_login_password_only(client, coordinator)

    response = client.post(VERIFY, {"code": "000000" if usable_code(device) != "000000" else "111111"})

    assert response.status_code == 200
    assert "Этот код не подходит." in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)

    response = client.post(VERIFY, {"code": usable_code(device)})  # right, but too soon
    assert "Слишком много неверных кодов." in response.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)

    wait_out_the_throttle(device)
    assert client.post(VERIFY, {"code": usable_code(device)})["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_that_is_too_short_is_explained_and_not_counted(client, coordinator):
    device = authenticator_for(coordinator)
    force_login_password_only(client, coordinator)

    response = client.post(VERIFY, {"code": "12345"})

    assert "Код із застосунку має 6 цифр." in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_a_code_works_once(client, coordinator):
    device = authenticator_for(coordinator)
    code = usable_code(device)
    force_login_password_only(client, coordinator)
    client.post(VERIFY, {"code": code})
    client.logout()

    force_login_password_only(client, coordinator)
    response = client.post(VERIFY, {"code": code})

    assert response.status_code == 200  # refused: someone who saw it cannot reuse it
    assert client.get("/admin/")["Location"].startswith(VERIFY)


@pytest.mark.parametrize("role", ["admin", "coordinator"])
def test_admins_and_coordinators_without_a_second_step_must_set_one_up_first(client, db, role, request):
    user = request.getfixturevalue("admin_user" if role == "admin" else "coordinator")
    force_login_password_only(client, user)

    for elsewhere in ("/admin/", "/admin/reports/", "/admin/two-factor/", "/admin/users/", "/admin/account/"):
        assert client.get(elsewhere)["Location"].startswith(SET_UP), elsewhere

    page = client.get(SET_UP).content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert "<svg" in page  # the QR code, drawn here
    assert len(shown_secret(page)) == 32
    assert shown_secret(client.get(SET_UP).content.decode()) == shown_secret(page)  # a reload: the same

    wrong = client.post(SET_UP, {"code": "12345"})
    assert "Код із застосунку має 6 цифр." in wrong.content.decode()
    response = client.post(SET_UP, {"code": usable_code(device), "next": "/admin/reports/"})

    assert response["Location"] == "/admin/two-factor/backup-codes/"
    codes = client.get("/admin/two-factor/backup-codes/").content.decode()
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert all(token.token in codes for token in StaticToken.objects.filter(device__user=user))
    assert "/admin/reports/" in codes  # "continue" goes where they were going
    assert client.get("/admin/two-factor/backup-codes/")["Location"] == "/admin/two-factor/"  # shown once
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_trainer_is_offered_a_second_step_and_not_forced(client, trainer):
    force_login_password_only(client, trainer)

    dashboard = client.get("/admin/")

    assert dashboard.status_code == 200
    assert "Захистіть свій обліковий запис" in dashboard.content.decode()
    assert client.get("/admin/trainees/").status_code == 200

    client.get(SET_UP)
    client.post(SET_UP, {"code": usable_code(TOTPDevice.objects.get(user=trainer))})
    assert "Захистіть свій обліковий запис" not in client.get("/admin/").content.decode()
    client.logout()
    force_login_password_only(client, trainer)
    assert client.get("/admin/")["Location"].startswith(VERIFY)  # asked from now on


def test_trainees_are_never_asked(client, trainee):
    response = client.post("/uk/accounts/login/", {"username": "sonia", "password": PASSWORD})

    assert response["Location"] == "/uk/accounts/"
    assert client.get("/uk/accounts/").status_code == 200
    assert client.get("/uk/accounts/password/").status_code == 200
    assert client.get(VERIFY)["Location"].startswith("/admin/login/")  # no admin at all
    assert client.get(SET_UP)["Location"].startswith("/admin/login/")
    assert not TOTPDevice.objects.exists()


def test_a_backup_code_opens_the_admin_once_and_says_how_many_are_left(client, coordinator):
    codes = authenticator_confirm(device=authenticator_start(user=coordinator))
    force_login_password_only(client, coordinator)

    response = client.post(VERIFY, {"code": codes[0].upper()})

    assert response["Location"] == "/admin/"
    assert "Залишилося 9 резервних кодів." in [str(m) for m in get_messages(response.wsgi_request)][0]
    client.logout()
    force_login_password_only(client, coordinator)
    response = client.post(VERIFY, {"code": codes[0]})
    assert "Цей код не підходить або його вже використали." in response.content.decode()


def test_new_backup_codes_replace_the_old_ones(client, coordinator):
    old = authenticator_confirm(device=authenticator_start(user=coordinator))
    force_login_password_only(client, coordinator)
    client.post(VERIFY, {"code": usable_code(TOTPDevice.objects.get(user=coordinator))})

    assert client.post("/admin/two-factor/")["Location"] == "/admin/two-factor/backup-codes/"
    shown = client.get("/admin/two-factor/backup-codes/").content.decode()

    new = set(StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True))
    assert len(new) == 10 and not new & set(old)
    assert all(code in shown for code in new)


def sign_in_verified(client, user):
    force_login_password_only(client, user)
    pass_second_factor(client, user)


def test_an_admin_switches_off_a_coordinators_lost_second_step(client, admin_user, coordinator):
    authenticator_confirm(device=authenticator_start(user=coordinator))
    sign_in_verified(client, admin_user)
    assert "coordinator" in client.get("/admin/two-factor/staff/").content.decode()

    response = client.post(f"/admin/two-factor/staff/{coordinator.pk}/remove/")

    assert response["Location"] == "/admin/two-factor/staff/"
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticDevice.objects.filter(user=coordinator).exists()
    client.logout()
    force_login_password_only(client, coordinator)
    assert client.get("/admin/")["Location"].startswith(SET_UP)  # sets it up again


def test_switching_off_ends_the_verified_session_of_whoever_lost_the_phone(client, admin_user, coordinator):
    sign_in_verified(client, coordinator)
    assert client.get("/admin/").status_code == 200

    TOTPDevice.objects.filter(user=coordinator).delete()  # as the admin's switch does

    assert client.get("/admin/")["Location"].startswith(SET_UP)


def test_a_coordinator_recovers_their_organisations_trainer_but_not_another_organisations(
    client, coordinator, trainer, other_coordinator, admin_user
):
    trainer_device = authenticator_for(trainer)
    other_device = authenticator_for(other_coordinator)
    admin_device = authenticator_for(admin_user)
    sign_in_verified(client, coordinator)

    listed = client.get("/admin/two-factor/staff/").content.decode()
    assert "trainer" in listed and "coordinator-b" not in listed and "root" not in listed
    for person in (other_coordinator, admin_user):
        assert client.get(f"/admin/two-factor/staff/{person.pk}/remove/").status_code == 404
        assert client.post(f"/admin/two-factor/staff/{person.pk}/remove/").status_code == 404
    assert client.post(f"/admin/two-factor/staff/{coordinator.pk}/remove/").status_code == 404  # not yourself
    assert TOTPDevice.objects.filter(pk__in=[other_device.pk, admin_device.pk]).count() == 2

    client.post(f"/admin/two-factor/staff/{trainer.pk}/remove/")
    assert not TOTPDevice.objects.filter(pk=trainer_device.pk).exists()


def test_a_trainer_may_not_switch_off_anyones_second_step(client, trainer, coordinator, organisation):
    colleague = UserFactory(nickname="colleague", organisation=organisation, role=TRAINERS_GROUP)
    device = authenticator_for(colleague)
    force_login_password_only(client, trainer)

    response = client.post(f"/admin/two-factor/staff/{colleague.pk}/remove/")

    assert response["Location"] == "/admin/"
    assert "вимикати двофакторну автентифікацію" in str(list(get_messages(response.wsgi_request))[0])
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert "/admin/two-factor/staff/" not in client.get("/admin/").content.decode()  # no menu item


def test_the_set_up_qr_code_and_secret_are_those_of_the_device(client, trainer):
    from base64 import b32decode

    force_login_password_only(client, trainer)
    page = client.get(SET_UP).content.decode()
    device = TOTPDevice.objects.get(user=trainer)

    secret = shown_secret(page)

    assert b32decode(secret) == device.bin_key
    assert client.post(SET_UP, {"code": f"{totp(b32decode(secret)):06d}"}).status_code == 302


# Product and app names, Wagtail's own note for browsers without JavaScript ("CMS" in
# Russian), and the key names of the admin's keyboard shortcuts.
NAMES = [
    "Wagtail",
    "JavaScript",
    "CMS",
    "FreeOTP",
    "Aegis",
    "Google",
    "Authenticator",
    "QR",
    "Alt",
    "Ctrl",
    "Esc",
]


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_every_two_factor_screen_is_in_the_users_language(client, admin_user, coordinator, language):
    import re

    from tests.elearn.test_no_english import english_words

    in_language(admin_user, language)
    in_language(coordinator, language)
    authenticator_confirm(device=authenticator_start(user=coordinator))
    screens = {}
    screens["log-in"] = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language)
    force_login_password_only(client, coordinator)
    screens["code"] = client.get(VERIFY)
    screens["wrong code"] = client.post(VERIFY, {"code": "abc"})
    client.logout()
    force_login_password_only(client, admin_user)
    screens["set-up"] = client.get(SET_UP)
    screens["set-up error"] = client.post(SET_UP, {"code": "1"})
    client.post(SET_UP, {"code": usable_code(TOTPDevice.objects.get(user=admin_user))})
    screens["backup codes"] = client.get("/admin/two-factor/backup-codes/")
    screens["status"] = client.get("/admin/two-factor/")
    screens["staff"] = client.get("/admin/two-factor/staff/")
    screens["switch off"] = client.get(f"/admin/two-factor/staff/{coordinator.pk}/remove/")

    secrets = [
        screens[name].content.decode().split("data-secret>")[1].split("<")[0]
        for name in ("set-up", "set-up error")
    ]
    codes = list(StaticToken.objects.filter(device__user=admin_user).values_list("token", flat=True))
    theirs = re.findall(r"[A-Za-z]{2,}", " ".join(secrets + codes)) + ["root", "coordinator"]
    found = {
        name: english_words(response.content.decode(), also_allowed=NAMES + theirs)
        for name, response in screens.items()
    }
    assert {name: words for name, words in found.items() if words} == {}


def test_moving_to_a_new_phone_replaces_the_old_authenticator_after_the_second_step(client, coordinator):
    old = authenticator_for(coordinator)
    force_login_password_only(client, coordinator)
    assert client.get(f"{SET_UP}?replace")["Location"].startswith(VERIFY)  # the password is not enough

    client.post(VERIFY, {"code": usable_code(old)})
    assert client.get(SET_UP)["Location"] == "/admin/two-factor/"  # not by accident
    assert client.get(f"{SET_UP}?replace").status_code == 200
    new = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    client.post(f"{SET_UP}?replace", {"code": usable_code(new)})

    assert list(TOTPDevice.objects.filter(user=coordinator)) == [new]
    new.refresh_from_db()
    assert new.confirmed
