"""Per-question test statistics (admin → Tests → Questions → Statistics): people, not
attempts; only the viewer's organisation (an admin: all, and told so); small counts
hidden as the reports hide them (common/disclosure.py)."""

import html
import re

import pytest

from quizzes.services import attempt_start, attempt_submit
from tests.builders import build_quiz
from tests.factories import TraineeFactory, TrainingGroupFactory


@pytest.fixture
def quiz(db):
    return build_quiz()


def take(trainee, quiz, language, right=True):
    keys = quiz.question_keys()
    answers = {key.id: (key.correct if right else key.choices - key.correct) for key in keys}
    attempt_submit(attempt=attempt_start(user=trainee, quiz=quiz, language=language), answers=answers)


def trainees(group, count):
    return [TraineeFactory(training_group=group) for _ in range(count)]


def statistics(client, user, quiz):
    """The screen's text, and its table: a row per question of [all, uk, ru] cells."""
    client.force_login(user)
    page = client.get(f"/admin/tests/{quiz.pk}/statistics/").content.decode()
    rows = re.findall(r"<tr>\s*<td>[^<]*</td>(.*?)</tr>", page, re.S)
    return html.unescape(page), [
        [html.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", row)] for row in rows
    ]


def test_each_trainee_counts_once_with_their_first_finished_attempt(client, trainer, group, quiz, settings):
    settings.REPORT_SMALL_CELL_THRESHOLD = 1  # nothing hidden: this test is about counting
    retrying, other = trainees(group, 2)
    take(retrying, quiz, "ru", right=False)
    take(retrying, quiz, "ru", right=True)
    take(retrying, quiz, "ru", right=True)
    take(other, quiz, "uk", right=True)

    text, table = statistics(client, trainer, quiz)

    assert table == [["50% правильно з 2", "100% правильно з 1", "0% правильно з 1"]] * 3
    assert "першою завершеною спробою" in text  # the screen says which attempt counts


def test_only_the_viewers_organisation_is_counted_and_an_admin_sees_all(
    client, trainer, admin_user, group, other_organisation, quiz, settings
):
    settings.REPORT_SMALL_CELL_THRESHOLD = 1
    for trainee in trainees(group, 2):
        take(trainee, quiz, "uk", right=True)
    elsewhere = TrainingGroupFactory(organisation=other_organisation)
    for trainee in trainees(elsewhere, 3):
        take(trainee, quiz, "uk", right=False)

    trainer_text, trainer_table = statistics(client, trainer, quiz)
    admin_text, admin_table = statistics(client, admin_user, quiz)

    assert trainer_table[0] == ["100% правильно з 2", "100% правильно з 2", "—"]
    assert "Лише учасниці та учасники організації «Салюс»." in trainer_text
    assert admin_table[0] == ["40% правильно з 5", "40% правильно з 5", "—"]
    assert "Учасниці та учасники всіх організацій." in admin_text


@pytest.mark.parametrize("in_russian", [1, 2, 3, 4])
def test_a_language_with_fewer_than_five_people_shows_nothing_but_under_five(
    client, trainer, group, quiz, in_russian
):
    """Seven took the test in Ukrainian: with the Russian count hidden, the Ukrainian one is
    hidden too, or "all minus Ukrainian" would give it away."""
    for trainee in trainees(group, 7):
        take(trainee, quiz, "uk", right=True)
    for trainee in trainees(group, in_russian):
        take(trainee, quiz, "ru", right=False)
        take(trainee, quiz, "ru", right=True)  # retries do not make them more

    text, table = statistics(client, trainer, quiz)

    total = 7 + in_russian
    assert table == [[f"{round(700 / total)}% правильно з {total}", "x", "<5"]] * 3
    assert f"з {in_russian}<" not in text.replace(" ", "")
    assert "Клітинки, де менше 5 осіб, показано як «<5»." in text


def test_when_fewer_than_five_took_the_test_every_cell_is_hidden(client, trainer, group, quiz):
    """Even the language nobody used: "—" there would say which language the few chose."""
    for trainee in trainees(group, 3):
        take(trainee, quiz, "uk", right=True)

    text, table = statistics(client, trainer, quiz)

    assert table == [["<5", "<5", "<5"]] * 3
    assert "Враховано учасниць і учасників: <5." in text


def test_enough_people_in_every_language_are_all_shown(client, trainer, group, quiz):
    for trainee in trainees(group, 5):
        take(trainee, quiz, "uk", right=True)
    for trainee in trainees(group, 5):
        take(trainee, quiz, "ru", right=False)

    _text, table = statistics(client, trainer, quiz)

    assert table == [["50% правильно з 10", "100% правильно з 5", "0% правильно з 5"]] * 3
