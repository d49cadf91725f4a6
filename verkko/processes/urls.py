from django.urls import path

from verkko.processes import views

app_name = "processes"

urlpatterns = [
    # Processes
    path("processes/", views.process_list, name="processes"),
    path("processes/new/", views.process_create, name="process_create"),
    path("processes/<slug:process>/", views.process_detail, name="process"),
    path("processes/<slug:process>/edit/", views.process_edit, name="process_edit"),
    path("processes/<slug:process>/steps/", views.step_add, name="step_add"),
    path("processes/<slug:process>/steps/<int:step>/edit/", views.step_edit, name="step_edit"),
    path("processes/<slug:process>/steps/<int:step>/remove/", views.step_remove, name="step_remove"),
    path("processes/<slug:process>/responsibilities/", views.process_responsibility, name="process_responsibility"),
    # The service catalogue
    path("services/", views.service_list, name="services"),
    path("services/new/", views.service_create, name="service_create"),
    path("services/import/", views.service_import, name="service_import"),
    path("services/<uuid:service>/", views.service_detail, name="service"),
    path("services/<uuid:service>/edit/", views.service_edit, name="service_edit"),
    # Agreements
    path("agreements/", views.agreement_list, name="agreements"),
    path("agreements/new/", views.agreement_create, name="agreement_create"),
    path("agreements/<uuid:agreement>/", views.agreement_detail, name="agreement"),
    path("agreements/<uuid:agreement>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<uuid:agreement>/documents/", views.document_add, name="document_add"),
    path("agreements/<uuid:agreement>/commitments/", views.agreement_commitment_add, name="agreement_commitment_add"),
    path("agreements/documents/<uuid:document>/", views.document_download, name="document"),
    # Commitments and resources
    path("commitments/", views.commitment_summary, name="commitments"),
    path("commitments/new/", views.action_commitment_add, name="action_commitment_add"),
    path("commitments/<uuid:commitment>/remove/", views.commitment_remove, name="commitment_remove"),
    # The collaboration model as a document
    path("collaboration-model/", views.model_document, name="model"),
    path("collaboration-model/pdf/", views.model_pdf, name="model_pdf"),
    path("collaboration-model/versions/", views.version_adopt, name="version_adopt"),
    path("collaboration-model/versions/compare/", views.version_compare, name="version_compare"),
    path("collaboration-model/versions/<uuid:version>/", views.version_detail, name="version"),
]
