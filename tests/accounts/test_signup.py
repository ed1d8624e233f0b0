import importlib
import math
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import JOIN_CODE_ALPHABET, TrainingGroup, User, new_join_code
from tests.factories import TraineeFactory, TrainingGroupFactory

SIGNUP = "/{lang}/accounts/signup/"
WRONG_CODE = {
    "uk": "Цей код групи не підходить. Можливо, в ньому помилка або групу закрито. "
    "Перевірте код із тренеркою або тренером.",
    "ru": "Этот код группы не подходит. Возможно, в нём ошибка или группа закрыта. Проверьте код у тренера.",
}
TRY_LATER = {
    "uk": "Забагато спроб. Будь ласка, спробуйте пізніше.",
    "ru": "Слишком много попыток. Пожалуйста, попробуйте позже.",
}


def signup_data(**overrides):
    data = {
        "join_code": "LVIV2026",
        "nickname": "zirka",
        "password1": "quiet-river-lamp",
        "password2": "quiet-river-lamp",
    }
    data.update(overrides)
    return data


def page_without_token(response) -> str:
    """The page as the visitor sees it, without the CSRF token (new on every page)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def test_signup_joins_group_and_organisation_and_signs_in(client, group):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(join_code=" lviv-2026 "))

    # Next step: the optional questions, now that the organisation that chooses them is known.
    assert response.status_code == 302
    assert response["Location"] == "/uk/accounts/about-you/"
    user = User.objects.get(nickname="zirka")
    assert user.training_group == group
    assert user.organisation == group.organisation
    about_you = client.get("/uk/accounts/about-you/")
    assert "Вітаємо! Ви приєдналися до групи «Львів-1»." in about_you.content.decode()


def test_answers_sent_with_the_sign_up_form_are_not_stored(client, group):
    """The sign-up form does not know the organisation yet, so it asks nothing about the
    trainee, and takes nothing either."""
    client.post(SIGNUP.format(lang="ru"), signup_data(age_band="25-29", gender="man", work_setting="street"))

    user = User.objects.get(nickname="zirka")
    assert (user.age_band, user.gender, user.work_setting) == ("", "", "")


def test_form_asks_for_no_email_phone_or_name(client, db):
    html = client.get(SIGNUP.format(lang="uk")).content.decode().lower()

    assert 'type="email"' not in html
    assert 'type="tel"' not in html
    for field in ("email", "phone", "first_name", "last_name"):
        assert f'name="{field}"' not in html


# A wrong group code: one answer, whatever makes it wrong, and nothing else said.


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_unknown_closed_and_expired_codes_get_one_and_the_same_answer(client, group, lang):
    closed = TrainingGroupFactory(organisation=group.organisation, join_code="CLSD2345X", is_open=False)
    expired = TrainingGroupFactory(
        organisation=group.organisation,
        join_code="EXPD2345X",
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    pages = []
    for code in ("NOPE2345X", closed.join_code, expired.join_code):
        response = client.post(SIGNUP.format(lang=lang), signup_data(join_code=code))
        assert response.status_code == 200
        assert WRONG_CODE[lang] in response.content.decode()
        pages.append(page_without_token(response).replace(code, "CODE"))

    assert pages[0] == pages[1] == pages[2]
    assert not User.objects.filter(nickname="zirka").exists()


@pytest.mark.parametrize("nickname_owner", ["trainee", "trainer"])
def test_with_a_wrong_code_a_taken_nickname_gets_the_very_same_page_as_a_free_one(
    client, group, trainee, trainer, nickname_owner
):
    owner = {"trainee": trainee, "trainer": trainer}[nickname_owner]
    data = signup_data(join_code="NOPE2345X", nickname=owner.nickname.upper())

    while_taken = client.post(SIGNUP.format(lang="uk"), data)
    User.objects.filter(pk=owner.pk).delete()
    while_free = client.post(SIGNUP.format(lang="uk"), data)

    assert while_taken.status_code == while_free.status_code == 200
    assert page_without_token(while_taken) == page_without_token(while_free)
    assert "зайнятий" not in while_taken.content.decode()


def test_with_a_wrong_code_nothing_is_said_about_the_nickname_or_the_passwords(client, group):
    response = client.post(
        SIGNUP.format(lang="uk"),
        signup_data(join_code="NOPE2345X", nickname="deleted-x", password1="1", password2="2"),
    )

    form = response.context["form"]
    assert list(form.errors) == ["join_code"]
    assert not User.objects.exists()


def test_a_code_too_long_to_be_one_gets_the_same_answer(client, group):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(join_code="X" * 40))

    assert response.context["form"].errors == {"join_code": [WRONG_CODE["uk"]]}


# With the right code, the nickname and password rules.


def test_taken_nickname_is_refused_whatever_its_case(client, trainee):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(nickname="SONIA"))

    assert "Цей псевдонім уже зайнятий." in response.content.decode()
    assert User.objects.filter(nickname__iexact="sonia").count() == 1


@pytest.mark.parametrize(
    "nickname",
    [
        "deleted-4f2a",
        "Admin",
        "administrator",
        "ROOT",
        "staff.lviv",
        "Trainer_Olia",
        "coordinator2",
        "support",
        "Moderator",
        "system",
        "Адмін-Оля",
        "тренерка",
    ],
)
def test_nicknames_that_pass_for_staff_or_deleted_accounts_are_refused(client, group, nickname):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(nickname=nickname))

    assert response.status_code == 200
    assert "Псевдонім не може починатися з «" in response.content.decode()
    assert "виберіть інший" in response.content.decode()
    assert not User.objects.exists()


def test_reserved_prefix_message_in_russian_names_the_prefix(client, group):
    response = client.post(SIGNUP.format(lang="ru"), signup_data(nickname="DELETED-0a1b"))

    assert "Псевдоним не может начинаться с «deleted-»" in response.content.decode()


def test_a_nickname_with_a_reserved_word_inside_is_fine(client, group):
    response = client.post(SIGNUP.format(lang="uk"), signup_data(nickname="olia-admin"))

    assert response.status_code == 302
    assert User.objects.filter(nickname="olia-admin").exists()


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


# Throttling: per client address and per group code.


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_thirty_wrong_codes_from_one_address_in_a_minute_are_refused(client, group, lang):
    answers = [
        client.post(SIGNUP.format(lang=lang), signup_data(join_code=f"GUESS{n:04d}X", nickname=f"guess{n}"))
        for n in range(30)
    ]

    assert [a.status_code for a in answers[:20]] == [200] * 20
    assert [a.status_code for a in answers[20:]] == [429] * 10
    assert TRY_LATER[lang] in answers[-1].content.decode()
    # Even the right code now waits, and creates nothing.
    right = client.post(SIGNUP.format(lang=lang), signup_data())
    assert right.status_code == 429 and TRY_LATER[lang] in right.content.decode()
    assert not User.objects.exists()


def test_the_refusal_looks_nothing_up_and_is_the_same_whatever_was_typed(client, group, trainee):
    for n in range(20):
        client.post(SIGNUP.format(lang="uk"), signup_data(join_code=f"GUESS{n:04d}X"))

    taken = client.post(SIGNUP.format(lang="uk"), signup_data(nickname="sonia"))
    wrong = client.post(SIGNUP.format(lang="uk"), signup_data(join_code="NOPE2345X", nickname="free-one"))

    assert taken.status_code == wrong.status_code == 429
    assert page_without_token(taken) == page_without_token(wrong)


def test_another_address_is_not_held_back(client, group):
    for n in range(25):
        client.post(
            SIGNUP.format(lang="uk"), signup_data(join_code=f"GUESS{n:04d}X"), REMOTE_ADDR="203.0.113.5"
        )

    response = client.post(SIGNUP.format(lang="uk"), signup_data(), REMOTE_ADDR="203.0.113.6")

    assert response.status_code == 302
    assert User.objects.filter(nickname="zirka").exists()


def test_a_whole_group_signing_up_from_one_office_address_is_not_held_back(client, group):
    for n in range(25):
        client.logout()
        response = client.post(SIGNUP.format(lang="uk"), signup_data(nickname=f"peer{n}"))
        assert response.status_code == 302, n

    assert User.objects.filter(training_group=group).count() == 25


def test_one_code_cannot_be_used_from_many_addresses_to_find_nicknames(client, group, trainee, settings):
    limit, _ = settings.SIGNUP_LIMIT_PER_CODE
    for n in range(limit):
        response = client.post(
            SIGNUP.format(lang="uk"), signup_data(nickname="sonia"), REMOTE_ADDR=f"198.51.100.{n + 1}"
        )
        assert response.status_code == 200, n

    refused = client.post(
        SIGNUP.format(lang="uk"), signup_data(nickname="lesia"), REMOTE_ADDR="198.51.100.200"
    )
    other_group = TrainingGroupFactory(organisation=group.organisation, join_code="OTHR2345X")
    elsewhere = client.post(
        SIGNUP.format(lang="uk"),
        signup_data(join_code=other_group.join_code, nickname="lesia"),
        REMOTE_ADDR="198.51.100.201",
    )

    assert refused.status_code == 429 and TRY_LATER["uk"] in refused.content.decode()
    assert elsewhere.status_code == 302
    assert list(User.objects.filter(nickname="lesia").values_list("training_group", flat=True)) == [
        other_group.pk
    ]


def test_counts_keep_no_address_or_code(client, group):
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches["limits"]
    if not isinstance(cache, LocMemCache):
        pytest.skip("reads the keys of the in-memory cache")
    client.post(
        SIGNUP.format(lang="uk"),
        signup_data(nickname="sonia-x", password2="other"),
        REMOTE_ADDR="203.0.113.9",
    )

    keys = list(cache._cache.keys())
    assert keys and not any("203.0.113.9" in key or "LVIV2026" in key for key in keys)


# Group codes.


def test_codes_the_site_makes_up_carry_at_least_40_bits(db):
    codes = {new_join_code() for _ in range(200)}

    assert len(codes) == 200
    for code in codes:
        assert set(code) <= set(JOIN_CODE_ALPHABET) and not set(code) & set("01OIL")
        assert len(code) * math.log2(len(JOIN_CODE_ALPHABET)) >= 40


GROUPS = "/admin/snippets/accounts/traininggroup/"


def is_made_by_the_site(code):
    return len(code) == 9 and set(code) <= set(JOIN_CODE_ALPHABET)


def group_form(trainer, **overrides):
    """The group form as the browser posts it (there is no code to type)."""
    return {
        "name": "Нова група",
        "organisation": trainer.organisation_id,
        "trainer": trainer.pk,
        "is_open": "on",
        "expires_at": "",
        **overrides,
    }


def test_a_new_group_gets_a_code_the_site_makes_up(client, trainer):
    client.force_login(trainer)

    form_page = client.get(f"{GROUPS}add/")
    response = client.post(f"{GROUPS}add/", group_form(trainer))

    assert "join_code" not in form_page.context["form"].fields
    assert 'name="join_code"' not in form_page.content.decode()
    assert response.status_code == 302
    assert is_made_by_the_site(TrainingGroup.objects.get(name="Нова група").join_code)


@pytest.mark.parametrize("chosen", ["ABCDEFGHJ", "LVIV2026", "AAAAAAAAAAA", "LVIVGROUP1", "k7m-q2r-vxd"])
def test_a_trainer_cannot_choose_a_code_by_posting_one(client, trainer, group, chosen):
    """Not even a strong-looking one: a code typed by a person is a guessable pattern."""
    client.force_login(trainer)
    before = group.join_code

    created = client.post(f"{GROUPS}add/", group_form(trainer, join_code=chosen))
    edited = client.post(
        f"{GROUPS}edit/{group.pk}/", group_form(trainer, name="Львів-1 (вечір)", join_code=chosen)
    )

    assert created.status_code == edited.status_code == 302
    new = TrainingGroup.objects.get(name="Нова група")
    assert new.join_code != chosen.upper().replace("-", "") and is_made_by_the_site(new.join_code)
    group.refresh_from_db()
    assert (group.name, group.join_code) == ("Львів-1 (вечір)", before)


def test_the_group_form_shows_the_code_and_can_only_make_a_new_one(client, trainer, group):
    """The old code stops working at once; who joined with it stays in the group."""
    member = TraineeFactory(training_group=group)
    old = group.join_code
    client.force_login(trainer)

    page = client.get(f"{GROUPS}edit/{group.pk}/").content.decode()
    kept = client.post(f"{GROUPS}edit/{group.pk}/", group_form(trainer, name=group.name))
    group.refresh_from_db()
    assert kept.status_code == 302 and group.join_code == old
    renewed = client.post(
        f"{GROUPS}edit/{group.pk}/", group_form(trainer, name=group.name, new_join_code="on")
    )

    assert old in page and 'name="join_code"' not in page
    assert "Створити новий код (старий одразу перестане діяти)" in page
    assert renewed.status_code == 302
    group.refresh_from_db()
    assert group.join_code != old and is_made_by_the_site(group.join_code)
    client.logout()
    refused = client.post(SIGNUP.format(lang="uk"), signup_data(join_code=old, nickname="late-one"))
    assert WRONG_CODE["uk"] in refused.content.decode()
    assert client.post(SIGNUP.format(lang="uk"), signup_data(join_code=group.join_code)).status_code == 302
    member.refresh_from_db()
    assert member.training_group == group


def test_a_copied_group_gets_a_code_of_its_own(client, trainer, group):
    client.force_login(trainer)

    page = client.get(f"{GROUPS}copy/{group.pk}/")
    action = re.search(r'<form[^>]*\saction="([^"]+)"', page.content.decode()).group(1)
    copied = client.post(action, group_form(trainer, name="Копія", join_code=group.join_code))
    posted_to_copy = client.post(f"{GROUPS}copy/{group.pk}/", group_form(trainer, name="Ще копія"))

    assert group.join_code not in page.content.decode()
    assert (copied.status_code, posted_to_copy.status_code) == (302, 405)
    code = TrainingGroup.objects.get(name="Копія").join_code
    assert code != group.join_code and is_made_by_the_site(code)
    assert not TrainingGroup.objects.filter(name="Ще копія").exists()
    group.refresh_from_db()
    assert (group.name, group.join_code) == ("Львів-1", "LVIV2026")  # the copied group unchanged


@pytest.mark.parametrize("weak", ["ABCD", "LVIV2026", "K7MQ2RVX", "AAAAAAAAAAA", "ABCABCABC", "LVIVGROUP1"])
def test_a_code_set_other_than_by_the_site_must_be_strong(organisation, weak):
    """The admin offers no way to type a code; a code set any other way (a data import, the
    shell) is still held to the site's strength."""
    group = TrainingGroup(organisation=organisation, name="Нова група", join_code=weak)

    with pytest.raises(ValidationError) as refused:
        group.full_clean()

    assert refused.value.message_dict["join_code"] == [
        "Використайте від 9 до 16 латинських літер і цифр, серед них щонайменше 5 різних, "
        "без O, I, L, 0 та 1. Найкраще залиште код, який створив сайт."
    ]


