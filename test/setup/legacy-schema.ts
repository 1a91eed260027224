// The old system's schema as SQLModel's create_all and the two Alembic revisions left it on PostgreSQL 15
// (LEGACY.md): SERIAL ids, VARCHAR for str, TIMESTAMP WITHOUT TIME ZONE holding naive UTC, the named foreign keys and
// a B-tree index on each indexed column. For the migration test and bench.
export const legacySchemaSql = `
CREATE TABLE "user" (
  id SERIAL PRIMARY KEY,
  email VARCHAR NOT NULL,
  full_name VARCHAR,
  hashed_password VARCHAR NOT NULL,
  role VARCHAR NOT NULL DEFAULT 'client',
  is_active BOOLEAN NOT NULL DEFAULT true,
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ix_user_email ON "user" (email);
CREATE INDEX ix_user_role ON "user" (role);

CREATE TABLE applicant (
  id SERIAL PRIMARY KEY,
  account_user_id INTEGER NOT NULL REFERENCES "user" (id),
  first_name VARCHAR NOT NULL,
  last_name VARCHAR NOT NULL,
  latest_education VARCHAR,
  status VARCHAR NOT NULL DEFAULT 'draft',
  assigned_manager_id INTEGER REFERENCES "user" (id),
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_applicant_account_user_id ON applicant (account_user_id);
CREATE INDEX ix_applicant_status ON applicant (status);
CREATE INDEX ix_applicant_assigned_manager_id ON applicant (assigned_manager_id);

CREATE TABLE documentbundle (
  id SERIAL PRIMARY KEY,
  applicant_id INTEGER NOT NULL REFERENCES applicant (id),
  name VARCHAR NOT NULL,
  status VARCHAR NOT NULL DEFAULT 'open',
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_documentbundle_applicant_id ON documentbundle (applicant_id);
CREATE INDEX ix_documentbundle_status ON documentbundle (status);

CREATE TABLE document (
  id SERIAL PRIMARY KEY,
  bundle_id INTEGER NOT NULL REFERENCES documentbundle (id),
  filename VARCHAR NOT NULL,
  content_type VARCHAR NOT NULL,
  s3_key VARCHAR NOT NULL,
  size_bytes INTEGER,
  scanned_status VARCHAR NOT NULL DEFAULT 'pending',
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_document_bundle_id ON document (bundle_id);
CREATE INDEX ix_document_s3_key ON document (s3_key);
CREATE INDEX ix_document_scanned_status ON document (scanned_status);

CREATE TABLE task (
  id SERIAL PRIMARY KEY,
  applicant_id INTEGER REFERENCES applicant (id),
  assignee_id INTEGER REFERENCES "user" (id),
  title VARCHAR NOT NULL,
  description VARCHAR,
  status VARCHAR NOT NULL DEFAULT 'pending',
  due_at TIMESTAMP WITHOUT TIME ZONE,
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_task_applicant_id ON task (applicant_id);
CREATE INDEX ix_task_assignee_id ON task (assignee_id);
CREATE INDEX ix_task_status ON task (status);
CREATE INDEX ix_task_due_at ON task (due_at);

CREATE TABLE message (
  id SERIAL PRIMARY KEY,
  applicant_id INTEGER REFERENCES applicant (id),
  sender_id INTEGER NOT NULL REFERENCES "user" (id),
  recipient_id INTEGER REFERENCES "user" (id),
  body VARCHAR NOT NULL,
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
  read_at TIMESTAMP WITHOUT TIME ZONE
);
CREATE INDEX ix_message_applicant_id ON message (applicant_id);
CREATE INDEX ix_message_sender_id ON message (sender_id);
CREATE INDEX ix_message_recipient_id ON message (recipient_id);

CREATE TABLE payment (
  id SERIAL PRIMARY KEY,
  applicant_id INTEGER REFERENCES applicant (id),
  user_id INTEGER REFERENCES "user" (id),
  amount_cents INTEGER NOT NULL,
  currency VARCHAR NOT NULL DEFAULT 'usd',
  stripe_payment_intent_id VARCHAR,
  stripe_checkout_session_id VARCHAR,
  status VARCHAR NOT NULL DEFAULT 'created',
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_payment_applicant_id ON payment (applicant_id);
CREATE INDEX ix_payment_user_id ON payment (user_id);
CREATE INDEX ix_payment_stripe_payment_intent_id ON payment (stripe_payment_intent_id);
CREATE INDEX ix_payment_stripe_checkout_session_id ON payment (stripe_checkout_session_id);
CREATE INDEX ix_payment_status ON payment (status);

CREATE TABLE auditlog (
  id SERIAL PRIMARY KEY,
  user_id INTEGER REFERENCES "user" (id),
  action VARCHAR NOT NULL,
  resource_type VARCHAR,
  resource_id VARCHAR,
  extra_data VARCHAR,
  ip_address VARCHAR,
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_auditlog_user_id ON auditlog (user_id);
CREATE INDEX ix_auditlog_action ON auditlog (action);
CREATE INDEX ix_auditlog_resource_type ON auditlog (resource_type);
CREATE INDEX ix_auditlog_resource_id ON auditlog (resource_id);

CREATE TABLE mltrainingconsent (
  id SERIAL PRIMARY KEY,
  user_id INTEGER REFERENCES "user" (id),
  applicant_id INTEGER REFERENCES applicant (id),
  consent_given BOOLEAN NOT NULL DEFAULT true,
  version VARCHAR NOT NULL DEFAULT 'v1',
  consented_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
  revoked_at TIMESTAMP WITHOUT TIME ZONE
);
CREATE INDEX ix_mltrainingconsent_user_id ON mltrainingconsent (user_id);
CREATE INDEX ix_mltrainingconsent_applicant_id ON mltrainingconsent (applicant_id);

CREATE TABLE eligibilityresult (
  id SERIAL PRIMARY KEY,
  applicant_id INTEGER NOT NULL REFERENCES applicant (id),
  input_payload VARCHAR NOT NULL,
  result_payload VARCHAR NOT NULL,
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_eligibilityresult_applicant_id ON eligibilityresult (applicant_id);

-- Alembic revision 1: the review table, created only if missing.
CREATE TABLE IF NOT EXISTS applicantreview (
  id SERIAL PRIMARY KEY,
  applicant_id INTEGER NOT NULL REFERENCES applicant (id),
  reviewer_user_id INTEGER NOT NULL REFERENCES "user" (id),
  positive BOOLEAN NOT NULL,
  feedback VARCHAR,
  created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL
);
CREATE INDEX ix_applicantreview_applicant_id ON applicantreview (applicant_id);
CREATE INDEX ix_applicantreview_reviewer_user_id ON applicantreview (reviewer_user_id);

-- Alembic revision 2: six nullable profile columns, NULL on every older row.
ALTER TABLE applicant ADD COLUMN country_of_residence VARCHAR;
ALTER TABLE applicant ADD COLUMN study_destination VARCHAR;
ALTER TABLE applicant ADD COLUMN level_of_study VARCHAR;
ALTER TABLE applicant ADD COLUMN annual_budget VARCHAR;
ALTER TABLE applicant ADD COLUMN income_source VARCHAR;
ALTER TABLE applicant ADD COLUMN service_interest VARCHAR;
`;
