"""Wagtail's user admin for a user model without email or names: nickname, password,
organisation and roles only."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import User

ADMIN_USER_FIELDS = {"nickname", "is_superuser", "groups", "organisation", "training_group"}


class NicknameUserCreationForm(UserCreationForm):
    email = None
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ADMIN_USER_FIELDS


class NicknameUserEditForm(UserEditForm):
    email = None
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = ADMIN_USER_FIELDS | {"is_active"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return NicknameUserEditForm if for_update else NicknameUserCreationForm
