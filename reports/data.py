"""Reading what the reports count, in a fixed number of queries whatever the number of
trainees: one row of facts per trainee, then plain Python sums (reports/indicators.py)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, OuterRef, Q, Subquery

from accounts.erased import ERASED_PREFIX
from accounts.models import OPTIONAL_QUESTIONS, Organisation, User
from certificates.models import Certificate
from courses.models import CourseCompletion, ModuleProgress
from quizzes.models import Attempt

from .scope import ReportScope

# A trainee whose organisation does not ask a question has no answer to it, not "not
# stated": reports leave such trainees out of that question's breakdown.
NOT_ASKED = "-not-asked-"


@dataclass
class TraineeFacts:
    id: int
    nickname: str
    group: str
    organisation: str
    country: str
    city: str
    gender: str
    age_band: str
    work_setting: str
    language: str
    joined: object
    enrolled: bool = False
    active: bool = False
    completed: bool = False
    certified: bool = False
    certificate_code: str = ""
    modules_done: int = 0
    pre: int | None = None
    post: int | None = None
    # An erased account (accounts/erased.py): counted in the aggregates, never listed.
    erased: bool = False
    organisation_id: int | None = None
    group_id: int | None = None
    registered: bool = True  # joined before the period ended
    certified_month: str = ""  # "YYYY-MM" when certified in the period
    modules_completed: set = field(default_factory=set)  # module keys completed in the period
    tests: dict = field(default_factory=dict)  # module quiz id -> [first %, best %, passed]


@dataclass
class ReportData:
    scope: ReportScope
    modules: list  # ModulePage, in course order
    trainees: list[TraineeFacts]  # the people the report is about (its filter applied)
    module_completions: dict  # module translation_key -> people who completed it in the period
    module_quizzes: dict  # module translation_key -> quiz id
    quiz_stats: dict  # quiz id -> {"takers", "passers", "first", "best"}
    certificates_by_month: dict  # "YYYY-MM" -> count
    # Everyone the report could be filtered to: what each filtered view is a part of, and
    # what the disclosure control protects as one (reports/cells.py).
    population: list[TraineeFacts] = field(default_factory=list)
    # Optional question -> ids of the organisations in scope that ask it.
    asking: dict = field(default_factory=dict)


def trainees_in_scope(scope: ReportScope):
    """The report's whole population: the organisation it is held to, no filter."""
    trainees = User.objects.filter(training_group__isnull=False)
    if scope.organisation_id:
        trainees = trainees.filter(organisation_id=scope.organisation_id)
    return trainees


def in_view(person: TraineeFacts, scope: ReportScope) -> bool:
    """Whether `person` is one of those the report's filters pick."""
    return all(getattr(person, attribute) == value for attribute, value in scope.filters())


def _last_language():
    latest = Attempt.objects.filter(user=OuterRef("pk"), finished_at__isnull=False).order_by("-finished_at")
    return Subquery(latest.values("language")[:1])


