"""Synthetic trainees for scale tests and benchmarks: realistic profiles, progress,
attempts (pre-test around 48%, final test about 22 points higher, with spread) and
certificates, written with bulk inserts. Never mixed with real data by accident: every
nickname starts with "synthetic-" and the command refuses to run in production."""

import datetime
import random
import uuid

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import AgeBand, Gender, Organisation, TrainingGroup, User, WorkSetting
from certificates.codes import new_code
from certificates.models import Certificate
from common.languages import default_language, language_codes
from courses.models import CourseCompletion, CoursePage, ModuleProgress
from quizzes.models import Attempt

BATCH = 2000
GENDERS = [(Gender.WOMAN, 70), (Gender.TRANS_WOMAN, 8), (Gender.MAN, 10), (Gender.NON_BINARY, 3), ("", 9)]
AGES = [
    (AgeBand.UNDER_20, 5),
    (AgeBand.FROM_20, 22),
    (AgeBand.FROM_25, 28),
    (AgeBand.FROM_30, 27),
    (AgeBand.FROM_40, 10),
    ("", 8),
]
WORK = [
    (WorkSetting.APARTMENT, 30),
    (WorkSetting.ONLINE, 25),
    (WorkSetting.STREET, 18),
    (WorkSetting.SAUNA, 10),
    (WorkSetting.VENUE, 7),
    (WorkSetting.OTHER, 3),
    ("", 7),
]


def _pick(rng, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _percent(rng, centre, spread):
    return max(0, min(100, round(rng.gauss(centre, spread))))


@transaction.atomic
def generate(trainees: int, seed: int) -> dict:
    rng = random.Random(seed)
    course = CoursePage.objects.filter(locale__language_code=default_language()).order_by("path").first()
    if course is None or not course.final_test_id or not course.pre_test_id:
        raise ValueError("No course with a pre-test and a final test: run `manage.py load_demo` first.")
    modules = list(course.modules())
    module_quizzes = [(m.translation_key, m.required_quiz_ids()[0]) for m in modules if m.required_quiz_ids()]
    final_pass = course.final_test.pass_mark
    organisations = list(Organisation.objects.order_by("pk"))
    groups = []
    for organisation in organisations:
        for number in range(1, 6):
            name = f"Synthetic {seed}-{number}"
            group, _ = TrainingGroup.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={"join_code": f"S{seed % 1000:03d}{organisation.pk}{number}X"},
            )
            groups.append(group)

    now = timezone.now()
    password = make_password(None)  # unusable: synthetic people never log in
    users = []
    asked = {organisation.pk: organisation.asked_questions() for organisation in organisations}
    for index in range(trainees):
        group = rng.choice(groups)
        answers = {
            "gender": _pick(rng, GENDERS),
            "age_band": _pick(rng, AGES),
            "work_setting": _pick(rng, WORK),
        }
        user = User(
            nickname=f"synthetic-{seed}-{index}",
            password=password,
            organisation_id=group.organisation_id,
            training_group=group,
            date_joined=now - datetime.timedelta(days=rng.uniform(5, 540)),
        )
        for name, answer in answers.items():  # only what the organisation asks
            setattr(user, name, answer if name in asked[group.organisation_id] else "")
        users.append(user)
    User.objects.bulk_create(users, batch_size=BATCH)
    users = list(User.objects.filter(nickname__startswith=f"synthetic-{seed}-").order_by("pk"))

    progress, completions, attempts, certificates = [], [], [], []
    # Each organisation's trainees mostly use one of the configured languages, in turn.
    languages = language_codes()
    language_of = {
        organisation.pk: languages[index % len(languages)] for index, organisation in enumerate(organisations)
    }
    for user in users:
        if rng.random() > 0.85:
            continue  # registered, never started
        language = language_of[user.organisation_id] if rng.random() > 0.1 else rng.choice(languages)
        moment = user.date_joined + datetime.timedelta(hours=rng.uniform(1, 72))
        pre = _percent(rng, 48, 14)
        attempts.append(_attempt(course.pre_test_id, user, language, None, moment, pre, True))
        done_all = True
        for key, quiz_id in module_quizzes:
            moment += datetime.timedelta(days=rng.uniform(0.5, 10))
            completed = rng.random() < 0.82
            for retry in range(rng.randint(4, 10)):  # practice: module tests are retaken
                score = _percent(rng, 55 + 4 * retry, 15)
                attempts.append(_attempt(quiz_id, user, language, key, moment, score, score >= 80))
                moment += datetime.timedelta(minutes=rng.uniform(5, 90))
            progress.append(
                ModuleProgress(
                    user=user,
                    module_key=key,
                    first_opened_at=moment - datetime.timedelta(hours=2),
                    last_opened_at=moment,
                    completed_at=moment if completed else None,
                )
            )
            if not completed:
                done_all = False
                break
        if not done_all:
            continue
        completion = CourseCompletion(user=user, course_key=course.translation_key, completed_at=moment)
        completions.append(completion)
        best = 0
        for _try in range(rng.choice([1, 1, 1, 2, 3])):
            moment += datetime.timedelta(days=rng.uniform(0.2, 5))
            score = _percent(rng, pre + 22, 10)
            best = max(best, score)
            attempts.append(
                _attempt(course.final_test_id, user, language, None, moment, score, score >= final_pass)
            )
            if best >= final_pass:
                certificates.append(
                    Certificate(
                        user=user,
                        course_key=course.translation_key,
                        organisation_id=user.organisation_id,
                        training_group_id=user.training_group_id,
                        issued_at=moment,
                        final_score=best,
                        language=language,
                        code=new_code(),
                    )
                )
                break
    ModuleProgress.objects.bulk_create(progress, batch_size=BATCH)
    CourseCompletion.objects.bulk_create(completions, batch_size=BATCH)
    Attempt.objects.bulk_create(attempts, batch_size=BATCH)
    Certificate.objects.bulk_create(certificates, batch_size=BATCH)
    return {
        "trainees": len(users),
        "progress": len(progress),
        "attempts": len(attempts),
        "certificates": len(certificates),
    }


def _attempt(quiz_id, user, language, module_key, moment, percent, passed):
    return Attempt(
        quiz_id=quiz_id,
        user=user,
        token=uuid.uuid4(),
        language=language,
        module_key=module_key,
        finished_at=moment,
        score=percent,
        max_score=100,
        percent=percent,
        passed=passed,
    )
