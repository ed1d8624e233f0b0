"""How long a course takes, said from its modules' own estimates (a course's length is
the sum of its modules, not a separate number that drifts from them)."""

from django.utils.translation import gettext as _


def duration_label(minutes: int) -> str:
    """'45 хв', '2 год', '1 год 30 хв': short units, so no plural form is needed."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}
