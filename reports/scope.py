"""What a report is about: period, course and who (filters), and whose data the asking
person may see. Coordinators are held to their own organisation; admins may choose."""

import datetime
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.access import (
    SEE_REPORTS,
    require,
    require_organisation,
    scope_to_organisation,
    sees_every_organisation,
)
from accounts.models import OPTIONAL_QUESTIONS, AgeBand, Gender, Organisation, TrainingGroup, WorkSetting
from common.languages import current_language, language_choices
from courses.access import courses_open_to
from courses.models import CoursePage


def _choices(choices, empty):
    return [("", empty)] + list(choices)


def _courses(user=None):
    """The courses in the current language; for `user`, those open to them: a course kept
    for another organisation is neither offered nor reported on (courses/access.py)."""
    courses = CoursePage.objects.filter(locale__language_code=current_language()).order_by("path")
    return list(courses if user is None else courses_open_to(user, courses))


# Filters that narrow who a report counts. Only one at a time: each filtered view is
# protected together with the unfiltered report and every other view filtered by one of
# them (reports/cells.py); two at once would pick out a few people (docs/decisions.md).
NARROWING_FILTERS = ("organisation", "city", "group", "language", "gender", "age_band", "work_setting")
ONE_FILTER = _(
    "Choose one filter at a time among organisation, city, training group, language, gender, age "
    "and work setting: together they could pick out a few people. The report already breaks its "
    "numbers down by each of them."
)

# Who people are: shown (as breakdowns or filters) to anyone but an admin only for whole
# quarters that have ended. Free periods could be subtracted from each other: one day
# apart, the difference is the one person certified that day (docs/decisions.md).
DEMOGRAPHIC_FILTERS = ("gender", "age_band", "work_setting")
QUARTERS_ONLY = _(
    "The breakdown by gender, age and work setting is shown only for ended quarters: this way two "
    "reports cannot be subtracted from each other to learn about one person."
)
DEMOGRAPHIC_FILTER_REFUSED = _(
    "Filters by gender, age and work setting work only for ended quarters (or a whole ended year): "
    "this way two reports cannot be subtracted from each other to learn about one person. Choose a "
    "quarter below."
)


def today() -> datetime.date:
    """The day a report is made (tests set it)."""
    return timezone.localdate()


def _quarter_start(day: datetime.date) -> datetime.date:
    return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)


def whole_ended_quarters(since, until) -> bool:
    """Whether since–until is one or more whole calendar quarters, all ended before today
    (a whole ended year is four of them). Such periods never change from one day to the
    next, so re-viewing or shifting them reveals no one's day."""
    if since is None or until is None or until >= today() or since > until:
        return False
    day_after = until + datetime.timedelta(days=1)
    return since == _quarter_start(since) and day_after == _quarter_start(day_after)


def ended_quarters(count=4) -> list[tuple[datetime.date, datetime.date]]:
    """The last `count` quarters that have ended before today, the latest first."""
    end = _quarter_start(today())  # the day after the last ended quarter
    quarters = []
    for _number in range(count):
        start = _quarter_start(end - datetime.timedelta(days=1))
        quarters.append((start, end - datetime.timedelta(days=1)))
        end = start
    return quarters


