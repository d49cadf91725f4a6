def test_coordinator_restores_an_archived_organisation(as_role, coordinator, partner_editor, organization_a):
    organization_a.archived_at = "2026-01-01T00:00Z"
    organization_a.save()
    assert as_role("partner_editor").post("/fi/oulu/ecosystem/organisaatio-a/restore/").status_code == 403
    organization_a.refresh_from_db()
    assert organization_a.is_archived
    as_role("coordinator").post("/fi/oulu/ecosystem/organisaatio-a/restore/")
    organization_a.refresh_from_db()
    assert not organization_a.is_archived


def test_restore_refuses_get(as_role, coordinator, organization_a):
    assert as_role("coordinator").get("/fi/oulu/ecosystem/organisaatio-a/restore/").status_code == 405


def test_restoring_an_unknown_organisation_is_not_found(as_role, coordinator):
    assert as_role("coordinator").post("/fi/oulu/ecosystem/ei-ole/restore/").status_code == 404