def test_a_code_set_other_than_by_the_site_must_not_be_another_groups_written_differently(organisation):
    TrainingGroupFactory(organisation=organisation, join_code="K7MQ2RVXD")
    group = TrainingGroup(organisation=organisation, name="Нова група", join_code="k7m q2r vxd")

    with pytest.raises(ValidationError) as refused:
        group.full_clean()

    assert "join_code" in refused.value.message_dict
    assert TrainingGroup.objects.filter(join_code="K7MQ2RVXD").count() == 1


def test_the_migration_replaces_weak_codes_and_keeps_strong_ones(organisation):
    migration = importlib.import_module("accounts.migrations.0008_strong_join_codes")
    weak = TrainingGroupFactory(organisation=organisation, join_code="LVIV2026")
    strong = TrainingGroupFactory(organisation=organisation, join_code="K7MQ2RVXD")
    member = TraineeFactory(training_group=weak)

    migration.replace_weak_codes(apps, None)

    weak.refresh_from_db()
    strong.refresh_from_db()
    assert len(weak.join_code) == 9 and set(weak.join_code) <= set(JOIN_CODE_ALPHABET)
    assert strong.join_code == "K7MQ2RVXD"
    member.refresh_from_db()
    assert member.training_group == weak  # who joined stays joined


def test_the_group_list_says_open_or_not_in_the_admins_language(client, trainer, group):
    """Screen readers read the open column's icon title: Wagtail's is "True" or "False"."""
    client.force_login(trainer)

    listing = client.get(GROUPS).content.decode()

    read_out = re.findall(r'class="w-sr-only">\s*(\w+)\s*<', listing)
    assert "так" in read_out and "True" not in read_out
