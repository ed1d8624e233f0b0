"""Admin for organisations, training groups and trainees.

Trainers and coordinators work only with their own organisation: every view of the
training groups, the trainee list and the password reset are scoped to it
(accounts/access.py)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView
from wagtail_parler.handlers import ParlerSnippetAdminMixin

from common.admin_menu import MenuItemFor

from . import question_views
from .access import (
    CHOOSE_QUESTIONS,
    RESET_TRAINEE_PASSWORD,
    SEE_TRAINEES,
    UNLOCK_TRAINEE,
    group_trainers,
    may,
    refusals_to_admin_home,
    require,
    scope_to_organisation,
)
from .admin_scoping import CopyFormOnlyView, OrganisationScopedSnippetViewSet, ScopedDeleteBulkAction
from .login_throttle import locked_nicknames
from .models import Organisation, TrainingGroup, new_join_code
from .selectors import trainees_visible_to, training_groups_visible_to
from .services import STAFF_SET_PASSWORD, trainee_password_reset, trainee_unlock
from .shown_names import hidden_from_viewer
from .two_factor import admin_hooks as two_factor_hooks  # noqa: F401 (registers its hooks)


class OrganisationViewSet(ParlerSnippetAdminMixin, OrganisationScopedSnippetViewSet):
    """Staff find only their own organisation here too (in the list, its chooser and
    wagtail-localize's snippet API); admins all."""

    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Organisations")
    list_display = ["__str__", "slug", "country"]


class GroupIndexView(IndexView):
    # A whole sentence: "Add %(model_name)s" reads ungrammatically in Ukrainian and Russian.
    add_item_label = gettext_lazy("Add a training group")


class TrainingGroupForm(WagtailAdminModelForm):
    """A group's join code cannot be typed, only renewed: a code chosen by hand is easier
    to guess than the 44.6 random bits of one the site makes up (accounts/models.py). A new
    group, a copy included, gets a new code when it is saved. The form offers only the
    organisation and trainers the editing user may choose."""

    new_join_code = forms.BooleanField(
        label=gettext_lazy("Make a new code (the old one stops working at once)"),
        help_text=gettext_lazy("Trainees who have already joined stay in the group."),
        required=False,
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if self.instance._state.adding:
            del self.fields["new_join_code"]  # it gets a new one anyway
        if for_user is None:
            return
        self.fields["organisation"].queryset = scope_to_organisation(
            for_user, Organisation.objects.all(), field="pk"
        )
        self.fields["trainer"].queryset = scope_to_organisation(for_user, group_trainers())

    def save(self, commit=True):
        if self.instance._state.adding or self.cleaned_data.get("new_join_code"):
            self.instance.join_code = new_join_code()
        return super().save(commit)


class SavedGroupPanel(FieldPanel):
    """Shown on a saved group's form only: a new group's code is made when it is saved, so
    a code shown before would not be the group's."""

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            return not self.instance._state.adding and super().is_shown()


class GroupCopyView(CopyFormOnlyView):
    """A copy starts as a new group with the copied group's values: its form has no code
    to show, and the add view it posts to gives the new group a code of its own."""

    def get_initial_form_instance(self):
        group = super().get_initial_form_instance()
        group.pk = None
        group._state.adding = True
        return group


class TrainingGroupViewSet(OrganisationScopedSnippetViewSet):
    """Every view of it (list, edit, copy, history, chooser...) finds only the groups of
    the user's organisation; the form offers only that organisation and its trainers."""

    model = TrainingGroup
    icon = "group"
    menu_label = gettext_lazy("Training groups")
    add_to_admin_menu = True
    menu_order = 240
    list_display = [
        "name",
        "organisation",
        "trainer",
        "join_code",
        BooleanColumn("is_open", label=gettext_lazy("open for new trainees")),
        "expires_at",
    ]
    index_view_class = GroupIndexView
    copy_view_class = GroupCopyView
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("organisation"),
            FieldPanel("trainer"),
            SavedGroupPanel("join_code", read_only=True),  # to read and pass on
            FieldPanel("new_join_code"),
            FieldPanel("is_open"),
            FieldPanel("expires_at"),
        ],
        base_form_class=TrainingGroupForm,
    )

    def scoped_queryset(self, request):
        return training_groups_visible_to(request.user)


