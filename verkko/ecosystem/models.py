"""The ecosystem: employment areas, municipalities, organisations, people, roles and forums."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from verkko.lib.business_id import validate_business_id
from verkko.lib.formatting import format_date


class ReferenceArea(models.Model):
    """One of Finland's employment areas in Statistics Finland's classification (reference data).

    Loaded by ``manage.py load_employment_areas``; the situational picture compares an area
    with all of them, whether or not they run on this installation.
    """

    class HostStatus(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        CONFIRMED_MODEL_ONLY = "confirmed (model only)", _("confirmed (model only)")
        INFERRED = "inferred", _("inferred")
        SINGLE = "single-municipality area", _("single-municipality area")
        UNKNOWN = "unknown", _("unknown")

    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=200)  # name_fi, name_sv, name_en: translation.py
    host_municipality = models.ForeignKey(
        "Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host municipality"),
    )
    host_status = models.CharField(
        _("host status"), max_length=30, choices=HostStatus.choices, default=HostStatus.UNKNOWN
    )

    class Meta:
        verbose_name = _("employment area of the classification")
        verbose_name_plural = _("employment areas of the classification")
        ordering = ["name_fi"]

    def __str__(self):
        return self.name


class EmploymentArea(models.Model):
    """A työllisyysalue that runs on this installation: its partners, goals and pages.

    Its slug is the first part of every address of the area (``/fi/<slug>/situation/``).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True, help_text=_("The first part of the area's addresses."))
    host_municipality = models.ForeignKey(
        "Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host municipality"),
    )
    description = models.TextField(_("description"), blank=True)
    reference_area = models.ForeignKey(
        ReferenceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("employment area of the classification"),
    )
    is_demo = models.BooleanField(
        _("demo data"), default=False, help_text=_("The area holds invented demonstration data.")
    )
    # Raised by every write of the area's content (verkko.ecosystem.content_versions): cached pages
    # of the area are keyed by it, so that they last until their data change.
    content_version = models.PositiveBigIntegerField(_("content version"), default=0, editable=False)

    class Meta:
        verbose_name = _("employment area")
        verbose_name_plural = _("employment areas")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A kunta with its three-digit code (564) and Statistics Finland area code (KU564)."""

    code = models.CharField(
        _("municipality code"), max_length=3, unique=True, validators=[RegexValidator(r"^[0-9]{3}$")]
    )
    name = models.CharField(_("name"), max_length=100)  # name_fi, name_sv, name_en: translation.py
    area = models.ForeignKey(
        EmploymentArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipalities",
        verbose_name=_("employment area"),
    )
    reference_area = models.ForeignKey(
        ReferenceArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="municipalities",
        verbose_name=_("employment area of the classification"),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name_fi"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{3}$"), name="ecosystem_municipality_code_3_digits"),
        ]

    def __str__(self):
        return self.name

    @property
    def statfin_code(self):
        return f"KU{self.code}"


class TargetGroup(models.Model):
    """A group of people an organisation serves (job seekers, young people …)."""

    class Code(models.TextChoices):
        JOB_SEEKERS = "job_seekers", _("job seekers")
        YOUNG_PEOPLE = "young_people", _("young people")
        IMMIGRANTS = "immigrants", _("immigrants")
        PARTIAL_WORK_ABILITY = "partial_work_ability", _("people with partial work ability")
        LONG_TERM_UNEMPLOYED = "long_term_unemployed", _("long-term unemployed")
        OLDER_WORKERS = "older_workers", _("older job seekers")
        STUDENTS = "students", _("students")
        EMPLOYERS = "employers", _("employers")
        ENTREPRENEURS = "entrepreneurs", _("entrepreneurs and start-ups")

    code = models.CharField(_("code"), max_length=40, choices=Code.choices, unique=True)

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["code"]

    def __str__(self):
        return self.get_code_display()


class Organization(models.Model):
    """An actor of the ecosystem: a municipality, agency, school, company, NGO …"""

    class Type(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        STATE_AGENCY = "state_agency", _("state agency")
        WELLBEING_COUNTY = "wellbeing_county", _("wellbeing services county")
        KELA = "kela", _("Kela")
        EDUCATION = "education", _("education")
        BUSINESS_ORGANISATION = "business_organisation", _("business organisation")
        COMPANY = "company", _("company")
        NGO = "ngo", _("NGO")
        RESEARCH = "research", _("research")
        OTHER = "other", _("other")

    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Unique within the employment area."))
    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=30, choices=Type.choices, default=Type.OTHER)
    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="organizations", verbose_name=_("employment area")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("municipality"),
    )
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("For example 0187690-1."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="organizations", verbose_name=_("target groups")
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(business_id="") | Q(business_id__regex=r"^[0-9]{7}-[0-9]$"),
                name="ecosystem_organization_business_id_format",
            ),
            # Imports find an organisation by its (Finnish) name within the area; name_fi is
            # modeltranslation's column (translation.py), named so that no per-language copies are made.
            models.UniqueConstraint(fields=["area", "name_fi"], name="ecosystem_organization_unique_name_in_area"),
            models.UniqueConstraint(fields=["area", "slug"], name="ecosystem_organization_unique_slug_in_area"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("ecosystem:organization", args=[self.slug])

    @property
    def is_archived(self):
        return self.archived_at is not None


class Person(models.Model):
    """A contact person of an organisation; shows publicly only what they agreed to."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="people", verbose_name=_("organisation")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user"),
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    show_publicly = models.BooleanField(_("name and title shown publicly"), default=False)
    show_email_publicly = models.BooleanField(_("e-mail shown publicly"), default=False)
    show_phone_publicly = models.BooleanField(_("phone shown publicly"), default=False)
    left_at = models.DateField(_("left the organisation"), null=True, blank=True)
    erased_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_erased(self):
        return self.erased_at is not None


