from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "verkko.news"
    label = "news"
    verbose_name = _("News and events")

    def ready(self):
        from auditlog.registry import auditlog

        from verkko.news import mail  # noqa: F401  (records the e-mail sent at once)

        for model_name in ["NewsItem", "NewsAttachment", "Event", "Registration", "Follow"]:
            model = self.get_model(model_name)
            auditlog.register(
                model,
                include_fields=[
                    field.name
                    for field in model._meta.concrete_fields
                    if field.name not in ("id", "created_at", "updated_at", "uploaded_at")
                ],
                m2m_fields={field.name for field in model._meta.local_many_to_many},
            )
