"""Everything the platform keeps about one trainee, for them to download: in the language
they are reading, with titles instead of ids and labels a person can read.

One list of sections feeds both downloads, so they cannot differ: a page to read (HTML,
opens offline in any browser, prints) and the same as a JSON file for a computer."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from certificates.models import Certificate
from common.languages import current_language, language_name
from courses.models import CourseCompletion, CoursePage, ModulePage, ModuleProgress
from h5p.models import ActivityState, ActivityStatement
from quizzes.models import Attempt
from quizzes.selectors import answer_key_shown


@dataclass(frozen=True)
class Field:
    label: str
    value: object = None  # text or a number; None: nothing (shown as "—")
    items: list | None = None  # records nested in this one (a test's questions)


@dataclass(frozen=True)
class Section:
    title: str
    records: list = field(default_factory=list)  # each record a list of Fields


# What an H5P activity reported, by its xAPI verb.
EVENTS = {
    "answered": gettext_lazy("You answered"),
    "completed": gettext_lazy("You finished it"),
    "attempted": gettext_lazy("You started it"),
    "interacted": gettext_lazy("You worked on it"),
    "progressed": gettext_lazy("You moved on"),
    "passed": gettext_lazy("You passed"),
    "failed": gettext_lazy("You did not pass"),
    "experienced": gettext_lazy("You viewed it"),
}


def personal_data(user: User) -> list[Section]:
    language = current_language()
    modules = _pages(ModulePage, _module_keys(user), language)
    return [
        Section(_("Your account"), [_account(user)]),
        Section(_("Modules"), _progress(user, modules)),
        Section(_("Completed courses"), _completions(user, language)),
        Section(_("Tests"), _attempts(user, language)),
        Section(_("Interactive activities: results"), _statements(user, modules)),
        Section(_("Interactive activities: saved progress"), _states(user)),
        Section(_("Certificates"), _certificates(user, language)),
    ]


def as_json(sections: list[Section]) -> dict:
    """{section title: [{label: value}]}, nested records as lists of the same."""

    def record(fields):
        return {
            f.label: [record(item) for item in f.items] if f.items is not None else f.value for f in fields
        }

    return {_("Made"): made_now()} | {
        section.title: [record(fields) for fields in section.records] for section in sections
    }


def made_now() -> str:
    return _when(timezone.now())


def _when(moment) -> str | None:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else None


def _yes_no(value) -> str | None:
    return None if value is None else _("yes") if value else _("no")


def _pages(model, keys, language) -> dict:
    """translation_key -> the page in `language`, or in another one if it is not translated."""
    pages = {}
    for page in model.objects.filter(translation_key__in=keys).select_related("locale"):
        if page.translation_key not in pages or page.locale.language_code == language:
            pages[page.translation_key] = page
    return pages


def _title(pages, key) -> str:
    page = pages.get(key)
    return page.title if page else _("(no longer on the site)")


def _module_keys(user) -> set:
    progress = ModuleProgress.objects.filter(user=user).values_list("module_key", flat=True)
    statements = ActivityStatement.objects.filter(user=user).values_list("module_key", flat=True)
    return set(progress) | set(statements)


def _account(user) -> list[Field]:
    not_given = _("Not given")
    fields = [
        Field(_("Nickname"), user.nickname),
        Field(_("Organisation"), str(user.organisation) if user.organisation else None),
        Field(_("Training group"), str(user.training_group) if user.training_group else None),
        Field(_("Joined"), _when(user.date_joined)),
        Field(_("Last logged in"), _when(user.last_login)),
    ]
    # The optional questions the organisation asks, and any answer still stored.
    asked = user.organisation.asked_questions() if user.organisation else []
    questions = {
        "age_band": (_("Age"), user.get_age_band_display()),
        "gender": (_("Gender"), user.get_gender_display()),
        "work_setting": (_("Where you mostly work"), user.get_work_setting_display()),
    }
    for name, (label, answer) in questions.items():
        if answer or name in asked:
            fields.append(Field(label, answer or not_given))
    return fields


def _progress(user, modules) -> list[list[Field]]:
    courses = {key: module.get_parent().title for key, module in modules.items()}
    records = []
    for row in ModuleProgress.objects.filter(user=user).order_by("first_opened_at"):
        records.append(
            [
                Field(_("Course"), courses.get(row.module_key)),
                Field(_("Module"), _title(modules, row.module_key)),
                Field(_("First opened"), _when(row.first_opened_at)),
                Field(_("Last opened"), _when(row.last_opened_at)),
                Field(_("Date completed"), _when(row.completed_at)),
            ]
        )
    return records


def _completions(user, language) -> list[list[Field]]:
    rows = list(CourseCompletion.objects.filter(user=user).order_by("completed_at"))
    courses = _pages(CoursePage, {row.course_key for row in rows}, language)
    return [
        [
            Field(_("Course"), _title(courses, row.course_key)),
            Field(_("Date completed"), _when(row.completed_at)),
        ]
        for row in rows
    ]


def _text(translatable, name, language) -> str:
    return translatable.safe_translation_getter(name, language_code=language, any_language=True) or ""


def _attempts(user, language) -> list[list[Field]]:
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .prefetch_related(
            "quiz__translations",
            "answers__question__translations",
            "answers__question__choices__translations",
        )
        .order_by("started_at")
    )
    records, key_shown = [], {}  # quiz id -> whether its answer key may be shown
    for attempt in attempts:
        if attempt.quiz_id not in key_shown:
            key_shown[attempt.quiz_id] = answer_key_shown(user=user, quiz=attempt.quiz)
        shown = key_shown[attempt.quiz_id]
        records.append(
            [
                Field(_("Test"), _text(attempt.quiz, "title", language)),
                Field(_("Language of the test"), str(language_name(attempt.language))),
                Field(_("Started"), _when(attempt.started_at)),
                Field(_("Finished"), _when(attempt.finished_at)),
                Field(_("Score, %"), attempt.percent),
                Field(_("Passed"), _yes_no(attempt.passed)),
                Field(_("Questions"), items=[_answer(item, language, shown) for item in _in_order(attempt)]),
            ]
        )
    return records


def _in_order(attempt):
    return sorted(attempt.answers.all(), key=lambda answer: (answer.question.order, answer.question.pk))


def _answer(answer, language, key_shown) -> list[Field]:
    """The trainee's answer; the right one and the result only where the test's answer-key
    policy shows them (a failed final test's key would otherwise leak here)."""
    choices = list(answer.question.choices.all())
    chosen = {int(pk) for pk in answer.choice_ids if str(pk).isdigit()}
    correct = {choice.pk for choice in choices if choice.is_correct}
    if not chosen:
        result = _("Not answered")
    elif chosen == correct:
        result = _("Right")
    elif chosen & correct:
        result = _("Partly right")
    else:
        result = _("Wrong")

    def texts(ids):
        return "; ".join(_text(choice, "text", language) for choice in choices if choice.pk in ids)

    fields = [
        Field(_("Question"), _text(answer.question, "text", language)),
        Field(_("Your answer"), texts(chosen) or None),
    ]
    if key_shown:
        fields += [Field(_("Right answer"), texts(correct) or None), Field(_("Result"), result)]
    return fields


def _block_title(module, block_id) -> str | None:
    for block in getattr(module, "body", None) or []:
        if block.id == block_id and block.block_type == "h5p":
            return block.value["title"]
    return None


def _statements(user, modules) -> list[list[Field]]:
    records = []
    rows = ActivityStatement.objects.filter(user=user).select_related("content").order_by("received_at")
    for row in rows:
        module = modules.get(row.module_key)
        title = (_block_title(module, row.block_id) if module else None) or (
            row.content.title if row.content else _("(no longer on the site)")
        )
        result = row.payload.get("result") if isinstance(row.payload, dict) else None
        response = result.get("response") if isinstance(result, dict) else None
        records.append(
            [
                Field(_("Activity"), title),
                Field(_("Module"), _title(modules, row.module_key)),
                Field(_("What happened"), str(EVENTS.get(row.verb.rsplit("/", 1)[-1], _("Something else")))),
                Field(_("Score"), row.score_raw),
                Field(_("Out of"), row.score_max),
                Field(_("Your answer"), response if isinstance(response, str) and response else None),
                Field(_("When"), _when(row.received_at)),
            ]
        )
    return records


def _states(user) -> list[list[Field]]:
    rows = ActivityState.objects.filter(user=user).select_related("content").order_by("updated_at")
    return [
        [
            Field(_("Activity"), row.content.title),
            Field(_("Saved"), _when(row.updated_at)),
            Field(_("Where you left it (as the activity saved it)"), row.state),
        ]
        for row in rows
    ]


def _certificates(user, language) -> list[list[Field]]:
    certificates = list(Certificate.objects.filter(user=user).order_by("issued_at"))
    courses = _pages(CoursePage, {c.course_key for c in certificates}, language)
    return [
        [
            Field(_("Course"), _title(courses, certificate.course_key)),
            Field(_("Code"), certificate.code),
            Field(_("Issued"), _when(certificate.issued_at)),
            Field(_("Status"), certificate.get_status_display()),
            Field(_("Final test, %"), certificate.final_score),
            Field(_("Language of the certificate"), str(language_name(certificate.language))),
            Field(_("Name on the certificate"), certificate.kept_name or None),
            Field(_("Name shown to people who check the code"), _yes_no(certificate.show_name)),
        ]
        for certificate in certificates
    ]