def quick_periods() -> list[tuple[str, datetime.date, datetime.date]]:
    """(label, since, until): the last ended quarters and the last ended year."""
    periods = [
        (
            str(pgettext_lazy("calendar quarter", "Q%(number)s %(year)s"))
            % {"number": (since.month + 2) // 3, "year": since.year},
            since,
            until,
        )
        for since, until in ended_quarters()
    ]
    year = today().year - 1
    periods.append(
        (str(_("Year %(year)s")) % {"year": year}, datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    )
    return periods


class ReportFilterForm(forms.Form):
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    course = forms.ChoiceField(label=_("Course"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), required=False, empty_label=_("All")
    )
    city = forms.ChoiceField(label=_("City"), required=False)
    group = forms.ModelChoiceField(
        label=_("Training group"), queryset=TrainingGroup.objects.none(), required=False, empty_label=_("All")
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=_choices(Gender.choices, _("All")))
    age_band = forms.ChoiceField(label=_("Age"), required=False, choices=_choices(AgeBand.choices, _("All")))
    work_setting = forms.ChoiceField(
        label=_("Work setting"), required=False, choices=_choices(WorkSetting.choices, _("All"))
    )

    def __init__(self, *args, user, one_filter=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Any organisation or group validates, so that asking for someone else's is a 403
        # (scope_for), not a quiet form error; only the user's own are offered.
        self.fields["organisation"].queryset = Organisation.objects.all()
        self.fields["group"].queryset = TrainingGroup.objects.all()
        organisations = scope_to_organisation(user, Organisation.objects.all(), field="pk")
        groups = scope_to_organisation(user, TrainingGroup.objects.all())
        self.fields["organisation"].widget.choices = [("", _("All"))] + [
            (o.pk, str(o)) for o in organisations
        ]
        self.fields["group"].widget.choices = [("", _("All"))] + [(g.pk, str(g)) for g in groups]
        if not sees_every_organisation(user):
            self.fields["organisation"].widget = forms.HiddenInput()
        cities = sorted(
            {o.safe_translation_getter("city", any_language=True) or "" for o in organisations} - {""}
        )
        self.fields["city"].choices = _choices([(city, city) for city in cities], _("All"))
        self.fields["course"].choices = [(str(c.translation_key), c.title) for c in _courses(user)]
        self.fields["language"].choices = _choices(language_choices(), _("All"))
        # A question no organisation here asks has no answers to filter by.
        for name in OPTIONAL_QUESTIONS:
            if not any(name in o.asked_questions() for o in organisations):
                del self.fields[name]
        self.one_filter = one_filter

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        narrowing = [name for name in NARROWING_FILTERS if data.get(name)]
        if not sees_every_organisation(self.user):
            narrowing = [name for name in narrowing if name != "organisation"]  # always their own
        if self.one_filter and len(narrowing) > 1:
            raise forms.ValidationError(ONE_FILTER)
        if (
            any(data.get(name) for name in DEMOGRAPHIC_FILTERS)
            and not sees_every_organisation(self.user)
            and not whole_ended_quarters(data.get("since"), data.get("until"))
        ):
            raise forms.ValidationError(DEMOGRAPHIC_FILTER_REFUSED)
        return data

    def quick_periods(self) -> list[tuple[str, str]]:
        """(label, query string): the last ended quarters and year, other filters kept."""
        links = []
        for name, since, until in quick_periods():
            query = self.data.copy() if isinstance(self.data, QueryDict) else QueryDict(mutable=True)
            query["since"], query["until"] = since.isoformat(), until.isoformat()
            links.append((name, query.urlencode()))
        return links


@dataclass(frozen=True)
class ReportScope:
    course: object  # courses.models.CoursePage
    since: datetime.date | None = None
    until: datetime.date | None = None
    organisation_id: int | None = None  # the organisation the report is held to
    city: str = ""
    group_id: int | None = None
    language: str = ""
    gender: str = ""
    age_band: str = ""
    work_setting: str = ""
    organisation_filter: int | None = None  # an admin's choice of one organisation among all
    # Whether breakdowns and filters by gender, age and work setting may be shown: for
    # admins always, for others only for whole ended quarters (DEMOGRAPHIC_FILTERS).
    demographics: bool = True

    def filters(self) -> list[tuple[str, object]]:
        """The filters in use, as (attribute of reports.data.TraineeFacts, value)."""
        chosen = [
            ("organisation_id", self.organisation_filter),
            ("city", self.city),
            ("group_id", self.group_id),
            ("language", self.language),
            ("gender", self.gender),
            ("age_band", self.age_band),
            ("work_setting", self.work_setting),
        ]
        return [(name, value) for name, value in chosen if value]

    @property
    def start(self):
        return _midnight(self.since) if self.since else None

    @property
    def end(self):  # exclusive
        return _midnight(self.until + datetime.timedelta(days=1)) if self.until else None

    def in_period(self, moment) -> bool:
        return (
            moment is not None
            and (self.start is None or moment >= self.start)
            and (self.end is None or moment < self.end)
        )


def _midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def scope_for(user, data: dict) -> ReportScope:
    """The scope from cleaned filter data, held to what `user` may see: a coordinator
    asking for another organisation (or its group) is refused (accounts.access.Refused)."""
    require(user, SEE_REPORTS)  # so that no organisation (None: everyone) never leaks
    organisation = data.get("organisation")
    group = data.get("group")
    if organisation is not None:
        require_organisation(user, organisation.pk)
    if group is not None:
        require_organisation(user, group.organisation_id)
    # An admin's organisation is a filter of the report on every organisation, so that the
    # two are protected as one; a coordinator's report is their organisation's.
    organisation_filter = None
    if sees_every_organisation(user):
        organisation_id, organisation_filter = None, (organisation.pk if organisation else None)
    else:
        organisation_id = user.organisation_id
    courses = {str(c.translation_key): c for c in _courses(user)}
    course = courses.get(data.get("course") or "") or next(iter(courses.values()), None)
    return ReportScope(
        course=course,
        since=data.get("since"),
        until=data.get("until"),
        organisation_id=organisation_id,
        organisation_filter=organisation_filter,
        city=data.get("city") or "",
        group_id=group.pk if group else None,
        language=data.get("language") or "",
        gender=data.get("gender") or "",
        age_band=data.get("age_band") or "",
        work_setting=data.get("work_setting") or "",
        demographics=sees_every_organisation(user)
        or whole_ended_quarters(data.get("since"), data.get("until")),
    )
