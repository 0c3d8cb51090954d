-- Accounts and registration that hold against abuse (issue 15).

-- A session cookie carries the account's session version when it was issued; signing out,
-- resetting the password, being declined or losing organizer rights raises it, which ends every
-- session issued before.
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- What a registrant asked for beyond what is granted on arrival: a role other than delegate or
-- observer, an organisation. `role` and `organization_id`/`organization_other` stay what an
-- organizer granted (the rooms read them); these wait for the desk.
ALTER TABLE "registrations" ADD COLUMN "requested_role" "Role",
    ADD COLUMN "requested_organization_id" TEXT,
    ADD COLUMN "requested_organization_other" TEXT;

ALTER TABLE "registrations" ADD CONSTRAINT "registrations_requested_organization_id_fkey" FOREIGN KEY ("requested_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The language of an invitation's mail, link and form; existing ones take their event's first language.
ALTER TABLE "invitations" ADD COLUMN "language" "Language" NOT NULL DEFAULT 'en';
UPDATE "invitations" i SET "language" = e."languages"[1] FROM "events" e WHERE e."id" = i."event_id" AND cardinality(e."languages") > 0;

-- A registration waiting for its address to be confirmed: it takes no seat and is not seen at
-- the desk until the mailed link is opened (with the password chosen, for a new account).
CREATE TABLE "registration_requests" (
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "user_id" TEXT,
    "password_hash" TEXT,
    "input" JSONB NOT NULL,
    "locale" "Language" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registration_requests_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "registration_requests_token_hash_key" ON "registration_requests"("token_hash");
CREATE INDEX "registration_requests_expires_at_idx" ON "registration_requests"("expires_at");

ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exponential back-off per key (an account from one address, an account from anywhere, a mailbox):
-- attempts since the last success or since a quiet day, and when the last one was let through.
CREATE TABLE "backoffs" (
    "key" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_at" TIMESTAMPTZ(3) NOT NULL,
    "notified_at" TIMESTAMPTZ(3),

    CONSTRAINT "backoffs_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "backoffs_last_at_idx" ON "backoffs"("last_at");

-- Where an account has signed in with its password: those addresses are not slowed down when
-- strangers elsewhere guess at the account.
CREATE TABLE "sign_in_addresses" (
    "user_id" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "last_success_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sign_in_addresses_pkey" PRIMARY KEY ("user_id","address")
);

ALTER TABLE "sign_in_addresses" ADD CONSTRAINT "sign_in_addresses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- register_seat grows the requested role and organisation, and a declined registration stays
-- declined: only a cancelled one is replaced by a new arrival.
DROP FUNCTION "register_seat"(TEXT, TEXT, TEXT, "Role", TEXT, TEXT, TEXT, TEXT, "Language", TEXT, TEXT, BOOLEAN, TEXT[], TEXT, TIMESTAMPTZ);

CREATE FUNCTION "register_seat"(
    p_id TEXT, p_event_id TEXT, p_user_id TEXT, p_role "Role", p_invitation_id TEXT,
    p_organization_id TEXT, p_organization_other TEXT, p_country TEXT, p_language "Language",
    p_time_zone TEXT, p_accessibility_needs TEXT, p_recording_consent BOOLEAN,
    p_forum_ids TEXT[], p_audit_action TEXT, p_now TIMESTAMPTZ,
    p_requested_role "Role", p_requested_organization_id TEXT, p_requested_organization_other TEXT
) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    v_capacity INTEGER;
    v_policy TEXT;
    v_previous "RegistrationStatus";
    v_taken INTEGER;
    v_status "RegistrationStatus";
BEGIN
    SELECT capacity, registration_policy::TEXT INTO v_capacity, v_policy FROM events WHERE id = p_event_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'event % not found', p_event_id USING ERRCODE = 'no_data_found';
    END IF;
    SELECT status INTO v_previous FROM registrations WHERE event_id = p_event_id AND user_id = p_user_id;
    IF FOUND THEN
        IF v_previous = 'declined' THEN
            RETURN 'declined';
        END IF;
        IF v_previous <> 'cancelled' THEN
            RETURN 'alreadyRegistered';
        END IF;
        DELETE FROM registrations WHERE event_id = p_event_id AND user_id = p_user_id;
    END IF;
    -- Organizers' own registrations run the event and take no seat.
    SELECT count(*) INTO v_taken FROM registrations WHERE event_id = p_event_id AND status = 'approved' AND role <> 'organizer';
    v_status := CASE
        WHEN v_taken >= v_capacity THEN 'waitlisted'
        WHEN p_invitation_id IS NOT NULL OR v_policy = 'open' THEN 'approved'
        ELSE 'pending'
    END;
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
