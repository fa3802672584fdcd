-- When a temporary password from an administrator stops working (unused).
ALTER TABLE users ADD COLUMN password_expires_at TIMESTAMP;
