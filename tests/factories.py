import factory
from django.contrib.auth.models import Group

from accounts.models import Organisation, TrainingGroup, User

PASSWORD = "correct-horse-battery"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"org-{n}")
    country = "UA"

    @factory.post_generation
    def names(organisation, create, extracted, **kwargs):
        names = extracted or {
            "uk": f"Організація {organisation.slug}",
            "ru": f"Организация {organisation.slug}",
        }
        for language, name in names.items():
            organisation.set_current_language(language)
            organisation.name = name
            organisation.city = {"uk": "Львів", "ru": "Львов"}[language]
        if create:
            organisation.save()


class TrainingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingGroup

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Група {n}")
    join_code = factory.Sequence(lambda n: f"CODE{n:04d}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    nickname = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        if extracted:
            user.groups.add(Group.objects.get(name=extracted))
        if create:
            user.save()


class TraineeFactory(UserFactory):
    training_group = factory.SubFactory(TrainingGroupFactory)
    organisation = factory.SelfAttribute("training_group.organisation")
