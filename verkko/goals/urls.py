from django.urls import path

from verkko.goals import views

app_name = "goals"

urlpatterns = [
    path("goals/", views.monitoring_view, name="monitoring"),
    path("goals/new/", views.goal_create, name="goal_create"),
    path("goals/<str:key>/", views.goal_detail, name="goal"),
    path("goals/<str:key>/edit/", views.goal_edit, name="goal_edit"),
    path("goals/<str:key>/responsibilities/", views.goal_responsibility, name="goal_responsibility"),
    path("indicators/new/", views.indicator_create, name="indicator_create"),
    path("indicators/<str:key>/", views.indicator_detail, name="indicator"),
    path("indicators/<str:key>/edit/", views.indicator_edit, name="indicator_edit"),
    path("indicators/<str:key>/targets/", views.target_add, name="target_add"),
    path("indicators/<str:key>/targets/<str:period>/delete/", views.target_delete, name="target_delete"),
    path("indicators/<str:key>/values/", views.value_add, name="value_add"),
    path("indicators/<str:key>/import/", views.values_import, name="values_import"),
    path("indicators/<str:key>/turn-the-curve/", views.turn_the_curve_edit, name="turn_the_curve"),
    path("actions/", views.action_list, name="actions"),
    path("actions/new/", views.action_create, name="action_create"),
    path("actions/from-decision/<uuid:decision>/", views.action_from_decision, name="action_from_decision"),
    path("actions/<uuid:key>/", views.action_detail, name="action"),
    path("actions/<uuid:key>/edit/", views.action_edit, name="action_edit"),
    path("actions/<uuid:key>/milestones/", views.milestone_add, name="milestone_add"),
    path("actions/<uuid:key>/milestones/<int:milestone>/edit/", views.milestone_edit, name="milestone_edit"),
    path("actions/<uuid:key>/milestones/<int:milestone>/done/", views.milestone_done, name="milestone_done"),
    path("actions/<uuid:key>/milestones/<int:milestone>/delete/", views.milestone_delete, name="milestone_delete"),
    path("actions/<uuid:key>/check-in/", views.check_in, name="check_in"),
    path("my-actions/", views.my_actions, name="my_actions"),
]
