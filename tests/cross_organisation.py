"""A test urlconf for tests/test_cross_organisation_matrix.py: the project's URLs plus one
deliberately unscoped admin view, to show the matrix finds a leak and an unfilled pattern."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import path

from accounts.models import TrainingGroup
from elearn.urls import urlpatterns as project_urlpatterns


@login_required
def every_group_name(request, **kwargs):
    """Unscoped on purpose: every organisation's group names, to anyone signed in."""
    return HttpResponse("\n".join(TrainingGroup.objects.values_list("name", flat=True)))


urlpatterns = [
    path("admin/leaky-groups/", every_group_name, name="leaky_groups"),
    path("admin/leaky-groups/<str:mystery>/", every_group_name, name="leaky_groups_unfilled"),
    *project_urlpatterns,  # spread, not include(): i18n_patterns must stay at the root
]
