"""Each organisation chooses which optional questions its trainees are asked; a question
switched off is asked no more, and the answers already given are erased."""

import pytest

from accounts.models import Organisation, User
from accounts.services import organisation_questions_set
from tests.factories import TraineeFactory, TrainingGroupFactory

QUESTIONS = "/admin/questions-for-trainees/"
SIGNUP = "/{lang}/accounts/signup/"


def sign_up(client, group, lang="uk"):
    response = client.post(
        SIGNUP.format(lang=lang),
        {
            "join_code": group.join_code,
            "nickname": "zirka",
            "password1": "quiet-river-lamp",
            "password2": "quiet-river-lamp",
        },
    )
    assert response.status_code == 302
    return response


def test_a_new_trainee_answers_the_questions_on_the_step_after_the_code(client, group):
    response = sign_up(client, group)
    assert response["Location"] == "/uk/accounts/about-you/"
    page = client.get(response["Location"]).content.decode()
    assert 'name="age_band"' in page and 'name="gender"' in page and 'name="work_setting"' in page

    saved = client.post(
        "/uk/accounts/about-you/", {"age_band": "25-29", "gender": "trans_woman", "work_setting": ""}
    )

    assert saved["Location"] == "/uk/learning/start/"  # on to their course (issue #18)
    user = User.objects.get(nickname="zirka")
    assert (user.age_band, user.gender, user.work_setting) == ("25-29", "trans_woman", "")
    account = client.get("/uk/accounts/").content.decode()
    assert "Трансгендерна жінка" in account and "Ваші відповіді збережено." in account


def test_a_question_the_organisation_does_not_ask_is_neither_shown_nor_stored(client, group):
    organisation_questions_set(organisation=group.organisation, asked={"age_band", "work_setting"})
    sign_up(client, group, lang="ru")

    page = client.get("/ru/accounts/about-you/").content.decode()
    assert 'name="gender"' not in page and 'name="age_band"' in page
    client.post(
        "/ru/accounts/about-you/", {"age_band": "lt20", "gender": "trans_woman", "work_setting": "street"}
    )

    user = User.objects.get(nickname="zirka")
    assert (user.age_band, user.gender, user.work_setting) == ("lt20", "", "street")
    account = client.get("/ru/accounts/").content.decode()
    assert "Гендер" not in account.split("<h1", 1)[1].split("</dl>")[0]


def test_an_organisation_asking_nothing_sends_new_trainees_straight_to_their_course(client, group):
    organisation_questions_set(organisation=group.organisation, asked=set())

    assert sign_up(client, group)["Location"] == "/uk/learning/start/"
    assert client.get("/uk/accounts/about-you/")["Location"] == "/uk/accounts/"


def test_switching_a_question_off_erases_the_answers_of_that_organisation_only(group, other_organisation):
    mine = TraineeFactory(training_group=group, gender="woman", age_band="25-29")
    theirs = TraineeFactory(
        training_group=TrainingGroupFactory(organisation=other_organisation), gender="man"
    )

    switched_off = organisation_questions_set(
        organisation=group.organisation, asked={"age_band", "work_setting"}
    )

    assert switched_off == ["gender"]
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.gender, mine.age_band) == ("", "25-29")
    assert theirs.gender == "man"


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_a_coordinator_is_warned_before_answers_are_erased(client, coordinator, group, lang):
    trainee = TraineeFactory(training_group=group, gender="woman")
    client.force_login(coordinator)
    edit = f"{QUESTIONS}{group.organisation_id}/"
    assert client.get(QUESTIONS)["Location"] == edit  # their one organisation

    asking = client.post(edit, {"asked": ["age_band", "work_setting"]}, HTTP_ACCEPT_LANGUAGE=lang)

    warning = {
        "uk": "Відповіді, які ваші учасниці й учасники вже дали на них, буде стерто назавжди",
        "ru": "Ответы, которые ваши участницы и участники уже дали на них, будут стёрты навсегда",
    }[lang]
    assert asking.status_code == 200 and warning in asking.content.decode()
    trainee.refresh_from_db()
    group.organisation.refresh_from_db()
    assert trainee.gender == "woman" and group.organisation.asks_gender  # nothing changed yet

    client.post(edit, {"asked": ["age_band", "work_setting"], "confirm": "erase"})

    trainee.refresh_from_db()
    assert trainee.gender == "" and not Organisation.objects.get(pk=group.organisation_id).asks_gender


def test_a_coordinator_cannot_choose_for_another_organisation(client, coordinator, other_organisation):
    client.force_login(coordinator)

    response = client.post(f"{QUESTIONS}{other_organisation.pk}/", {"asked": [], "confirm": "erase"})

    assert response.status_code == 404
    assert Organisation.objects.get(pk=other_organisation.pk).asks_gender


def test_a_trainer_may_not_choose_the_questions(client, trainer, group):
    client.force_login(trainer)

    response = client.post(f"{QUESTIONS}{group.organisation_id}/", {"asked": [], "confirm": "erase"})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert Organisation.objects.get(pk=group.organisation_id).asks_gender


def test_answers_changed_later_from_the_account_page_lead_back_to_it(client, group):
    sign_up(client, group)
    client.post("/uk/accounts/about-you/", {"age_band": "25-29"})

    changed = client.post("/uk/accounts/about-you/", {"age_band": ""})

    assert changed["Location"] == "/uk/accounts/"
    assert User.objects.get(nickname="zirka").age_band == ""


def test_in_the_demo_humanitarian_action_does_not_ask_gender_identity(demo):
    asked = {o.slug: o.asked_questions() for o in Organisation.objects.all()}

    assert asked == {
        "humanitarian-action": ["age_band", "work_setting"],
        "salus": ["age_band", "gender", "work_setting"],
    }
