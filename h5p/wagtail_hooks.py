from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks

from accounts.access import UPLOAD_INTERACTIVE_CONTENT, may
from common.admin_menu import MenuItemFor

from . import admin_views
from .libraries import INSTALL_LIBRARIES

h5p_admin_urls = (
    [
        path("", admin_views.library, name="library"),
        path("<int:pk>/", admin_views.package, name="package"),
        path("libraries/", admin_views.registry, name="registry"),
        path("libraries/<int:pk>/install/", admin_views.review, {"decision": "install"}, name="install"),
        path("libraries/<int:pk>/refuse/", admin_views.review, {"decision": "refuse"}, name="refuse"),
    ],
    "h5p_admin",
)


@hooks.register("register_admin_urls")
def register_h5p_admin_urls():
    return [path("interactive/", include(h5p_admin_urls))]


@hooks.register("register_admin_menu_item")
def register_library_menu_item():
    return MenuItemFor(
        gettext_lazy("Interactive content"),
        reverse("h5p_admin:library"),
        icon_name="media",
        order=235,
        shown_to=lambda user: may(user, UPLOAD_INTERACTIVE_CONTENT),
    )


@hooks.register("register_admin_menu_item")
def register_registry_menu_item():
    return MenuItemFor(
        gettext_lazy("H5P libraries"),
        reverse("h5p_admin:registry"),
        icon_name="code",
        order=236,
        shown_to=lambda user: may(user, INSTALL_LIBRARIES),
    )


@hooks.register("register_admin_viewset")
def register_h5p_chooser():
    from .chooser import h5p_chooser_viewset

    return h5p_chooser_viewset
