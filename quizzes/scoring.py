"""Quiz scoring as pure functions: plain data in, a result out. No database, no request.

Rules:
- single choice and true/false: full points when exactly the correct choice is selected,
  otherwise 0;
- multiple choice (partial credit): each correct choice selected earns points/len(correct),
  each wrong choice selected takes the same share away, and the question never scores below
  0. Selecting exactly the correct choices earns full points;
- the attempt's percent is the score over the maximum, rounded down to a whole number;
  it passes when score / maximum >= pass mark / 100, compared exactly (no rounding).
The order of questions or choices never matters: answers are sets."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

SINGLE, MULTIPLE, TRUE_FALSE = "single", "multiple", "true_false"
RIGHT, PARTLY, WRONG = "right", "partly", "wrong"


@dataclass(frozen=True)
class QuestionKey:
    """What scoring needs to know about one question."""

    id: int
    kind: str
    points: int
    correct: frozenset[int]
    choices: frozenset[int]


@dataclass(frozen=True)
class AttemptResult:
    score: Fraction
    max_score: int
    percent: int
    passed: bool
    per_question: Mapping[int, Fraction] = field(default_factory=dict)


def score_question(key: QuestionKey, selected: frozenset[int]) -> Fraction:
    if key.kind in (SINGLE, TRUE_FALSE):
        return Fraction(key.points) if selected == key.correct else Fraction(0)
    share = Fraction(key.points, len(key.correct))
    right, wrong = len(selected & key.correct), len(selected - key.correct)
    return max(Fraction(0), share * (right - wrong))


def question_outcome(key: QuestionKey, score: Fraction) -> str:
    """Right (full points), partly right (some points: a multiple-choice question with
    partial credit) or wrong (none)."""
    if score >= key.points:
        return RIGHT
    return PARTLY if score > 0 else WRONG


def score_attempt(
    keys: Sequence[QuestionKey], answers: Mapping[int, frozenset[int]], pass_mark: int
) -> AttemptResult:
    """Score `answers` (question id -> selected choice ids); unanswered questions score 0."""
    per_question = {key.id: score_question(key, answers.get(key.id, frozenset())) for key in keys}
    score = sum(per_question.values(), Fraction(0))
    max_score = sum(key.points for key in keys)
    if max_score == 0:
        return AttemptResult(score, 0, 0, False, per_question)
    ratio = score / max_score
    return AttemptResult(
        score=score,
        max_score=max_score,
        percent=int(ratio * 100),
        passed=ratio * 100 >= pass_mark,
        per_question=per_question,
    )