@hooks.register("get_avatar_url")
def no_picture_of_another_organisations_staff(user, size):
    """Their uploaded picture could show who they are: Wagtail's blank avatar instead,
    beside the neutral label that replaces their nickname (accounts/shown_names.py)."""
    if hidden_from_viewer(user):
        return static("wagtailadmin/images/default-user-avatar.png")
    return None


register_snippet(OrganisationViewSet)
register_snippet(TrainingGroupViewSet)
# After Wagtail's own bulk delete (order 0), so that ours replaces it for these models.
hooks.register("register_bulk_action", ScopedDeleteBulkAction, order=1)


class TraineePasswordForm(SetPasswordForm):
    """Django's set-password form; its validators give translated messages."""

    new_password1 = forms.CharField(
        label=gettext_lazy("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )


@refusals_to_admin_home
def trainee_list(request):
    require(request.user, SEE_TRAINEES)
    trainees = list(trainees_visible_to(request.user).order_by("nickname"))
    locked = locked_nicknames()
    for trainee in trainees:
        trainee.is_locked_out = trainee.nickname.lower() in locked
    context = {
        "trainees": trainees,
        "may_reset_passwords": may(request.user, RESET_TRAINEE_PASSWORD),
        "may_unlock": may(request.user, UNLOCK_TRAINEE),
    }
    return TemplateResponse(request, "accounts/admin/trainee_list.html", context)


@refusals_to_admin_home
def trainee_unlock_view(request, pk):
    """POST: let a trainee locked out by wrong passwords log in again now."""
    require(request.user, UNLOCK_TRAINEE)
    trainee = get_object_or_404(trainees_visible_to(request.user), pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    trainee_unlock(trainee=trainee)
    messages.success(request, _("%(nickname)s can log in again now.") % {"nickname": trainee.nickname})
    return redirect("accounts_admin:trainees")


@refusals_to_admin_home
def trainee_password(request, pk):
    require(request.user, RESET_TRAINEE_PASSWORD)
    trainee = get_object_or_404(trainees_visible_to(request.user), pk=pk)
    form = TraineePasswordForm(trainee, request.POST or None)
    if request.method == "POST" and form.is_valid():
        trainee_password_reset(trainee=trainee, password=form.cleaned_data["new_password1"], by=request.user)
        messages.success(
            request,
            _("New password set for %(nickname)s. Tell it to them in person.")
            % {"nickname": trainee.nickname},
        )
        return redirect("accounts_admin:trainees")
    return TemplateResponse(
        request, "accounts/admin/trainee_password.html", {"trainee": trainee, "form": form}
    )


class StaffSetPasswordLog(LogFormatter):
    """How a password set by staff reads in the site history and the account's history
    (who did it is the entry's user)."""

    label = gettext_lazy("New password set by staff")

    def format_message(self, log_entry):
        return _("Staff set a new password for this account.")


@hooks.register("register_log_actions")
def register_password_log_action(actions):
    actions.register_action(STAFF_SET_PASSWORD)(StaffSetPasswordLog)


trainee_urls = (
    [
        path("", trainee_list, name="trainees"),
        path("<int:pk>/password/", trainee_password, name="trainee_password"),
        path("<int:pk>/unlock/", trainee_unlock_view, name="trainee_unlock"),
    ],
    "accounts_admin",
)


@hooks.register("register_admin_urls")
def register_trainee_urls():
    return [path("trainees/", include(trainee_urls))]


@hooks.register("register_admin_menu_item")
def register_trainees_menu_item():
    return MenuItemFor(
        gettext_lazy("Trainees"),
        reverse("accounts_admin:trainees"),
        icon_name="user",
        order=250,
        shown_to=lambda user: may(user, SEE_TRAINEES),
    )


question_urls = (
    [
        path("", question_views.question_list, name="list"),
        path("<int:pk>/", question_views.question_edit, name="edit"),
    ],
    "accounts_questions",
)


@hooks.register("register_admin_urls")
def register_question_urls():
    return [path("questions-for-trainees/", include(question_urls))]


@hooks.register("register_admin_menu_item")
def register_questions_menu_item():
    return MenuItemFor(
        gettext_lazy("Questions for trainees"),
        reverse("accounts_questions:list"),
        icon_name="help",
        order=255,
        shown_to=lambda user: may(user, CHOOSE_QUESTIONS),
    )
