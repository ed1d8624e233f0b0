from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User

SIGNUP = "/{lang}/accounts/signup/"


def signup_data(**overrides):
    data = {
        "join_code": "LVIV2026",
        "nickname": "zirka",
        "password1": "quiet-river-lamp",
        "password2": "quiet-river-lamp",
        "age_band": "25-29",
        "gender": "trans_woman",
        "work_setting": "online",
    }
    data.update(overrides)
    return data


def test_signup_joins_group_and_organisation_and_signs_in(client, group):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(join_code=" lviv-2026 "))

    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/"
    user = User.objects.get(nickname="zirka")
    assert user.training_group == group
    assert user.organisation == group.organisation
    assert (user.age_band, user.gender, user.work_setting) == ("25-29", "trans_woman", "online")
    account = client.get("/uk/accounts/")
    assert "Вітаємо! Ви приєдналися до групи «Львів-1»." in account.content.decode()


def test_profile_questions_are_optional(client, group):
    client.post(SIGNUP.format(lang="ru"), signup_data(age_band="", gender="", work_setting=""))

    user = User.objects.get(nickname="zirka")
    assert (user.age_band, user.gender, user.work_setting) == ("", "", "")


def test_form_asks_for_no_email_phone_or_name(client, db):
    html = client.get(SIGNUP.format(lang="uk")).content.decode().lower()

    assert 'type="email"' not in html
    assert 'type="tel"' not in html
    for field in ("email", "phone", "first_name", "last_name"):
        assert f'name="{field}"' not in html


@pytest.mark.parametrize(
    ("lang", "code", "message"),
    [
        ("uk", "NOPE1234", "Такого коду групи немає. Перевірте його з тренеркою або тренером."),
        ("ru", "NOPE1234", "Такого кода группы нет. Проверьте его у тренера."),
    ],
)
def test_unknown_join_code_is_refused_in_the_visitors_language(client, group, lang, code, message):
    response = client.post(SIGNUP.format(lang=lang), signup_data(join_code=code))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(nickname="zirka").exists()


def test_closed_group_is_refused(client, group):
    group.is_open = False
    group.save()

    response = client.post(SIGNUP.format(lang="uk"), signup_data())

    assert "Ця група вже не приймає нових учасниць і учасників." in response.content.decode()
    assert not User.objects.filter(nickname="zirka").exists()


def test_expired_code_is_refused(client, group):
    group.expires_at = timezone.now() - timedelta(minutes=1)
    group.save()

    response = client.post(SIGNUP.format(lang="ru"), signup_data())

    assert "Срок действия этого кода истёк." in response.content.decode()
    assert not User.objects.filter(nickname="zirka").exists()


def test_taken_nickname_is_refused_whatever_its_case(client, trainee):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(nickname="SONIA"))

    assert "Цей псевдонім уже зайнятий." in response.content.decode()
    assert User.objects.filter(nickname__iexact="sonia").count() == 1


def test_nickname_with_spaces_is_refused(client, group):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(nickname="Anna Petrenko"))

    assert "без пробілів" in response.content.decode()
    assert User.objects.count() == 0


def test_weak_password_gets_djangos_translated_validator_message(client, group):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(password1="12345678", password2="12345678"))

    html = response.content.decode()
    assert "Пароль занадто поширений." in html or "Цей пароль повністю складається із цифр." in html
    assert not User.objects.filter(nickname="zirka").exists()


def test_different_passwords_are_refused(client, group):
    response = client.post(SIGNUP.format(lang="ru"), signup_data(password2="something-else-1"))

    assert "Пароли не совпадают." in response.content.decode()
    assert not User.objects.exists()


def test_signed_in_visitor_is_sent_to_their_account(client, trainee):
    client.force_login(trainee)

    response = client.get(SIGNUP.format(lang="uk"))

    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/"
