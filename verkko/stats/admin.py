from django.contrib import admin

from verkko.stats.models import ImportRun, Series, Source, Table


@admin.register(Table)
class TableAdmin(admin.ModelAdmin):
    list_display = ["table_id", "source", "title", "frequency", "updated", "fetched_at"]
    list_filter = ["source", "frequency"]
    search_fields = ["table_id", "title"]
    readonly_fields = ["dimensions", "updated", "fetched_at"]


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    # Observations are written only by imports (stats.store), so series are shown, not edited.
    list_display = ["key", "table", "area_code", "measure_code", "unit"]
    list_filter = ["table"]
    search_fields = ["key", "area_code", "measure_code"]
    readonly_fields = ["table", "key", "codes", "labels", "area_code", "measure_code", "unit", "decimals"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "table", "status", "rows_new", "rows_changed", "rows_unchanged", "missing_cells"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in ImportRun._meta.fields]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["table_id", "title", "area_id", "active", "last_updated", "last_error_at"]
    list_filter = ["area_id", "active"]
    readonly_fields = ["last_updated", "last_checked_at", "last_error", "last_error_at"]
