"""The quiz bank. A question has one identity and one set of correct choices in every
language; only its texts are translated (django-parler). Every attempt is kept."""

import random
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields
from wagtail.search import index

from common import page_cache

from . import answer_key
from .scoring import MULTIPLE, SINGLE, TRUE_FALSE, QuestionKey


class Quiz(index.Indexed, TranslatableModel):
    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        PRE_TEST = "pre_test", _("Pre-test")
        POST_TEST = "post_test", _("Post-test")
        FINAL = "final", _("Final test")

    class Feedback(models.TextChoices):
        AFTER_EACH = "after_each", _("After each question")
        AFTER_SUBMIT = "after_submit", _("After submitting the test")

    class Layout(models.TextChoices):
        ONE_PER_SCREEN = "one_per_screen", _("One question per screen")
        ALL_ON_ONE_PAGE = "all_on_one_page", _("All questions on one page")

    class AnswerKey(models.TextChoices):
        ALWAYS = answer_key.ALWAYS, _("After every attempt")
        AFTER_PASSING = answer_key.AFTER_PASSING, _("Only after passing")
        AFTER_LAST_ATTEMPT = answer_key.AFTER_LAST_ATTEMPT, _("Only after the last attempt")
        NEVER = answer_key.NEVER, _("Never")

    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        introduction=models.TextField(_("introduction"), blank=True),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.PRACTICE)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark, %"), default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), default=0, help_text=_("0 means unlimited.")
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    feedback = models.CharField(
        _("feedback"), max_length=16, choices=Feedback.choices, default=Feedback.AFTER_SUBMIT
    )
    layout = models.CharField(
        _("on a phone"), max_length=16, choices=Layout.choices, default=Layout.ONE_PER_SCREEN
    )
    answer_key = models.CharField(
        _("show the correct answers"),
        max_length=20,
        choices=AnswerKey.choices,
        blank=True,
        help_text=_(
            "Leave empty for the usual rule: a pre-test never shows them, a final test only "
            "after passing, other tests after every attempt."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # The admin's Tests list finds a test by the words of its title and introduction in any
    # language (indexed again whenever a translation is saved: _reindex_quiz).
    search_fields = [
        index.SearchField("search_text"),
        index.AutocompleteField("search_text"),
        index.FilterField("id"),  # the admin's list leaves out tests of closed courses (wagtail_hooks.py)
    ]

    class Meta:
        verbose_name = _("test")
        verbose_name_plural = _("tests")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or f"#{self.pk}"

    def search_text(self) -> str:
        texts = [(t.title, t.introduction) for t in self.translations.all()]
        return "\n".join(text for pair in texts for text in pair if text)

    def clean(self):
        super().clean()
        fixed = answer_key.fixed_policy(self.kind)
        if fixed and self.answer_key not in ("", fixed):
            raise ValidationError(
                {
                    "answer_key": _(
                        "A pre-test never shows the correct answers: it shows where a trainee "
                        "starts. Choose “Never” or leave this empty."
                    )
                }
            )

    def save(self, *args, **kwargs):
        if not self.answer_key:  # stored explicitly, so the admin shows the rule in force
            self.answer_key = answer_key.default_policy(self.kind)
        super().save(*args, **kwargs)

    @property
    def is_graded(self) -> bool:
        """A pre-test says where a trainee starts from: no pass or fail."""
        return self.kind != self.Kind.PRE_TEST

    @property
    def answer_key_policy(self) -> str:
        return answer_key.policy_in_force(self.kind, self.answer_key)

    def ordered_questions(self, seed=None):
        """Questions with their choices and texts, shuffled per attempt when the quiz says so
        (the same order every time the same attempt is shown)."""
        questions = list(self.questions.prefetch_related("translations", "choices__translations"))
        rng = random.Random(seed)
        if self.shuffle_questions and seed is not None:
            rng.shuffle(questions)
        for question in questions:
            question.ordered_choices = list(question.choices.all())
            if self.shuffle_choices and seed is not None:
                rng.shuffle(question.ordered_choices)
        return questions

    def question_order(self, seed=None) -> list[int]:
        """The question ids in the order ordered_questions(seed) shows them, without loading
        their texts: the same shuffle of a list of the same length."""
        ids = [key.id for key in self.question_keys()]
        if self.shuffle_questions and seed is not None:
            random.Random(seed).shuffle(ids)
        return ids

    def question_keys(self) -> list[QuestionKey]:
        """What scoring needs, in one query however many questions there are. Content, the
        same for every trainee: kept in the content cache, which a saved, deleted or moved
        question or choice renews (courses/page_cache_signals.py), and on this instance."""
        if getattr(self, "_question_keys", None) is None:
            self._question_keys = page_cache.get_or_build(self._read_question_keys, "question-keys", self.pk)
        return self._question_keys

    def _read_question_keys(self) -> list[QuestionKey]:
        """One query: a row per choice (or one row for a question without any)."""
        rows = self.questions.order_by("order", "pk").values_list(
            "pk", "kind", "points", "choices__pk", "choices__is_correct"
        )
        questions = {}  # question id -> (kind, points, correct ids, all choice ids), in order
        for question_id, kind, points, choice_id, is_correct in rows:
            _kind, _points, correct, choices = questions.setdefault(question_id, (kind, points, set(), set()))
            if choice_id is not None:
                choices.add(choice_id)
                if is_correct:
                    correct.add(choice_id)
        return [
            QuestionKey(id=pk, kind=kind, points=points, correct=frozenset(right), choices=frozenset(every))
            for pk, (kind, points, right, every) in questions.items()
        ]


def _reindex_quiz(sender, instance, raw=False, **kwargs):
    """A test's words are in its translations, saved after the test itself (whose own save
    indexed it without them): index it again with each."""
    if not raw:
        index.insert_or_update_object(instance.master)


post_save.connect(_reindex_quiz, sender=Quiz._parler_meta.root_model, dispatch_uid="quizzes.reindex_quiz")


class Question(TranslatableModel):
    class Kind(models.TextChoices):
        SINGLE_CHOICE = SINGLE, _("Single choice")
        MULTIPLE_CHOICE = MULTIPLE, _("Multiple choice")
        TRUE_OR_FALSE = TRUE_FALSE, _("True or false")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions", verbose_name=_("test"))
    translations = TranslatedFields(
        text=models.TextField(_("question")),
        explanation=models.TextField(_("explanation shown after answering"), blank=True),
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.SINGLE_CHOICE)
    points = models.PositiveSmallIntegerField(_("points"), default=1)
    order = models.PositiveIntegerField(_("order"), default=0)
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("text", any_language=True) or f"#{self.pk}"


class Choice(TranslatableModel):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    translations = TranslatedFields(
        text=models.CharField(_("answer"), max_length=300),
        feedback=models.TextField(_("feedback for this answer"), blank=True),
    )
    is_correct = models.BooleanField(_("correct"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("answer choice")
        verbose_name_plural = _("answer choices")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("text", any_language=True) or f"#{self.pk}"


class Attempt(models.Model):
    """One try at a quiz. Kept for ever; scored on the server only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    language = models.CharField(max_length=8)
    # The module (translation_key) the test was taken from, if any: passing completes it.
    module_key = models.UUIDField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)
    max_score = models.PositiveIntegerField(null=True, blank=True)
    percent = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True)

    class Meta:
        constraints = [
            # At most one unfinished attempt per trainee and quiz: a dropped connection
            # resumes it instead of starting another.
            models.UniqueConstraint(
                fields=["user", "quiz"],
                condition=Q(finished_at__isnull=True),
                name="quizzes_one_open_attempt",
            )
        ]

    def __str__(self):
        return str(self.token)

    @property
    def duration(self):
        return (self.finished_at - self.started_at) if self.finished_at else None


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choice_ids = models.JSONField(default=list)
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="quizzes_one_answer_per_question")
        ]

    def __str__(self):
        return f"{self.attempt_id}:{self.question_id}"


class AttemptGrant(models.Model):
    """Extra attempts a trainer or coordinator gave one trainee at one test (for example
    after a test was started by mistake, or all attempts were used). Each grant is also
    in the admin's history of the trainee's account."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempt_grants"
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="grants", verbose_name=_("test"))
    extra = models.PositiveSmallIntegerField(_("extra attempts"), default=1)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("extra attempt")
        verbose_name_plural = _("extra attempts")

    def __str__(self):
        return f"{self.user_id}:{self.quiz_id}+{self.extra}"
