import pytest
from django.http import QueryDict
from django.utils import translation

from quizzes.answers import InvalidAnswers, parse_answers
from quizzes.scoring import MULTIPLE, SINGLE, QuestionKey

KEYS = [
    QuestionKey(id=7, kind=SINGLE, points=1, correct=frozenset({71}), choices=frozenset({70, 71})),
    QuestionKey(id=8, kind=MULTIPLE, points=2, correct=frozenset({80, 81}), choices=frozenset({80, 81, 82})),
]


def post(text):
    return QueryDict(text)


def test_a_complete_form_is_read():
    answers = parse_answers(post("csrfmiddlewaretoken=x&token=t&q7=71&q8=80&q8=82"), KEYS)

    assert answers == {7: frozenset({71}), 8: frozenset({80, 82})}


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ("q7=71&q8=80&q9=90", "This form has an answer to a question that is not in this test."),
        ("q7=81&q8=80", "An answer in this form belongs to another question."),
        ("q7=abc&q8=80", "An answer in this form could not be read."),
        ("q7=-71&q8=80", "An answer in this form could not be read."),
        ("q7=７１&q8=80", "An answer in this form could not be read."),  # full-width digits
        ("q7=70&q7=71&q8=80", "A question that takes one answer got several."),
        ("q7=71&q8=80&q8=80", "A question that takes one answer got several."),
        ("q7=71", "Please answer every question."),
        ("q7=71&q8=80&admin=1", "This form has an answer to a question that is not in this test."),
        ("q7=71&q8=80&" + "&".join(f"x{n}=1" for n in range(300)), "This form has far more answers"),
    ],
)
def test_tampered_forms_are_refused_with_a_clear_message(form, message):
    with translation.override("en"), pytest.raises(InvalidAnswers) as refused:  # the msgids
        parse_answers(post(form), KEYS)

    with translation.override("en"):
        assert str(refused.value.message).startswith(message)


def test_refusals_are_translated():
    with pytest.raises(InvalidAnswers) as refused:
        parse_answers(post("q7=71"), KEYS)

    # The message is lazy: it takes the language active when it is shown, not when it was made.
    with translation.override("uk"):
        assert str(refused.value.message) == "Будь ласка, дайте відповідь на кожне питання."
    with translation.override("ru"):
        assert str(refused.value.message) == "Пожалуйста, ответьте на каждый вопрос."


def test_saving_as_you_go_accepts_a_partial_form():
    assert parse_answers(post("q8=81"), KEYS, require_all=False) == {8: frozenset({81})}
