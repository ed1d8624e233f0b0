"""Each demo organisation's local help (invented numbers and addresses, marked as demo)."""

import datetime

from accounts.models import Organisation
from courses.demo_content.country_law import CHECKED_ON, LOCAL_HELP, LOCAL_HELP_CHECKED_BY
from courses.local_help import LocalHelp


def load() -> None:
    for slug, texts in LOCAL_HELP.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None or LocalHelp.objects.filter(organisation=organisation).exists():
            continue
        local_help = LocalHelp(
            organisation=organisation,
            checked_by=LOCAL_HELP_CHECKED_BY[slug],
            checked_on=datetime.date.fromisoformat(CHECKED_ON),
        )
        for language, text in texts.items():
            local_help.set_current_language(language)
            local_help.text = text
        local_help.save()
