import datetime

import factory
from django.utils import timezone
from django.utils.text import slugify

from verkko.accounts.models import Membership, User
from verkko.ecosystem.models import Decision, EmploymentArea, Forum, Meeting, Municipality, Organization, Person


class EmploymentAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmploymentArea
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Testialue {n}")
    slug = factory.LazyAttribute(lambda area: slugify(area.name))


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"{(n % 900) + 100:03d}")
    name_fi = factory.Sequence(lambda n: f"Kunta {n}")
    name_sv = factory.LazyAttribute(lambda municipality: f"{municipality.name_fi} sv")
    area = factory.SubFactory(EmploymentAreaFactory)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    slug = factory.LazyAttribute(lambda organization: slugify(organization.name))
    area = factory.SubFactory(EmploymentAreaFactory)
    type = Organization.Type.OTHER


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    organization = factory.SubFactory(OrganizationFactory)
    first_name = factory.Sequence(lambda n: f"Etunimi{n}")
    last_name = factory.Sequence(lambda n: f"Sukunimi{n}")
    email = factory.LazyAttribute(lambda person: f"{person.first_name}.{person.last_name}@example.org".lower())


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    area = factory.SubFactory(EmploymentAreaFactory)
    name = factory.Sequence(lambda n: f"Foorumi {n}")
    slug = factory.LazyAttribute(lambda forum: slugify(forum.name))
    level = Forum.Level.TACTICAL


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "salasana-testi-123")

    @factory.post_generation
    def save_password(user, create, extracted, **kwargs):
        if create:
            user.save()


def member_of(organization, role, **user_fields):
    """A user with the given role in the organisation."""
    user = UserFactory(**user_fields)
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    forum = factory.SubFactory(ForumFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    place = "Kokoushuone Merikoski"
    agenda = "1. Avaus\n2. Tilannekatsaus"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Päätös numero {n}")
