-- An invitation accepted with an existing password by a contact who has two-factor
-- sign-in on: the second step of that sign-in carries the invitation, which is used up
-- and its membership activated only when the code is right. Until then the link stays
-- unused and the membership invited.
-- +goose Up
ALTER TABLE login_challenges ADD COLUMN invitation_token_id BIGINT REFERENCES tokens(id) ON DELETE CASCADE;

-- +goose Down
-- SQLite cannot drop a column that is part of a foreign key: the challenges that carry
-- an invitation go (they last minutes), the empty column stays.
DELETE FROM login_challenges WHERE invitation_token_id IS NOT NULL;
