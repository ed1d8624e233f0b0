"""Reads: may a trainee have a certificate, which certificates may someone see."""

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from .models import Certificate


@dataclass(frozen=True)
class Eligibility:
    modules_done: int
    modules_total: int
    final_passed: bool
    final_score: int | None  # the best passed attempt, %

    @property
    def eligible(self) -> bool:
        return self.modules_total > 0 and self.modules_done == self.modules_total and self.final_passed


def course_eligibility(*, user, course) -> Eligibility:
    """Every live module done (in any language) and the course's final test passed at its
    pass mark. Only server-scored tests count: H5P scores never decide a certificate."""
    from courses.models import DONE
    from courses.selectors import module_statuses
    from quizzes.models import Attempt

    modules = list(course.modules())
    statuses = module_statuses(user, modules)
    done = sum(status == DONE for status in statuses.values())
    best = None
    if course.final_test_id:
        passed = Attempt.objects.filter(user=user, quiz_id=course.final_test_id, passed=True)
        best = passed.aggregate(best=Max("percent"))["best"]
    return Eligibility(done, len(modules), best is not None, best)


def certificates_visible_to(user) -> QuerySet[Certificate]:
    """Admins see every certificate; coordinators those of their own organisation."""
    from accounts.models import COORDINATORS_GROUP

    certificates = Certificate.objects.select_related("organisation", "training_group", "user")
    if user.is_superuser:
        return certificates
    if user.organisation_id is None or not user.groups.filter(name=COORDINATORS_GROUP).exists():
        return certificates.none()
    return certificates.filter(organisation_id=user.organisation_id)
