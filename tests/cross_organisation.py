"""A test urlconf for tests/test_cross_organisation_matrix.py: the project's URLs plus
deliberately unscoped admin views, and an unscoped bulk action (registered by the test
alone), to show the matrix finds a leak, a count, a change and an unfilled pattern."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from wagtail.models import Site
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from accounts.models import TrainingGroup, User
from elearn.urls import urlpatterns as project_urlpatterns


@login_required
def every_group_name(request, **kwargs):
    """Unscoped on purpose: every organisation's group names, to anyone signed in."""
    return HttpResponse("\n".join(TrainingGroup.objects.values_list("name", flat=True)))


@login_required
def every_trainee_counted(request):
    """Unscoped on purpose: how many trainees every organisation has, together."""
    return HttpResponse(f"Trainees: {User.objects.filter(training_group__isnull=False).count()}")


class EveryGroupExpireBulkAction(DeleteBulkAction):
    """Unscoped on purpose: Wagtail's snippet bulk action with no organisation (nor
    permission) check. Its confirmation page names the groups whose ids it is given,
    whoever's they are, and it ends their join codes now. Its second model has no rows of
    an organisation: the matrix must say it cannot classify it."""

    display_name = "Expire join codes"
    action_type = "expire_every"
    aria_label = "Expire the join codes of the groups"
    models = [TrainingGroup, Site]

    def check_perm(self, obj):
        return True

    @classmethod
    def execute_action(cls, objects, **kwargs):
        TrainingGroup.objects.filter(pk__in=[group.pk for group in objects]).update(expires_at=timezone.now())
        return len(objects), 0


urlpatterns = [
    path("admin/leaky-groups/", every_group_name, name="leaky_groups"),
    path("admin/leaky-groups/<str:mystery>/", every_group_name, name="leaky_groups_unfilled"),
    path("admin/leaky-count/", every_trainee_counted, name="leaky_count"),
    *project_urlpatterns,  # spread, not include(): i18n_patterns must stay at the root
]
