"""Reading what the reports count, in a fixed number of queries whatever the number of
trainees: one row of facts per trainee, then plain Python sums (reports/indicators.py)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Q, Subquery

from accounts.erased import ERASED_PREFIX
from accounts.models import Organisation, User
from certificates.models import Certificate
from courses.models import CourseCompletion, ModuleProgress
from quizzes.models import Attempt

from .scope import ReportScope


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


@dataclass
class ReportData:
    scope: ReportScope
    modules: list  # ModulePage, in course order
    trainees: list[TraineeFacts]
    module_completions: dict  # module translation_key -> people who completed it in the period
    module_quizzes: dict  # module translation_key -> quiz id
    quiz_stats: dict  # quiz id -> {"takers", "passers", "first_mean", "best_mean"}
    certificates_by_month: dict  # "YYYY-MM" -> count


def trainees_in_scope(scope: ReportScope):
    trainees = User.objects.filter(training_group__isnull=False)
    if scope.organisation_id:
        trainees = trainees.filter(organisation_id=scope.organisation_id)
    if scope.city:
        trainees = trainees.filter(organisation__translations__city=scope.city).distinct()
    for name in ("gender", "age_band", "work_setting"):
        if getattr(scope, name):
            trainees = trainees.filter(**{name: getattr(scope, name)})
    if scope.group_id:
        trainees = trainees.filter(training_group_id=scope.group_id)
    return trainees


def _last_language():
    latest = Attempt.objects.filter(user=OuterRef("pk"), finished_at__isnull=False).order_by("-finished_at")
    return Subquery(latest.values("language")[:1])


def report_data(scope: ReportScope) -> ReportData:
    course = scope.course
    modules = list(course.modules()) if course else []
    keys = [module.translation_key for module in modules]
    people = trainees_in_scope(scope)
    if scope.language:
        people = people.annotate(last_language=_last_language()).filter(last_language=scope.language)
    organisations = {
        o.pk: (
            o.safe_translation_getter("name", any_language=True),
            o.country,
            o.safe_translation_getter("city", any_language=True),
        )
        for o in Organisation.objects.prefetch_related("translations")
    }
    rows = people.annotate(language_used=_last_language()).values_list(
        "pk",
        "nickname",
        "training_group__name",
        "organisation_id",
        "gender",
        "age_band",
        "work_setting",
        "language_used",
        "date_joined",
    )
    facts = {}
    for pk, nickname, group, organisation_id, gender, age_band, work, language, joined in rows:
        name, country, city = organisations.get(organisation_id, ("", "", ""))
        facts[pk] = TraineeFacts(
            pk, nickname, group or "", name, country, city, gender, age_band, work, language or "", joined
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
    per_module = (
        progress.filter(_in_period("completed_at", scope))
        .values("module_key")
        .annotate(people=Count("user_id", distinct=True))
    )
    module_completions = dict.fromkeys(keys, 0)
    module_completions.update({row["module_key"]: row["people"] for row in per_module})

    certificates_by_month = defaultdict(int)
    if course:
        valid = Certificate.objects.filter(
            user__in=people_ids, course_key=course.translation_key, status=Certificate.Status.VALID
        )
        for user_id, code, issued in valid.values_list("user_id", "code", "issued_at"):
            person = facts.get(user_id)
            if person is not None:
                person.certificate_code = code
                if scope.in_period(issued):
                    person.certified = True
                    certificates_by_month[issued.strftime("%Y-%m")] += 1

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
    quiz_stats = _quiz_stats(scope, people_ids, list(module_quizzes.values()))
    return ReportData(
        scope,
        modules,
        list(facts.values()),
        module_completions,
        module_quizzes,
        quiz_stats,
        dict(certificates_by_month),
    )


def _in_period(field_name, scope) -> Q:
    condition = Q(**{f"{field_name}__isnull": False})
    if scope.start:
        condition &= Q(**{f"{field_name}__gte": scope.start})
    if scope.end:
        condition &= Q(**{f"{field_name}__lt": scope.end})
    return condition


def _quiz_stats(scope, people_ids, quiz_ids) -> dict:
    """Per module test: how many took it and passed (people), mean first and best score."""
    attempts = Attempt.objects.filter(quiz_id__in=quiz_ids, user__in=people_ids, finished_at__isnull=False)
    if scope.start:
        attempts = attempts.filter(finished_at__gte=scope.start)
    if scope.end:
        attempts = attempts.filter(finished_at__lt=scope.end)
    people = {}  # (quiz, person) -> [first score, best score, passed]
    rows = attempts.order_by("finished_at").values_list("quiz_id", "user_id", "percent", "passed")
    for quiz_id, user_id, percent, passed in rows.iterator(chunk_size=5000):
        seen = people.get((quiz_id, user_id))
        if seen is None:
            people[(quiz_id, user_id)] = [percent, percent, bool(passed)]
        else:
            seen[1], seen[2] = max(seen[1], percent), seen[2] or bool(passed)
    stats = {quiz_id: {"takers": 0, "passers": 0, "first": [], "best": []} for quiz_id in quiz_ids}
    for (quiz_id, _user_id), (first, best, passed) in people.items():
        entry = stats[quiz_id]
        entry["takers"] += 1
        entry["passers"] += passed
        entry["first"].append(first)
        entry["best"].append(best)
    return stats
