"""Demo organisations, groups and accounts. Dev-only passwords, documented in README."""

from django.contrib.auth.models import Group

from accounts.models import (
    COORDINATORS_GROUP,
    OPTIONAL_QUESTIONS,
    TRAINERS_GROUP,
    Organisation,
    TrainingGroup,
    User,
    normalise_join_code,
)
from accounts.services import organisation_questions_set

DEMO_PASSWORD = "conecta-demo-2026"

ORGANISATIONS = [
    {
        "slug": "salus",
        "country": "UA",
        "uk": {"name": "Салюс", "city": "Львів"},
        "ru": {"name": "Салюс", "city": "Львов"},
        "group": {"name": "Львів — група 1", "join_code": "TVE-4GN-6ZR"},
    },
    {
        "slug": "humanitarian-action",
        "country": "RU",
        "uk": {"name": "Гуманітарна дія", "city": "Санкт-Петербург"},
        "ru": {"name": "Гуманитарное действие", "city": "Санкт-Петербург"},
        "group": {"name": "Петербург — группа 1", "join_code": "M46-Y5P-9UN"},
        # An organisation in Russia may decide it must not hold anyone's gender identity.
        "asks": {"age_band", "work_setting"},
    },
]

# nickname: (organisation slug, role group, is trainee in that organisation's demo group)
USERS = {
    "admin": (None, None, False),
    "trainer-lviv": ("salus", TRAINERS_GROUP, False),
    "trainer-spb": ("humanitarian-action", TRAINERS_GROUP, False),
    "coordinator-lviv": ("salus", COORDINATORS_GROUP, False),
    "coordinator-spb": ("humanitarian-action", COORDINATORS_GROUP, False),
    "trainee-demo": ("salus", None, True),
}


def load_organisations() -> dict[str, Organisation]:
    organisations = {}
    for spec in ORGANISATIONS:
        organisation = Organisation.objects.filter(slug=spec["slug"]).first()
        if organisation is None:
            organisation = Organisation(slug=spec["slug"], country=spec["country"])
            for language in ("uk", "ru"):
                organisation.set_current_language(language)
                organisation.name = spec[language]["name"]
                organisation.city = spec[language]["city"]
            organisation.save()
        asks = spec.get("asks", set(OPTIONAL_QUESTIONS))
        if set(organisation.asked_questions()) != asks:
            organisation_questions_set(organisation=organisation, asked=asks)
        organisations[spec["slug"]] = organisation
    return organisations


def load_users(organisations: dict[str, Organisation]) -> None:
    groups = {}
    for spec in ORGANISATIONS:
        # Found by name, so that a demo loaded before the codes changed gets today's codes.
        organisation, name = organisations[spec["slug"]], spec["group"]["name"]
        group = TrainingGroup.objects.filter(organisation=organisation, name=name).order_by("pk").first()
        group = group or TrainingGroup(organisation=organisation, name=name)
        code = normalise_join_code(spec["group"]["join_code"])
        if group.pk is None or group.join_code != code:
            group.join_code = code
            group.save()
        groups[spec["slug"]] = group
    for nickname, (org_slug, role, is_trainee) in USERS.items():
        if User.objects.filter(nickname=nickname).exists():
            continue
        user = User(nickname=nickname, organisation=organisations.get(org_slug))
        if nickname == "admin":
            user.is_superuser = user.is_staff = True
        if is_trainee:
            user.training_group = groups[org_slug]
            user.age_band, user.gender, user.work_setting = "25-29", "woman", "apartment"
        user.set_password(DEMO_PASSWORD)
        user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
            if role == TRAINERS_GROUP:
                TrainingGroup.objects.filter(pk=groups[org_slug].pk, trainer=None).update(trainer=user)


def load() -> None:
    load_users(load_organisations())
