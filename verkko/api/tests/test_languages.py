"""The API gives every language version of a text next to the text in the request's language."""


def test_a_goal_and_its_indicator_come_with_their_finnish_swedish_and_english_texts(api_for, goal, indicator):
    goal.title_sv = "Minskad ungdomsarbetslöshet"
    goal.save()
    indicator.unit_en = "per cent"
    indicator.save()
    data = api_for(None).get("/api/v1/oulu/goals/nuorisotyottomyys/").json()
    assert (data["title"], data["title_fi"], data["title_sv"], data["title_en"]) == (
        "Nuorisotyöttömyyden vähentäminen",
        "Nuorisotyöttömyyden vähentäminen",
        "Minskad ungdomsarbetslöshet",
        "",
    )
    indicator_data = api_for(None).get("/api/v1/oulu/indicators/koulutukseen-ohjatut/").json()
    assert (indicator_data["unit_fi"], indicator_data["unit_sv"], indicator_data["unit_en"]) == ("%", "", "per cent")