def report_data(scope: ReportScope) -> ReportData:
    course = scope.course
    modules = list(course.modules()) if course else []
    keys = [module.translation_key for module in modules]
    people = trainees_in_scope(scope)
    all_organisations = list(Organisation.objects.prefetch_related("translations"))
    organisations = {
        o.pk: (
            o.safe_translation_getter("name", any_language=True),
            o.country,
            o.safe_translation_getter("city", any_language=True),
        )
        for o in all_organisations
    }
    in_scope = [o for o in all_organisations if not scope.organisation_id or o.pk == scope.organisation_id]
    asking = {name: {o.pk for o in in_scope if name in o.asked_questions()} for name in OPTIONAL_QUESTIONS}
    rows = people.annotate(language_used=_last_language()).values_list(
        "pk",
        "nickname",
        "training_group_id",
        "training_group__name",
        "organisation_id",
        "gender",
        "age_band",
        "work_setting",
        "language_used",
        "date_joined",
    )
    facts = {}
    for pk, nickname, group_id, group, organisation_id, gender, age_band, work, language, joined in rows:
        name, country, city = organisations.get(organisation_id, ("", "", ""))
        answers = {"gender": gender, "age_band": age_band, "work_setting": work}
        for question, askers in asking.items():
            if organisation_id not in askers:
                answers[question] = NOT_ASKED
        facts[pk] = TraineeFacts(
            pk,
            nickname,
            group or "",
            name,
            country,
            city,
            answers["gender"],
            answers["age_band"],
            answers["work_setting"],
            language or "",
            joined,
            organisation_id=organisation_id,
            group_id=group_id,
            registered=scope.end is None or joined < scope.end,
        )
        if nickname.startswith(ERASED_PREFIX):
            facts[pk].nickname, facts[pk].erased = "", True
    people_ids = people.values("pk")

    progress = ModuleProgress.objects.filter(user__in=people_ids, module_key__in=keys)
    per_person = progress.values("user_id").annotate(
        opened=Count("pk", filter=_in_period("first_opened_at", scope)),
        visited=Count("pk", filter=_in_period("last_opened_at", scope)),
        done=Count("pk", filter=Q(completed_at__isnull=False)),
    )
    for row in per_person:
        person = facts[row["user_id"]]
        person.enrolled = row["opened"] > 0
        person.active = person.enrolled or row["visited"] > 0
        person.modules_done = row["done"]
    if course:  # completion is recorded when reached: modules added later do not undo it
        completions = CourseCompletion.objects.filter(user__in=people_ids, course_key=course.translation_key)
        for user_id, completed_at in completions.values_list("user_id", "completed_at"):
            if user_id in facts and scope.in_period(completed_at):
                facts[user_id].completed = True
    done_in_period = progress.filter(_in_period("completed_at", scope)).values_list("user_id", "module_key")
    for user_id, module_key in done_in_period.iterator(chunk_size=5000):
        facts[user_id].modules_completed.add(module_key)

    if course:
        valid = Certificate.objects.filter(
            user__in=people_ids, course_key=course.translation_key, status=Certificate.Status.VALID
        )
        for user_id, code, issued in valid.order_by("issued_at").values_list("user_id", "code", "issued_at"):
            person = facts.get(user_id)
            if person is not None:
                person.certificate_code = code
                if scope.in_period(issued) and not person.certified:
                    person.certified = True
                    person.certified_month = issued.strftime("%Y-%m")

    if course and course.pre_test_id:
        first = Attempt.objects.filter(
            quiz_id=course.pre_test_id, user__in=people_ids, finished_at__isnull=False
        )
        for user_id, percent in first.order_by("user_id", "finished_at").values_list("user_id", "percent"):
            if facts[user_id].pre is None:
                facts[user_id].pre = percent
    if course and course.final_test_id:
        finals = Attempt.objects.filter(
            quiz_id=course.final_test_id, user__in=people_ids, finished_at__isnull=False
        )
        if scope.start:
            finals = finals.filter(finished_at__gte=scope.start)
        if scope.end:
            finals = finals.filter(finished_at__lt=scope.end)
        for user_id, best in (
            finals.values("user_id").annotate(best=Max("percent")).values_list("user_id", "best")
        ):
            facts[user_id].post = best
            facts[user_id].active = True

    module_quizzes = {}
    for module in modules:
        quizzes = module.required_quiz_ids()
        if quizzes:
            module_quizzes[module.translation_key] = quizzes[0]
    _record_tests(scope, people_ids, list(module_quizzes.values()), facts)
    population = list(facts.values())
    trainees = [person for person in population if in_view(person, scope)]
    module_completions = {key: sum(key in t.modules_completed for t in trainees) for key in keys}
    certificates_by_month = defaultdict(int)
    for person in trainees:
        if person.certified:
            certificates_by_month[person.certified_month] += 1
    return ReportData(
        scope,
        modules,
        trainees,
        module_completions,
        module_quizzes,
        quiz_stats(trainees, list(module_quizzes.values())),
        dict(certificates_by_month),
        population=population,
        asking=asking,
    )


def _in_period(field_name, scope) -> Q:
    condition = Q(**{f"{field_name}__isnull": False})
    if scope.start:
        condition &= Q(**{f"{field_name}__gte": scope.start})
    if scope.end:
        condition &= Q(**{f"{field_name}__lt": scope.end})
    return condition


def _record_tests(scope, people_ids, quiz_ids, facts) -> None:
    """Per module test and person in the period: first score, best score, passed."""
    attempts = Attempt.objects.filter(quiz_id__in=quiz_ids, user__in=people_ids, finished_at__isnull=False)
    if scope.start:
        attempts = attempts.filter(finished_at__gte=scope.start)
    if scope.end:
        attempts = attempts.filter(finished_at__lt=scope.end)
    rows = attempts.order_by("finished_at").values_list("quiz_id", "user_id", "percent", "passed")
    for quiz_id, user_id, percent, passed in rows.iterator(chunk_size=5000):
        seen = facts[user_id].tests.get(quiz_id)
        if seen is None:
            facts[user_id].tests[quiz_id] = [percent, percent, bool(passed)]
        else:
            seen[1], seen[2] = max(seen[1], percent), seen[2] or bool(passed)


def quiz_stats(trainees, quiz_ids) -> dict:
    """Per module test: how many of `trainees` took it and passed, their first and best scores."""
    stats = {quiz_id: {"takers": 0, "passers": 0, "first": [], "best": []} for quiz_id in quiz_ids}
    for person in trainees:
        for quiz_id, (first, best, passed) in person.tests.items():
            entry = stats[quiz_id]
            entry["takers"] += 1
            entry["passers"] += passed
            entry["first"].append(first)
            entry["best"].append(best)
    return stats
