"""Areas, municipalities, organisations, roles and forums in Finnish, Swedish and English (verkko.lib.translated)."""

from modeltranslation.translator import register

from verkko.ecosystem.models import EmploymentArea, Forum, Municipality, Organization, ReferenceArea, Role
from verkko.lib.translated import ContentTranslation


@register(ReferenceArea)
class ReferenceAreaTranslation(ContentTranslation):
    fields = ("name",)


@register(EmploymentArea)
class EmploymentAreaTranslation(ContentTranslation):
    fields = ("name", "description")


@register(Municipality)
class MunicipalityTranslation(ContentTranslation):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(ContentTranslation):
    fields = ("name", "description")


@register(Role)
class RoleTranslation(ContentTranslation):
    fields = ("summary", "responsibilities", "services_for_job_seekers", "services_for_employers")


@register(Forum)
class ForumTranslation(ContentTranslation):
    fields = ("name", "purpose")
