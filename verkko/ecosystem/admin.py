from django.contrib import admin

from verkko.ecosystem.models import (
    Decision,
    EmploymentArea,
    Forum,
    ForumMember,
    Meeting,
    MeetingAttachment,
    Municipality,
    Organization,
    Person,
    Responsibility,
    Role,
)


@admin.register(EmploymentArea)
class EmploymentAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "host_municipality", "is_demo"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["code", "name_fi", "name_sv", "area"]
    list_filter = ["area"]
    search_fields = ["code", "name_fi", "name_sv"]


class RoleInline(admin.StackedInline):
    model = Role


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "municipality", "business_id", "archived_at"]
    list_filter = ["type", "area", "archived_at"]
    search_fields = ["name", "name_sv", "business_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoleInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "organization", "email"]
    search_fields = ["last_name", "first_name", "email"]
    list_filter = ["organization"]


class ForumMemberInline(admin.TabularInline):
    model = ForumMember
    extra = 0


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "visibility"]
    list_filter = ["level", "visibility"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ForumMemberInline]


class DecisionInline(admin.StackedInline):
    model = Decision
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = MeetingAttachment
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["forum", "starts_at", "place"]
    list_filter = ["forum"]
    inlines = [DecisionInline, AttachmentInline]


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    list_display = ["organization", "subject_type", "subject_id", "level"]
    list_filter = ["subject_type", "level"]
