"""Wagtail's user admin for a user model without email or names: nickname, password,
organisation and roles only, searched by nickname. Accounts that open the admin get the
staff password rules (accounts/passwords.py). The placeholders of erased accounts
(accounts/erased.py) are not people: the admin neither lists nor opens them."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import MinimumLengthValidator, get_default_password_validators
from django.http import Http404
from django.utils.html import format_html, format_html_join
from django.utils.translation import ngettext
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .access import ADMIN_ACCESS
from .erased import is_erased, without_erased
from .models import User
from .passwords import STAFF_MIN_LENGTH, is_staff_account, validate_staff_password

ADMIN_USER_FIELDS = {"nickname", "is_superuser", "groups", "organisation", "training_group"}


def staff_password_help_text() -> str:
    """The validators' rules, with the staff minimum instead of the trainees' one."""
    staff_rule = ngettext(
        "For anyone who uses the admin: at least %(min_length)d character.",
        "For anyone who uses the admin: at least %(min_length)d characters.",
        STAFF_MIN_LENGTH,
    ) % {"min_length": STAFF_MIN_LENGTH}
    rules = [staff_rule] + [
        validator.get_help_text()
        for validator in get_default_password_validators()
        if not isinstance(validator, MinimumLengthValidator)
    ]
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((rule,) for rule in rules)))


class StaffPasswordRules:
    """Wagtail's user form, holding anyone it makes staff (an admin, or a role that opens
    the admin) to the staff password rules, whatever their permissions are yet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = staff_password_help_text()

    def opens_admin(self) -> bool:
        if self.cleaned_data.get("is_superuser") or is_staff_account(self.instance):
            return True
        app_label, codename = ADMIN_ACCESS.split(".")
        groups = self.cleaned_data.get("groups") or []
        return Group.objects.filter(
            pk__in=[group.pk for group in groups],
            permissions__content_type__app_label=app_label,
            permissions__codename=codename,
        ).exists()

    def validate_password(self):
        password1, password2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if password1 and password1 == password2 and self.opens_admin():
            validate_staff_password(password1, user=self.instance)
        else:
            super().validate_password()


class NicknameUserCreationForm(StaffPasswordRules, UserCreationForm):
    email = None
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ADMIN_USER_FIELDS


class NicknameUserEditForm(StaffPasswordRules, UserEditForm):
    email = None
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = ADMIN_USER_FIELDS | {"is_active"}


def users_listed(users, query: str = ""):
    """`users` as the user admin lists them: erased placeholders left out, and only those
    whose nickname contains `query` when there is one (Wagtail searches fields named
    username, first_name, last_name or email, none of which this model has)."""
    users = without_erased(users)
    return users.filter(nickname__icontains=query) if query else users


class IndexView(WagtailIndexView):
    search_fields = ["nickname"]  # Wagtail's default fields are none of this model's: no search

    def get_base_queryset(self):
        return without_erased(super().get_base_queryset())


def _not_erased(view):
    """`view`, answering 404 when its URL names an erased placeholder: editing one would
    let an admin switch it back on or give it a password."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = unquote(str(kwargs.get("pk", "")))
        if pk.isascii() and pk.isdigit() and len(pk) <= 18 and is_erased(User.objects.filter(pk=pk).first()):
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


class UserViewSet(WagtailUserViewSet):
    index_view_class = IndexView

    def get_form_class(self, for_update=False):
        return NicknameUserEditForm if for_update else NicknameUserCreationForm

    def construct_view(self, view_class, **kwargs):
        return _not_erased(super().construct_view(view_class, **kwargs))
