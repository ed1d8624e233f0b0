from accounts.models import COORDINATORS_GROUP


def may_see_reports(user) -> bool:
    """Admins, and coordinators (for their own organisation)."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or (
        user.organisation_id is not None and user.groups.filter(name=COORDINATORS_GROUP).exists()
    )
