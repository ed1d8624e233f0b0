from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from quizzes.scoring import MULTIPLE, SINGLE, TRUE_FALSE, QuestionKey, score_attempt, score_question

SINGLE_Q = QuestionKey(id=1, kind=SINGLE, points=2, correct=frozenset({11}), choices=frozenset({10, 11, 12}))
MULTI_Q = QuestionKey(
    id=2, kind=MULTIPLE, points=3, correct=frozenset({20, 21, 22}), choices=frozenset(range(20, 25))
)
TF_Q = QuestionKey(id=3, kind=TRUE_FALSE, points=1, correct=frozenset({30}), choices=frozenset({30, 31}))


def test_single_choice_is_all_or_nothing():
    assert score_question(SINGLE_Q, frozenset({11})) == 2
    assert score_question(SINGLE_Q, frozenset({10})) == 0
    assert score_question(SINGLE_Q, frozenset({10, 11})) == 0  # two ticks on a single choice
    assert score_question(SINGLE_Q, frozenset()) == 0


def test_multiple_choice_gives_partial_credit_and_takes_it_back_for_wrong_ticks():
    assert score_question(MULTI_Q, frozenset({20, 21, 22})) == 3
    assert score_question(MULTI_Q, frozenset({20, 21})) == 2
    assert score_question(MULTI_Q, frozenset({20, 21, 23})) == 1
    assert score_question(MULTI_Q, frozenset({20, 23, 24})) == 0  # never below zero
    assert score_question(MULTI_Q, frozenset(range(20, 25))) == 1  # ticking everything is not a strategy


def test_attempt_percent_and_pass_mark():
    keys = [SINGLE_Q, MULTI_Q, TF_Q]

    result = score_attempt(
        keys, {1: frozenset({11}), 2: frozenset({20, 21}), 3: frozenset({31})}, pass_mark=65
    )

    assert (result.score, result.max_score) == (4, 6)
    assert result.percent == 66
    assert result.passed is True
    assert score_attempt(keys, {1: frozenset({11}), 2: frozenset({20, 21})}, pass_mark=67).passed is False


def test_pass_mark_is_compared_exactly_not_after_rounding():
    keys = [
        QuestionKey(id=n, kind=TRUE_FALSE, points=1, correct=frozenset({n}), choices=frozenset({n, -n}))
        for n in range(1, 4)
    ]
    two_of_three = {1: frozenset({1}), 2: frozenset({2}), 3: frozenset({-3})}

    result = score_attempt(keys, two_of_three, pass_mark=67)

    assert result.percent == 66 and result.passed is False
    assert score_attempt(keys, two_of_three, pass_mark=66).passed is True


def test_an_empty_quiz_never_passes():
    assert score_attempt([], {}, pass_mark=0).passed is False


@st.composite
def questions(draw, question_id=1):
    kind = draw(st.sampled_from([SINGLE, MULTIPLE, TRUE_FALSE]))
    size = 2 if kind == TRUE_FALSE else draw(st.integers(min_value=2, max_value=6))
    choices = list(range(question_id * 10, question_id * 10 + size))
    correct_count = 1 if kind != MULTIPLE else draw(st.integers(min_value=1, max_value=size))
    correct = draw(st.permutations(choices))[:correct_count]
    points = draw(st.integers(min_value=1, max_value=5))
    return QuestionKey(question_id, kind, points, frozenset(correct), frozenset(choices))


@st.composite
def quiz_and_answers(draw):
    count = draw(st.integers(min_value=1, max_value=8))
    keys = [draw(questions(question_id=n)) for n in range(1, count + 1)]
    answers = {key.id: frozenset(draw(st.sets(st.sampled_from(sorted(key.choices))))) for key in keys}
    return keys, answers


@given(quiz_and_answers(), st.integers(min_value=0, max_value=100))
def test_score_is_between_zero_and_the_maximum(data, pass_mark):
    keys, answers = data

    result = score_attempt(keys, answers, pass_mark)

    assert 0 <= result.score <= result.max_score
    assert 0 <= result.percent <= 100
    for key in keys:
        assert 0 <= result.per_question[key.id] <= key.points


@given(quiz_and_answers(), st.randoms())
def test_the_order_of_questions_and_choices_never_changes_the_score(data, random):
    keys, answers = data
    shuffled_keys = list(keys)
    random.shuffle(shuffled_keys)
    reordered = {
        qid: frozenset(random.sample(sorted(selected), len(selected))) for qid, selected in answers.items()
    }

    assert score_attempt(shuffled_keys, reordered, 50) == score_attempt(keys, answers, 50)


@given(quiz_and_answers(), st.integers(min_value=0, max_value=100))
def test_all_correct_answers_get_full_marks_and_pass(data, pass_mark):
    keys, _ = data

    result = score_attempt(keys, {key.id: key.correct for key in keys}, pass_mark)

    assert result.score == result.max_score
    assert result.percent == 100 and result.passed


@given(quiz_and_answers())
def test_unanswered_questions_score_zero(data):
    keys, _ = data

    assert score_attempt(keys, {}, 50).score == Fraction(0)
