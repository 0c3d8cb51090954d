-- The audience tier (issue 20): people who register to watch only. They take no delegate seat;
-- the event gives them their own policy and limit (NULL: no limit).
ALTER TYPE "Role" ADD VALUE 'audience';

ALTER TABLE "events" ADD COLUMN "audience_policy" "RegistrationPolicy" NOT NULL DEFAULT 'open',
    ADD COLUMN "audience_capacity" INTEGER;

-- register_seat decides an audience registration against the audience's own policy and limit, and
-- leaves audience registrations out of the delegate seat count. Same signature, same lock: both
-- tiers are decided one after another under the event's row lock, so neither count is ever exceeded.
-- An audience registration under an invitation-only audience policy without an invitation is
-- refused here ('invitationOnly'), under the lock, so a policy changed a moment before still holds.
-- Under the approval policy an audience registration waits for an organizer (pending), who
-- approves it against the audience limit.
CREATE OR REPLACE FUNCTION "register_seat"(
    p_id TEXT, p_event_id TEXT, p_user_id TEXT, p_role "Role", p_invitation_id TEXT,
    p_organization_id TEXT, p_organization_other TEXT, p_country TEXT, p_language "Language",
    p_time_zone TEXT, p_accessibility_needs TEXT, p_recording_consent BOOLEAN,
    p_forum_ids TEXT[], p_audit_action TEXT, p_now TIMESTAMPTZ,
    p_requested_role "Role", p_requested_organization_id TEXT, p_requested_organization_other TEXT
) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    v_capacity INTEGER;
    v_policy TEXT;
    v_audience_capacity INTEGER;
    v_audience_policy TEXT;
    v_previous "RegistrationStatus";
    v_taken INTEGER;
    v_status "RegistrationStatus";
BEGIN
    SELECT capacity, registration_policy::TEXT, audience_capacity, audience_policy::TEXT
    INTO v_capacity, v_policy, v_audience_capacity, v_audience_policy
    FROM events WHERE id = p_event_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'event % not found', p_event_id USING ERRCODE = 'no_data_found';
    END IF;
    SELECT status INTO v_previous FROM registrations WHERE event_id = p_event_id AND user_id = p_user_id;
    IF v_previous = 'declined' THEN
        RETURN 'declined';
    END IF;
    IF v_previous IS NOT NULL AND v_previous <> 'cancelled' THEN
        RETURN 'alreadyRegistered';
    END IF;
    IF p_role = 'audience' AND p_invitation_id IS NULL AND v_audience_policy = 'invitation' THEN
        RETURN 'invitationOnly';
    END IF;
    IF v_previous IS NOT NULL THEN
        DELETE FROM registrations WHERE event_id = p_event_id AND user_id = p_user_id;
    END IF;
    IF p_role = 'audience' THEN
        SELECT count(*) INTO v_taken FROM registrations WHERE event_id = p_event_id AND status = 'approved' AND role = 'audience';
        v_status := CASE
            WHEN p_invitation_id IS NULL AND v_audience_policy = 'approval' THEN 'pending'
            WHEN v_audience_capacity IS NOT NULL AND v_taken >= v_audience_capacity THEN 'waitlisted'
            ELSE 'approved'
        END;
    ELSE
        -- Organizers' own registrations run the event and take no seat; nor does the audience.
        SELECT count(*) INTO v_taken FROM registrations
        WHERE event_id = p_event_id AND status = 'approved' AND role NOT IN ('organizer', 'audience');
        v_status := CASE
            WHEN v_taken >= v_capacity THEN 'waitlisted'
            WHEN p_invitation_id IS NOT NULL OR v_policy = 'open' THEN 'approved'
            ELSE 'pending'
        END;
    END IF;
    INSERT INTO registrations (id, event_id, user_id, role, status, organization_id, organization_other, country,
        preferred_language, time_zone, accessibility_needs, recording_consent, decided_at, updated_at,
        requested_role, requested_organization_id, requested_organization_other)
    VALUES (p_id, p_event_id, p_user_id, p_role, v_status, p_organization_id, p_organization_other, p_country,
        p_language, p_time_zone, p_accessibility_needs, p_recording_consent,
        CASE WHEN v_status = 'pending' THEN NULL ELSE p_now END, now(),
        p_requested_role, p_requested_organization_id, p_requested_organization_other);
    INSERT INTO registration_forums (registration_id, forum_id) SELECT p_id, f FROM unnest(p_forum_ids) AS f;
    INSERT INTO audit_logs (event_id, actor_id, action, entity_type, entity_id, data)
    VALUES (p_event_id, p_user_id, p_audit_action, 'registration', p_id,
        jsonb_strip_nulls(jsonb_build_object('status', v_status::TEXT, 'role', p_role::TEXT, 'requestedRole', p_requested_role::TEXT)));
    IF p_invitation_id IS NOT NULL THEN
        UPDATE invitations SET accepted_at = p_now, registration_id = p_id WHERE id = p_invitation_id;
    END IF;
    RETURN v_status::TEXT;
END;
$$;
