-- Knowledge-base feedback: "Was this article helpful?". A logged-in contact answers yes
-- or no once per article (they may change it); a "no" may carry a short comment on what
-- was missing. company_id is the company the contact acted for, shown to staff. Staff
-- reset an article's feedback together with its views (kb_articles.views).
-- kb_recent_views remembers for a short while (kb.ViewWindow) which contact read which
-- article, so reloading a page does not count as another read; the janitor sweeps it.
-- +goose Up
CREATE TABLE kb_feedback (
    id INTEGER PRIMARY KEY,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    article_id BIGINT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    company_id BIGINT REFERENCES companies(id) ON DELETE SET NULL,
    helpful BOOLEAN NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX kb_feedback_vote ON kb_feedback (article_id, contact_id);
CREATE INDEX kb_feedback_recent ON kb_feedback (article_id, helpful, updated_at);
CREATE INDEX kb_feedback_contact ON kb_feedback (tenant_id, contact_id, id);

CREATE TABLE kb_recent_views (
    article_id BIGINT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
    contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    tenant_id BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    viewed_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, contact_id)
);
CREATE INDEX kb_recent_views_at ON kb_recent_views (viewed_at);
CREATE INDEX kb_recent_views_contact ON kb_recent_views (tenant_id, contact_id);

-- +goose Down
DROP TABLE kb_recent_views;
DROP TABLE kb_feedback;