class Role(models.Model):
    """An organisation's role in the ecosystem, in plain words, and its services."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="role", verbose_name=_("organisation")
    )
    summary = models.TextField(_("role in the ecosystem"), blank=True)
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    services_for_job_seekers = models.TextField(_("services for job seekers"), blank=True)
    services_for_employers = models.TextField(_("services for employers"), blank=True)

    class Meta:
        verbose_name = _("role and responsibilities")
        verbose_name_plural = _("roles and responsibilities")

    def __str__(self):
        return str(self.organization)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    PARTNERS = "partners", _("partners only")


class Forum(models.Model):
    """A steering group, network or working group on one of three levels of network work."""

    class Level(models.TextChoices):
        STRATEGIC = "strategic", _("strategic")
        TACTICAL = "tactical", _("tactical")
        OPERATIONAL = "operational", _("operational")

    area = models.ForeignKey(
        EmploymentArea, on_delete=models.PROTECT, related_name="forums", verbose_name=_("employment area")
    )
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Unique within the employment area."))
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    purpose = models.TextField(_("purpose"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent forum"),
    )
    chair = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_forums",
        verbose_name=_("chair"),
    )
    secretary = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="secretary_forums",
        verbose_name=_("secretary"),
    )
    meeting_rhythm = models.CharField(_("meeting rhythm"), max_length=200, blank=True)
    visibility = models.CharField(_("visibility"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "slug"], name="ecosystem_forum_unique_slug_in_area"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("ecosystem:forum", args=[self.slug])

    @property
    def is_public(self):
        return self.visibility == Visibility.PUBLIC

    @property
    def is_archived(self):
        return self.archived_at is not None


class ForumMember(models.Model):
    """An organisation, and optionally a named person of it, sitting in a forum."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        SECRETARY = "secretary", _("secretary")
        MEMBER = "member", _("member")
        DEPUTY = "deputy", _("deputy member")
        EXPERT = "expert", _("permanent expert")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="members", verbose_name=_("forum"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="forum_memberships", verbose_name=_("organisation")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role in the forum"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")
        constraints = [
            models.UniqueConstraint(fields=["forum", "organization", "person"], name="ecosystem_forummember_unique"),
            # NULLs are distinct in a unique index, so an organisation without a person needs its own rule.
            models.UniqueConstraint(
                fields=["forum", "organization"],
                condition=Q(person__isnull=True),
                name="ecosystem_forummember_unique_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.forum}: {self.person or self.organization}"


class Meeting(models.Model):
    """A meeting of a forum, with its agenda, minutes and attending organisations."""

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("forum"))
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    attendees = models.ManyToManyField(
        Organization, blank=True, related_name="attended_meetings", verbose_name=_("attending organisations")
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.forum} {format_date(self.starts_at)}"

    def get_absolute_url(self):
        return reverse("ecosystem:meeting", args=[self.uuid])


class MeetingAttachment(models.Model):
    """A file attached to a meeting (agenda papers, presentations, minutes)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("meeting")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="meetings/%Y/")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True, null=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("ecosystem:attachment", args=[self.uuid])


class Decision(models.Model):
    """A decision recorded in a meeting, with who is responsible and by when."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting"))
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    text = models.TextField(_("decision"))
    responsible_organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("responsible organisation"),
    )
    responsible_person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("responsible person"),
    )
    due_date = models.DateField(_("due"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting__starts_at", "pk"]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        """The decision's place on its meeting's page; other apps link to decisions by their uuid."""
        return f"{self.meeting.get_absolute_url()}#decision-{self.uuid}"


class Responsibility(models.Model):
    """One cell of the responsibility matrix: an organisation's RACI letter for a forum or a goal.

    The subject is generic so that the ecosystem app never imports the apps whose objects
    (goals, for example) appear in the matrix.
    """

    class Level(models.TextChoices):
        RESPONSIBLE = "R", _("responsible")
        ACCOUNTABLE = "A", _("accountable")
        CONSULTED = "C", _("consulted")
        INFORMED = "I", _("informed")

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("organisation")
    )
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("subject type"))
    subject_id = models.PositiveBigIntegerField(_("subject"))
    subject = GenericForeignKey("subject_type", "subject_id")
    level = models.CharField(_("responsibility"), max_length=1, choices=Level.choices)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "subject_type", "subject_id"], name="ecosystem_responsibility_unique_subject"
            ),
        ]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="ecosystem_resp_subject_idx")]

    def __str__(self):
        return f"{self.organization} {self.level}"
