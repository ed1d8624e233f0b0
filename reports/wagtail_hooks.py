from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from accounts.access import SEE_REPORTS, may
from common.admin_menu import MenuItemFor

from . import views

report_urls = (
    [
        path("", views.dashboard, name="dashboard"),
        path("training-report/", views.report_page, name="report"),
        path("training-report.<str:fmt>", views.report_export, name="report_export"),
        path("trainees.<str:fmt>", views.trainee_export, name="trainee_export"),
    ],
    "reports",
)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/", include(report_urls))]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    # Not "Reports": Wagtail's own menu of page reports is called that too.
    return MenuItemFor(
        gettext_lazy("Training statistics"),
        reverse("reports:dashboard"),
        icon_name="table",
        order=270,
        shown_to=lambda user: may(user, SEE_REPORTS),
    )
