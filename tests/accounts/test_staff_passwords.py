"""Staff passwords are longer (12 characters) than trainees' (8), with Django's other
validators for both; the admin's log-in page speaks Ukrainian or Russian only."""

import re

import pytest
from django.contrib.auth.models import Group

from accounts.models import COORDINATORS_GROUP, User
from tests.factories import PASSWORD
from tests.two_factor import force_login_password_only, pass_second_factor

ELEVEN = "river-stone"  # 11 characters: enough for a trainee, short for staff
TWELVE = "river-stones"
TOO_SHORT_FOR_STAFF = "Пароль надто короткий. Пароль працівника має містити щонайменше 12 символів."


def signed_in(client, user):
    force_login_password_only(client, user)
    pass_second_factor(client, user)


def new_user(client, nickname, password, **roles):
    return client.post(
        "/admin/users/new/",
        {"nickname": nickname, "password1": password, "password2": password, **roles},
    )


def test_an_admin_cannot_give_a_new_coordinator_a_short_password(client, admin_user, organisation):
    signed_in(client, admin_user)
    form = client.get("/admin/users/new/").content.decode()
    assert "щонайменше 12 символів" in form  # the rule is shown before typing

    coordinators = Group.objects.get(name=COORDINATORS_GROUP).pk
    refused = new_user(client, "new-coordinator", ELEVEN, organisation=organisation.pk, groups=[coordinators])
    assert TOO_SHORT_FOR_STAFF in refused.content.decode()
    assert not User.objects.filter(nickname="new-coordinator").exists()

    accepted = new_user(
        client, "new-coordinator", TWELVE, organisation=organisation.pk, groups=[coordinators]
    )
    assert accepted.status_code == 302
    assert User.objects.get(nickname="new-coordinator").check_password(TWELVE)


def test_a_new_admin_needs_a_long_password_too(client, admin_user):
    signed_in(client, admin_user)

    refused = new_user(client, "second-admin", ELEVEN, is_superuser="on")

    assert TOO_SHORT_FOR_STAFF in refused.content.decode()
    assert not User.objects.filter(nickname="second-admin").exists()


def test_an_admin_cannot_set_a_short_password_for_a_trainer(client, admin_user, trainer):
    signed_in(client, admin_user)
    trainers = list(trainer.groups.values_list("pk", flat=True))

    response = client.post(
        f"/admin/users/edit/{trainer.pk}/",
        {
            "nickname": "trainer",
            "organisation": trainer.organisation_id,
            "password1": ELEVEN,
            "password2": ELEVEN,
            "groups": trainers,
            "is_active": "on",
        },
    )

    assert TOO_SHORT_FOR_STAFF in response.content.decode()
    trainer.refresh_from_db()
    assert trainer.check_password(PASSWORD)


@pytest.mark.parametrize("common", ["password1234", "qwertyuiop123"])
def test_staff_passwords_still_pass_djangos_other_checks(client, admin_user, common):
    signed_in(client, admin_user)

    refused = new_user(client, "new-admin", common, is_superuser="on")

    assert "Пароль занадто поширений." in refused.content.decode()
    assert not User.objects.filter(nickname="new-admin").exists()


def test_a_coordinator_changing_their_own_password_needs_twelve_characters(client, coordinator):
    signed_in(client, coordinator)
    change = {"old_password": PASSWORD, "new_password1": ELEVEN, "new_password2": ELEVEN}

    refused = client.post("/uk/accounts/password/", change)

    assert TOO_SHORT_FOR_STAFF in refused.content.decode()
    change.update(new_password1=TWELVE, new_password2=TWELVE)
    assert client.post("/uk/accounts/password/", change).status_code == 302


def test_a_trainee_keeps_the_eight_character_rule(client, trainee):
    client.force_login(trainee)

    form = client.get("/uk/accounts/password/").content.decode()
    response = client.post(
        "/uk/accounts/password/",
        {"old_password": PASSWORD, "new_password1": ELEVEN, "new_password2": ELEVEN},
    )

    assert "12" not in re.sub(r"<[^>]+>", " ", form)  # no staff rule shown to trainees
    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.check_password(ELEVEN)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|noscript)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    ("language", "heading", "placeholder", "wrong"),
    [
        (
            "uk",
            "Вхід до панелі керування Conecta eLearn",
            "Введіть свій псевдонім",
            "Псевдонім і пароль не підходять одне до одного.",
        ),
        (
            "ru",
            "Вход в панель управления Conecta eLearn",
            "Введите свой псевдоним",
            "Псевдоним и пароль не подходят друг к другу.",
        ),
    ],
)
def test_the_admin_log_in_page_is_in_the_visitors_language(client, db, language, heading, placeholder, wrong):
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language).content.decode()

    text = visible_text(page)
    assert heading in text
    assert placeholder in page
    assert "Password" not in text and "Wagtail" not in text
    assert "<title>" in page and "Wagtail" not in page.split("<title>")[1].split("</title>")[0]
    assert "password_reset" not in page  # no e-mail, so no "forgotten password" link

    response = client.post(
        "/admin/login/", {"username": "nobody", "password": "wrong"}, HTTP_ACCEPT_LANGUAGE=language
    )
    assert wrong in response.content.decode()
