"""/api/v1/: the OpenAPI document, its documentation, the areas, and each area's data under its slug.

The area is the first segment after /api/v1/ (e.g. /api/v1/oulu/goals/); verkko.api.areas resolves it.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from verkko.api import docs, errors, views

app_name = "api"

TABLE = r"statistics/tables/(?P<table>[0-9]{1,9})/"

area_patterns = [
    path("", views.AreaDetailView.as_view(), name="area"),
    path("organisations/", views.OrganizationList.as_view(), name="organisations"),
    path("organisations/<slug:slug>/", views.OrganizationDetail.as_view(), name="organisation"),
    path("people/", views.PersonList.as_view(), name="people"),
    path("people/<uuid:uuid>/", views.PersonDetail.as_view(), name="person"),
    path("forums/", views.ForumList.as_view(), name="forums"),
    path("forums/<slug:slug>/", views.ForumDetail.as_view(), name="forum"),
    path("meetings/", views.MeetingList.as_view(), name="meetings"),
    path("meetings/<uuid:uuid>/", views.MeetingDetail.as_view(), name="meeting"),
    path("decisions/", views.DecisionList.as_view(), name="decisions"),
    path("goals/", views.GoalList.as_view(), name="goals"),
    path("goals/<slug:slug>/", views.GoalDetail.as_view(), name="goal"),
    path("indicators/", views.IndicatorList.as_view(), name="indicators"),
    path("indicators/<slug:slug>/", views.IndicatorDetail.as_view(), name="indicator"),
    path("indicators/<slug:slug>/values/", views.IndicatorValues.as_view(), name="indicator_values"),
    path("actions/", views.ActionList.as_view(), name="actions"),
    path("actions/<uuid:uuid>/", views.ActionDetail.as_view(), name="action"),
    path("actions/<uuid:uuid>/check-ins/", views.ActionCheckIns.as_view(), name="check_ins"),
    path("signals/", views.SignalList.as_view(), name="signals"),
    path("signals/<uuid:uuid>/", views.SignalDetail.as_view(), name="signal"),
    path("figures/", views.FigureList.as_view(), name="figures"),
    path("news/", views.NewsList.as_view(), name="news"),
    path("news/<uuid:uuid>/", views.NewsDetail.as_view(), name="news_item"),
    path("events/", views.EventList.as_view(), name="events"),
    path("events/<uuid:uuid>/", views.EventDetail.as_view(), name="event"),
    path("processes/", views.ProcessList.as_view(), name="processes"),
    path("processes/<slug:slug>/", views.ProcessDetail.as_view(), name="process"),
    path("services/", views.ServiceList.as_view(), name="services"),
    path("services/<uuid:uuid>/", views.ServiceDetail.as_view(), name="service"),
    path("survey/", views.SurveyRoundList.as_view(), name="survey_rounds"),
    path("survey/<uuid:uuid>/summary/", views.SurveySummary.as_view(), name="survey_summary"),
    path("statistics/tables/", views.TableList.as_view(), name="tables"),
    re_path(rf"^{TABLE}$", views.TableDetail.as_view(), name="table"),
    re_path(rf"^{TABLE}series/$", views.SeriesList.as_view(), name="series"),
    re_path(rf"^{TABLE}observations/$", views.ObservationList.as_view(), name="observations"),
    re_path(rf"^{TABLE}jsonstat/$", views.ObservationDataset.as_view(), name="jsonstat"),
]

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.documentation, name="docs"),
    path("areas/", views.AreaListView.as_view(), name="areas"),
    path("<slug:area>/", include(area_patterns)),
    re_path(r"^.*$", errors.not_found),
]
